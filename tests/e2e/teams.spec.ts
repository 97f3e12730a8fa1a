import { expect, test, type Browser, type Page } from "@playwright/test";
import { fixtures } from "./fixtures";
import { logIn, openEmail, uniqueEmail } from "./helpers";

const org = fixtures.teamOrg.slug;

async function loggedIn(
  browser: Browser,
  user: { email: string; password: string },
  next = "/app",
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await logIn(page, user.email, user.password);
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

async function invite(page: Page, email: string, role: string) {
  await page.goto(`/${org}/members`);
  await page.getByLabel("Email addresses").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByTestId("invite-success")).toContainText(email);
}

test("an admin invites two people, both join with their roles, a demotion applies on the next request, and the audit log shows it all", async ({
  browser,
}) => {
  const admin = await loggedIn(browser, fixtures.teamAdmin, `/${org}/members`);
  const newcomer = { name: "Nina Newcomer", email: uniqueEmail("nina"), password: "nina-pass-42" };
  await invite(admin, newcomer.email, "brand_creator");
  await invite(admin, fixtures.joiner.email, "viewer");

  // A bad line changes nothing and says which line.
  await admin.getByLabel("Email addresses").fill("fine@example.com\nnot an email");
  await admin.getByRole("button", { name: "Send invitations" }).click();
  await expect(admin.getByText("Line 2: “not an email” is not an email address.")).toBeVisible();

  // 1. A new account: the invitation, sign-up with the invited address, confirmation, join.
  const nina = await (await browser.newContext()).newPage();
  const invitation = await openEmail(
    nina,
    newcomer.email,
    `Join ${fixtures.teamOrg.name} on Ghostart`,
  );
  await invitation.getByRole("link", { name: "Accept invitation" }).click();
  await expect(nina.getByText("Adam Admin invited you to join as Brand creator.")).toBeVisible();
  await nina.getByRole("link", { name: "Create an account" }).click();
  await expect(nina.getByLabel("Work email")).toHaveValue(newcomer.email);
  await nina.getByLabel("Your name").fill(newcomer.name);
  await nina.getByLabel("Password").fill(newcomer.password);
  await nina.getByRole("button", { name: "Create account" }).click();
  await expect(nina).toHaveURL(/\/check-email$/);
  const confirm = await openEmail(nina, newcomer.email, "Confirm your email");
  await confirm.getByRole("link", { name: "Confirm email" }).click();
  await expect(nina).toHaveURL(/\/invite\//);
  await nina.getByRole("button", { name: `Join ${fixtures.teamOrg.name}` }).click();
  await expect(nina).toHaveURL(new RegExp(`/${org}$`));
  await expect(nina.getByText("You are a brand creator")).toBeVisible();

  // 2. An existing account: log in from the invitation, join.
  const jo = await (await browser.newContext()).newPage();
  const joInvite = await openEmail(
    jo,
    fixtures.joiner.email,
    `Join ${fixtures.teamOrg.name} on Ghostart`,
  );
  await joInvite.getByRole("link", { name: "Accept invitation" }).click();
  await jo.getByRole("link", { name: "Log in" }).click();
  await logIn(jo, fixtures.joiner.email, fixtures.joiner.password);
  await jo.getByRole("button", { name: `Join ${fixtures.teamOrg.name}` }).click();
  await expect(jo).toHaveURL(new RegExp(`/${org}$`));

  // Each sees what the role allows: no invitations, no role changes, no audit log.
  for (const page of [nina, jo]) {
    await page.goto(`/${org}/members`);
    await expect(page.getByTestId("member-row")).toHaveCount(5);
    await expect(page.getByLabel("Email addresses")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Change role" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Activity" })).toHaveCount(0);
    expect((await page.goto(`/${org}/activity`))?.status()).toBe(404);
  }

  // The admin demotes the brand creator; her very next request sees it.
  await admin.goto(`/${org}/members`);
  const ninaRow = admin.getByTestId("member-row").filter({ hasText: newcomer.email });
  await ninaRow.getByLabel(`Role of ${newcomer.name}`).selectOption("viewer");
  // This form's action (other server actions, like the notification bell's, post meanwhile).
  const changed = admin.waitForResponse(
    (r) =>
      r.request().method() === "POST" &&
      !!r.request().headers()["next-action"] &&
      (r.request().postData() ?? "").includes("viewer"),
  );
  await ninaRow.getByRole("button", { name: "Change role" }).click();
  await changed; // the action has committed before her next request
  await expect(ninaRow.getByLabel(`Role of ${newcomer.name}`)).toHaveValue("viewer");
  await nina.goto(`/${org}`);
  await expect(nina.getByText("You are a viewer")).toBeVisible();

  // The inviter was notified of both arrivals; reading them clears the count.
  await admin.goto(`/${org}`);
  await admin.getByRole("button", { name: "Notifications, 2 unread notifications" }).click();
  await admin.getByRole("menuitem", { name: /Mark all as read/ }).click();
  await expect(admin.getByRole("menuitem", { name: /Mark all as read/ })).toHaveCount(0);
  await admin.keyboard.press("Escape");
  await expect(admin.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();

  await admin.goto(`/${org}/activity`);
  const log = admin.getByTestId("activity");
  await expect(log).toContainText(`invited ${newcomer.email} as brand_creator`);
  await expect(log).toContainText(`invited ${fixtures.joiner.email} as viewer`);
  await expect(log.getByTestId("activity-entry").filter({ hasText: "joined as" })).toHaveCount(2);
  await expect(log).toContainText("changed a member's role from brand_creator to viewer");
});

test("a burst of sign-in attempts from one address gets 429s, and the account still works from another", async ({
  browser,
  request,
}) => {
  const statuses: number[] = [];
  let retryAfter: string | undefined;
  for (let i = 0; i < 50; i++) {
    const res = await request.post("/login", {
      headers: { "x-forwarded-for": "203.0.113.50" },
      form: { email: fixtures.existingUser.email, password: `wrong-${i}` },
      maxRedirects: 0,
    });
    statuses.push(res.status());
    if (res.status() === 429) retryAfter ??= res.headers()["retry-after"];
  }
  expect(statuses.slice(0, 30).every((s) => s !== 429)).toBe(true);
  expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
  expect(Number(retryAfter)).toBeGreaterThan(0);

  const elsewhere = await (
    await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.7" } })
  ).newPage();
  await elsewhere.goto("/login");
  await logIn(elsewhere, fixtures.existingUser.email, fixtures.existingUser.password);
  await expect(elsewhere).not.toHaveURL(/\/login/);
});

test("responses carry the security headers, and a server action from another origin is refused", async ({
  request,
  page,
}) => {
  const res = await request.get("/login");
  const h = res.headers();
  expect(h["content-security-policy"]).toMatch(
    /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/,
  );
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["strict-transport-security"]).toContain("max-age=");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"]).toBe("DENY");

  // The page works under its CSP (hydrated: the form posts through its action without a reload).
  await page.goto("/login");
  await logIn(page, fixtures.existingUser.email, "wrong-password-9");
  await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");

  // Replay a real server action (its id captured from the browser) from another origin.
  await page.goto("/forgot-password");
  const sent = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByLabel("Email").fill(fixtures.existingUser.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const original = await sent;
  const replay = (origin: string) =>
    request.post("/forgot-password", {
      headers: {
        origin,
        "next-action": original.headers()["next-action"]!,
        "content-type": original.headers()["content-type"]!,
        accept: "text/x-component",
      },
      data: original.postDataBuffer()!,
      timeout: 15_000,
    });
  await expect(page.getByText("If an account exists for")).toBeVisible();
  const forged = await replay("https://evil.example");
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  // The same request from our own origin goes through: it is the origin that was refused.
  const genuine = await replay(new URL(page.url()).origin);
  expect(genuine.status()).toBe(200);
});
