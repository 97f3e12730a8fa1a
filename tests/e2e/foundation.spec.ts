import { expect, test } from "@playwright/test";
import { fixtures } from "./fixtures";
import { logIn, openEmail, outboxEmails, signUp, uniqueEmail } from "./helpers";

test("a new user signs up, confirms from the outbox, creates an org, logs out and back in", async ({
  page,
}) => {
  const user = { name: "Nora Newcomer", email: uniqueEmail("nora"), password: "first-post-42" };
  await signUp(page, user);
  await expect(page).toHaveURL(/\/check-email$/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const confirmation = await openEmail(page, user.email, "Confirm your email");
  await confirmation.getByRole("link", { name: "Confirm email" }).click();

  await expect(page).toHaveURL(/\/onboarding$/);
  await page.getByLabel("Organization name").fill("Northwind Marketing");
  await expect(page.getByLabel("Address")).toHaveValue("northwind-marketing");
  await page.getByLabel("Time zone").selectOption("America/New_York");
  await page.getByRole("button", { name: "Create organization" }).click();

  await expect(page).toHaveURL(/\/northwind-marketing$/);
  await expect(page.getByRole("heading", { level: 1, name: "Northwind Marketing" })).toBeVisible();
  await expect(page.getByText("America/New York")).toBeVisible();
  await expect(page.getByTestId("recent-activity")).toContainText("org created");

  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login\?notice=signed_out$/);
  await expect(page.getByTestId("login-notice")).toHaveText("You are logged out.");

  await page.goto("/northwind-marketing");
  await expect(page).toHaveURL(/\/login\?next=%2Fnorthwind-marketing$/);
  await logIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/northwind-marketing$/);
  await expect(page.getByRole("heading", { level: 1, name: "Northwind Marketing" })).toBeVisible();

  await openEmail(page, user.email, "Welcome to Ghostart");
  await expect(outboxEmails(page, user.email, "Welcome to Ghostart")).toHaveCount(1);
});

test("sign-up and log-in answer bad input on the form, without revealing who has an account", async ({
  page,
}) => {
  await signUp(page, { name: "Weak", email: "not-an-email", password: "short" });
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveValue("not-an-email");

  // A taken address gets the same answer as a new one, and no email.
  await signUp(page, {
    name: "Someone",
    email: fixtures.existingUser.email,
    password: "another-pass-42",
  });
  await expect(page).toHaveURL(/\/check-email$/);
  await page.goto("/dev/outbox");
  await expect(outboxEmails(page, fixtures.existingUser.email)).toHaveCount(0);

  await page.goto("/login");
  await logIn(page, fixtures.existingUser.email, "wrong-password-1");
  await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login$/);
});

test("an unconfirmed account cannot log in, and a used confirmation link is refused", async ({
  page,
}) => {
  const user = { name: "Una Used", email: uniqueEmail("una"), password: "unused-link-42" };
  await signUp(page, user);
  await expect(page).toHaveURL(/\/check-email$/);
  await page.goto("/login");
  await logIn(page, user.email, user.password);
  await expect(page.getByTestId("form-error")).toContainText("Confirm your email first");

  const email = await openEmail(page, user.email, "Confirm your email");
  const href = await email.getByRole("link", { name: "Confirm email" }).getAttribute("href");
  await page.goto(href!);
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.context().clearCookies();
  await page.goto(href!);
  await expect(page).toHaveURL(/\/login\?error=link_expired$/);
  await expect(page.getByTestId("login-notice")).toContainText("invalid or has expired");
});

test("org addresses are checked, another org's URL is a 404, and a tampered session is logged out", async ({
  page,
  context,
}) => {
  await page.goto("/login");
  await logIn(page, fixtures.existingUser.email, fixtures.existingUser.password);
  await expect(page).toHaveURL(/\/onboarding$/);

  await page.getByLabel("Organization name").fill("Other");
  await page.getByLabel("Address").fill(fixtures.otherOrg.slug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByText("This address is taken. Pick another.")).toBeVisible();

  await page.getByLabel("Address").fill("login");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByText("This address is reserved. Pick another.")).toBeVisible();

  const res = await page.goto(`/${fixtures.otherOrg.slug}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText(fixtures.otherOrg.name)).toHaveCount(0);

  const cookies = await context.cookies();
  const session = cookies.filter((c) => c.name.includes("auth-token"));
  expect(session.length).toBeGreaterThan(0);
  await context.clearCookies();
  await context.addCookies(
    session.map((c) => ({ ...c, value: c.value.slice(0, -12) + "AAAAAAAAAAAA" })),
  );
  await page.goto("/onboarding");
  await expect(page).toHaveURL(/\/login\?next=%2Fonboarding$/);
});
