import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage() {
  const user = await getSessionUser();
  if (!user) {
    return (
      <AuthCard title="Choose a new password">
        <Alert variant="destructive">
          <AlertDescription>
            Open the link from your password reset email first, or{" "}
            <Link href="/forgot-password" className="underline">
              ask for a new one
            </Link>
            .
          </AlertDescription>
        </Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" description={`For ${user.email}`}>
      <ResetPasswordForm />
    </AuthCard>
  );
}
