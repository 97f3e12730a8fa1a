import type { Metadata } from "next";
import Link from "next/link";
import { Check, Info } from "lucide-react";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { cn } from "@/lib/utils";

export const metadata: Metadata = {
  title: "Pricing",
  description: "Simple plans for teams of every size. Start free.",
};

type Plan = {
  name: string;
  price: string;
  cadence?: string;
  summary: string;
  features: string[];
  featured?: boolean;
};

const plans: Plan[] = [
  {
    name: "Free",
    price: "$0",
    summary: "Try Ghostart on your own, no card needed.",
    features: ["1 member", "20 AI credits / month", "Sandbox network for safe test posts"],
  },
  {
    name: "Team",
    price: "$29",
    cadence: "/month",
    summary: "For a brand and the people who speak for it.",
    features: ["Up to 10 members", "500 AI credits / month", "LinkedIn + X publishing"],
    featured: true,
  },
  {
    name: "Business",
    price: "$99",
    cadence: "/month",
    summary: "For larger teams that need review and a paper trail.",
    features: ["Unlimited members", "3,000 AI credits / month", "Approvals and audit log"],
  },
];

export default function PricingPage() {
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-16 sm:px-6 md:py-24">
      <div className="mx-auto max-w-2xl text-center">
        <h1 className="text-4xl font-semibold tracking-tight text-balance">Pricing</h1>
        <p className="mt-4 text-lg text-muted-foreground">
          Start free, and move up when more of your people start posting.
        </p>
      </div>
      <ul className="mt-12 grid gap-6 md:grid-cols-3">
        {plans.map((plan) => (
          <li key={plan.name} className="flex">
            <Card className={cn("w-full", plan.featured && "border-primary ring-1 ring-primary")}>
              <CardHeader>
                <div className="flex items-center justify-between gap-2">
                  <CardTitle as="h2" className="text-xl">
                    {plan.name}
                  </CardTitle>
                  {plan.featured ? <Badge>Most popular</Badge> : null}
                </div>
                <CardDescription>{plan.summary}</CardDescription>
              </CardHeader>
              <CardContent className="flex-1">
                <p className="flex items-baseline gap-1">
                  <span className="text-4xl font-semibold tracking-tight">{plan.price}</span>
                  {plan.cadence ? (
                    <span className="text-sm text-muted-foreground">{plan.cadence}</span>
                  ) : null}
                </p>
                <ul className="mt-6 grid gap-3 text-sm">
                  {plan.features.map((feature) => (
                    <li key={feature} className="flex items-start gap-2">
                      <Check aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
                      {feature}
                    </li>
                  ))}
                </ul>
              </CardContent>
              <CardFooter>
                <Button asChild className="w-full" variant={plan.featured ? "default" : "outline"}>
                  <Link href="/signup" aria-label={`Start free with the ${plan.name} plan`}>
                    Start free
                  </Link>
                </Button>
              </CardFooter>
            </Card>
          </li>
        ))}
      </ul>
      <Alert className="mx-auto mt-10 max-w-2xl">
        <Info aria-hidden="true" />
        <AlertTitle>Billing arrives soon</AlertTitle>
        <AlertDescription>
          Every workspace starts on Free. Paid plans will be available once billing launches —
          nothing is charged today.
        </AlertDescription>
      </Alert>
    </div>
  );
}
