import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LinkedInButton } from "@/components/auth/linkedin-button";
import { SignupForm } from "@/components/auth/signup-form";
import { Separator } from "@/components/ui/separator";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignupPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { next, email } = await searchParams;
  if (await getSessionUser()) redirect("/app");
  return (
    <AuthCard
      title="Create your Ghostart account"
      description="Draft posts in your people's own voice and publish them on time."
      footer={
        <span>
          Already have an account?{" "}
          <Link
            href={next ? `/login?next=${encodeURIComponent(next)}` : "/login"}
            className="text-primary underline-offset-4 hover:underline"
          >
            Log in
          </Link>
        </span>
      }
    >
      <LinkedInButton next={next} />
      <div className="flex items-center gap-3 text-xs text-muted-foreground">
        <Separator decorative className="flex-1" /> or with email{" "}
        <Separator decorative className="flex-1" />
      </div>
      <SignupForm next={next} email={email} />
    </AuthCard>
  );
}
