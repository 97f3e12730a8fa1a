import { expect, type Page } from "@playwright/test";

/** The emails in the dev outbox addressed to `to`, newest first. */
export function outboxEmails(page: Page, to: string, subject?: string) {
  let loc = page
    .getByTestId("outbox-email")
    .filter({ has: page.getByTestId("outbox-to").getByText(to, { exact: true }) });
  if (subject) loc = loc.filter({ has: page.getByRole("heading", { name: subject }) });
  return loc;
}

/** Opens the outbox and waits for an email to `to` with `subject` (the worker sends asynchronously). */
export async function openEmail(page: Page, to: string, subject: string) {
  await expect(async () => {
    await page.goto("/dev/outbox");
    await expect(outboxEmails(page, to, subject).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  return outboxEmails(page, to, subject).first();
}

export async function signUp(page: Page, user: { name: string; email: string; password: string }) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(user.name);
  await page.getByLabel("Work email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in", exact: true }).click();
}

export const uniqueEmail = (tag: string) =>
  `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
