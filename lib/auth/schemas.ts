import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address."));

export const newPasswordSchema = z
  .string()
  .min(8, "Use at least 8 characters.")
  .max(72, "Use at most 72 characters.")
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), "Use at least one letter and one number.");

/** A same-site path to continue to after auth; anything else falls back to /app. */
export const nextPathSchema = z
  .string()
  .optional()
  .transform((p) =>
    p && p.startsWith("/") && !p.startsWith("//") && !p.startsWith("/\\") ? p : "/app",
  );

export const signUpInput = z.object({
  fullName: z.string().trim().min(1, "Tell us your name.").max(120, "Use at most 120 characters."),
  email: emailSchema,
  password: newPasswordSchema,
  next: nextPathSchema,
});

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password."),
  next: nextPathSchema,
});

export const emailOnlyInput = z.object({ email: emailSchema });

export const resetPasswordInput = z
  .object({ password: newPasswordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });

export const linkedInInput = z.object({ next: nextPathSchema });

export const otpTypes = [
  "signup",
  "email",
  "recovery",
  "magiclink",
  "invite",
  "email_change",
] as const;
export const confirmParams = z.object({
  token_hash: z.string().min(8).max(200),
  type: z.enum(otpTypes),
  next: nextPathSchema,
});
