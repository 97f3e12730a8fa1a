import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LinkedInButton } from "@/components/auth/linkedin-button";
import { LoginForm } from "@/components/auth/login-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Separator } from "@/components/ui/separator";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Log in" };

const messages: Record<string, { text: string; variant: "destructive" | "success" | "default" }> = {
  link_expired: {
    text: "That link is invalid or has expired. Log in, or sign up again to get a new one.",
    variant: "destructive",
  },
  recovery_link_expired: {
    text: "That password reset link is invalid or has expired. Ask for a new one below.",
    variant: "destructive",
  },
  invalid_link: {
    text: "That link is incomplete. Open it straight from the email.",
    variant: "destructive",
  },
  oauth_failed: { text: "LinkedIn sign-in did not complete. Try again.", variant: "destructive" },
  oauth_denied: { text: "LinkedIn sign-in was cancelled.", variant: "default" },
  signed_out: { text: "You are logged out.", variant: "success" },
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  if (await getSessionUser())
    redirect(params.next?.startsWith("/") && !params.next.startsWith("//") ? params.next : "/app");
  const notice = messages[params.error ?? params.notice ?? ""];
  return (
    <AuthCard
      title="Log in to Ghostart"
      footer={
        <span>
          New here?{" "}
          <Link href="/signup" className="text-primary underline-offset-4 hover:underline">
            Create an account
          </Link>
        </span>
      }
    >
      {notice ? (
        <Alert variant={notice.variant} data-testid="login-notice">
          <AlertDescription>{notice.text}</AlertDescription>
        </Alert>
      ) : null}
      <LinkedInButton next={params.next} />
      <div className="flex items-center gap-3 text-xs text-muted-foreground">
        <Separator decorative className="flex-1" /> or with email{" "}
        <Separator decorative className="flex-1" />
      </div>
      <LoginForm next={params.next} />
    </AuthCard>
  );
}
