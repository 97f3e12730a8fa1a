import type { Metadata } from "next";
import Link from "next/link";
import { ArrowRight, CalendarClock, Eye, PenLine, type LucideIcon } from "lucide-react";

import { Button } from "@/components/ui/button";

export const metadata: Metadata = {
  title: { absolute: "Ghostart — posts in your people's own voice" },
};

const features: { icon: LucideIcon; title: string; body: string }[] = [
  {
    icon: PenLine,
    title: "AI drafts in each person's voice",
    body: "Each person on your team has their own voice profile, so a draft for your CTO never reads like one for your head of sales.",
  },
  {
    icon: Eye,
    title: "A LinkedIn preview you can trust",
    body: "See the post the way your audience will: line breaks, mentions, and exactly where LinkedIn folds the text behind “…see more”.",
  },
  {
    icon: CalendarClock,
    title: "On-time publishing that never duplicates",
    body: "Schedule in each person's own time zone. Posts go out when they're due, retries are safe, and nothing is ever published twice.",
  },
];

function PreviewMock() {
  return (
    <figure className="mx-auto w-full max-w-md rounded-xl border bg-card p-5 text-left shadow-sm">
      <div className="flex items-center gap-3">
        <div aria-hidden="true" className="size-10 rounded-full bg-accent" />
        <div>
          <p className="text-sm font-semibold">Maya Chen</p>
          <p className="text-xs text-muted-foreground">VP Engineering · Scheduled Tue 9:00</p>
        </div>
      </div>
      <p className="mt-4 text-sm leading-relaxed">
        We shipped our biggest release on a Friday. Here&apos;s why that was the right call, and the
        three rules that made it boring in the best way.
      </p>
      <p className="mt-2 text-sm leading-relaxed">
        1. Every change is behind a flag <span className="text-muted-foreground">…see more</span>
      </p>
      <figcaption className="mt-4 border-t pt-3 text-xs text-muted-foreground">
        Preview shows exactly where LinkedIn folds the post.
      </figcaption>
    </figure>
  );
}

export default function LandingPage() {
  return (
    <>
      <section
        aria-labelledby="hero-title"
        className="border-b bg-linear-to-b from-accent/60 to-background"
      >
        <div className="mx-auto grid w-full max-w-6xl items-center gap-12 px-4 py-16 sm:px-6 md:py-24 lg:grid-cols-2">
          <div className="text-center lg:text-left">
            <p className="text-sm font-medium text-primary">
              For brands and the people behind them
            </p>
            <h1
              id="hero-title"
              className="mt-3 text-4xl font-semibold tracking-tight text-balance sm:text-5xl"
            >
              Posts in your people&apos;s own voice, published on time.
            </h1>
            <p className="mt-5 text-lg text-pretty text-muted-foreground">
              Ghostart drafts LinkedIn, X, Facebook and Instagram posts that sound like each person
              on your team, shows you exactly how they&apos;ll look, and publishes them right on
              schedule.
            </p>
            <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row lg:justify-start">
              <Button asChild size="lg">
                <Link href="/signup">
                  Get started free
                  <ArrowRight aria-hidden="true" />
                </Link>
              </Button>
              <Button asChild size="lg" variant="outline">
                <Link href="/pricing">See pricing</Link>
              </Button>
            </div>
          </div>
          <PreviewMock />
        </div>
      </section>
      <section
        aria-labelledby="features-title"
        className="mx-auto w-full max-w-6xl px-4 py-16 sm:px-6 md:py-24"
      >
        <h2 id="features-title" className="text-center text-3xl font-semibold tracking-tight">
          Everything between the idea and the post
        </h2>
        <ul className="mt-12 grid gap-6 md:grid-cols-3">
          {features.map(({ icon: Icon, title, body }) => (
            <li key={title} className="rounded-xl border bg-card p-6 shadow-sm">
              <div className="flex size-10 items-center justify-center rounded-lg bg-accent text-accent-foreground">
                <Icon aria-hidden="true" className="size-5" />
              </div>
              <h3 className="mt-4 text-lg font-semibold">{title}</h3>
              <p className="mt-2 text-sm leading-relaxed text-muted-foreground">{body}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
