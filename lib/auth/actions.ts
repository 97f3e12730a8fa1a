"use server";
import { redirect } from "next/navigation";
import { action, authAction } from "@/lib/actions/client";
import { toAppError } from "@/lib/auth/errors";
import {
  emailOnlyInput,
  linkedInInput,
  resetPasswordInput,
  signInInput,
  signUpInput,
} from "@/lib/auth/schemas";
import { createSupabaseServerClient } from "@/lib/auth/supabase-server";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enforceLimit } from "@/lib/rate-limit";

const appUrl = (path: string) => new URL(path, getEnv().APP_URL).toString();

export const signUpAction = action(signUpInput, async (input, ctx) => {
  await enforceLimit("signup.ip", ctx.ip ?? "unknown");
  const supabase = await createSupabaseServerClient();
  const { data, error } = await supabase.auth.signUp({
    email: input.email,
    password: input.password,
    options: { emailRedirectTo: appUrl(input.next), data: { full_name: input.fullName } },
  });
  if (error) throw toAppError(error);
  // Confirmation is always on: no session until the link is opened. A taken address looks the same.
  if (data.session) await supabase.auth.signOut();
  redirect("/check-email");
});

export const signInAction = action(signInInput, async (input, ctx) => {
  // Per address and account: a flood from one address never locks the account elsewhere.
  await enforceLimit("signin.ip_email", `${ctx.ip ?? "unknown"}:${input.email}`);
  const supabase = await createSupabaseServerClient();
  const { error } = await supabase.auth.signInWithPassword({
    email: input.email,
    password: input.password,
  });
  if (error) throw toAppError(error);
  redirect(input.next);
});

export const signInWithLinkedInAction = action(linkedInInput, async (input) => {
  const supabase = await createSupabaseServerClient();
  const callback = new URL("/auth/callback", getEnv().APP_URL);
  callback.searchParams.set("next", input.next);
  const { data, error } = await supabase.auth.signInWithOAuth({
    provider: "linkedin_oidc",
    options: { redirectTo: callback.toString(), skipBrowserRedirect: true },
  });
  if (error) throw toAppError(error);
  if (!data.url)
    throw new AppError("dependency_unavailable", "LinkedIn sign-in is not available right now.");
  redirect(data.url);
});

export const forgotPasswordAction = action(emailOnlyInput, async (input) => {
  const supabase = await createSupabaseServerClient();
  const { error } = await supabase.auth.resetPasswordForEmail(input.email, {
    redirectTo: appUrl("/reset-password"),
  });
  if (error && error.code !== "user_not_found") throw toAppError(error);
  // Same answer whether or not the address has an account.
  return { email: input.email };
});

export const resendConfirmationAction = action(emailOnlyInput, async (input) => {
  const supabase = await createSupabaseServerClient();
  const { error } = await supabase.auth.resend({
    type: "signup",
    email: input.email,
    options: { emailRedirectTo: appUrl("/app") },
  });
  if (error) throw toAppError(error);
  return { email: input.email };
});

export const resetPasswordAction = authAction(resetPasswordInput, async (input) => {
  const supabase = await createSupabaseServerClient();
  const { error } = await supabase.auth.updateUser({ password: input.password });
  if (error) throw toAppError(error);
  redirect("/app?notice=password_updated");
});

export async function signOutAction(): Promise<void> {
  const supabase = await createSupabaseServerClient();
  await supabase.auth.signOut();
  redirect("/login?notice=signed_out");
}
