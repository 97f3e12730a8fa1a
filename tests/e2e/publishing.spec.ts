// Publishing end to end, in Chromium against the production build, the worker and the stand-ins:
// connect LinkedIn through its (stand-in) consent page and the Sandbox network with one click, then
// schedule a post two minutes ahead and watch both networks turn "Published" with a link, without
// reloading the page.
import { expect, test, type Page } from "@playwright/test";
import { fixtures } from "./fixtures";
import { logIn } from "./helpers";

const slug = fixtures.pubOrg.slug;

/** The org-local date and time (YYYY-MM-DD, HH:MM) of `at`. */
function localParts(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

async function signIn(page: Page) {
  await page.goto("/login");
  await logIn(page, fixtures.pubOwner.email, fixtures.pubOwner.password);
  await page.waitForURL(`**/${slug}`);
}

test.describe.serial("publishing", () => {
  test("connect LinkedIn through its consent page, and the Sandbox network", async ({ page }) => {
    await signIn(page);
    await page.goto(`/${slug}/accounts`);
    await expect(page.getByRole("heading", { name: "Accounts", level: 1 })).toBeVisible();

    await page.getByRole("button", { name: "Connect LinkedIn" }).click();
    // The LinkedIn stand-in's consent page.
    await expect(
      page.getByRole("heading", { name: "Ghostart wants to: post on your behalf" }),
    ).toBeVisible();
    await expect(page.getByLabel("Sign in as (LinkedIn member name)")).toHaveValue("Dana Demo");
    await page.getByRole("button", { name: "Allow" }).click();
    await page.waitForURL(`**/${slug}/accounts**`);
    await expect(page.getByTestId("accounts-notice")).toContainText(
      "Connected LinkedIn as Dana Demo.",
    );
    const linkedinRow = page.locator(
      '[data-testid="account-row"][data-network="linkedin"][data-kind="member"]',
    );
    await expect(linkedinRow.getByTestId("account-status")).toHaveText("Active");

    await page.getByRole("button", { name: "Connect Sandbox" }).click();
    await expect(page.getByTestId("sandbox-connected")).toBeVisible();
    const sandboxRow = page.locator('[data-testid="account-row"][data-network="sandbox"]');
    await expect(sandboxRow.getByTestId("account-status")).toHaveText("Active");

    // A reload keeps both (and drops the one-time notice from the URL).
    await page.reload();
    await expect(page.getByTestId("accounts-notice")).toHaveCount(0);
    await expect(linkedinRow.getByTestId("account-status")).toHaveText("Active");
  });

  test("schedule two minutes ahead and watch it publish without reloading", async ({ page }) => {
    test.setTimeout(330_000);
    await signIn(page);
    await page.goto(`/${slug}/compose`);
    const body = `Hello from the e2e test at ${new Date().toISOString()} #ghostart`;
    await page.getByTestId("composer-text").fill(body);
    await page.waitForURL(new RegExp(`/${slug}/posts/[0-9a-f-]{36}$`));
    const networks = page.getByRole("group", { name: "Networks" });
    for (const name of ["Sandbox", "LinkedIn"]) {
      const box = networks.getByRole("checkbox", { name, exact: true });
      // The checkbox is drawn as a pill: people click its label.
      // (the inner locator of `has` is relative to the label, so it starts from the page)
      const pill = networks
        .locator("label")
        .filter({ has: page.getByRole("checkbox", { name, exact: true }) });
      if (!(await box.isChecked())) await pill.click();
      await expect(box).toBeChecked();
    }
    await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");

    // Two minutes ahead, on the minute, in the org's zone (America/New_York).
    const at = new Date(Math.ceil((Date.now() + 120_000) / 60_000) * 60_000);
    const local = localParts(at, fixtures.pubOrg.timezone);
    const panel = page.getByTestId("schedule-panel");
    await panel.getByLabel("Date").fill(local.date);
    await panel.getByLabel("Time").fill(local.time);
    await panel.getByRole("button", { name: "Schedule" }).click();
    await expect(page.getByTestId("post-status")).toHaveText("Scheduled");

    const publishing = page.getByRole("region", { name: "Publishing" });
    const sandboxTarget = publishing.getByTestId("target-row").filter({ hasText: "Sandbox" });
    const linkedinTarget = publishing.getByTestId("target-row").filter({ hasText: "LinkedIn" });
    await expect(sandboxTarget).toContainText("Scheduled");
    await expect(linkedinTarget).toContainText("Dana Demo");

    // No reload from here: the panel follows the worker.
    const waitMs = at.getTime() - Date.now() + 60_000;
    await expect(sandboxTarget).toContainText("Published", { timeout: waitMs });
    await expect(linkedinTarget).toContainText("Published", { timeout: 30_000 });
    const sandboxLink = sandboxTarget.getByRole("link", { name: /View post/ });
    await expect(sandboxLink).toHaveAttribute(
      "href",
      new RegExp(`/${slug}/sandbox#post-[0-9a-f-]{36}$`),
    );
    await expect(linkedinTarget.getByRole("link", { name: /View post/ })).toHaveAttribute(
      "href",
      /^https:\/\/www\.linkedin\.com\/feed\/update\/urn:li:share:\d+\/$/,
    );
    await expect(page.getByTestId("post-status")).toHaveText("Published");

    // The Sandbox shows the post, with the time it was recorded.
    const href = (await sandboxLink.getAttribute("href"))!;
    await page.goto(href);
    const card = page.locator(`article#${href.split("#")[1]}`);
    await expect(card.getByTestId("sandbox-post-body")).toHaveText(body);

    // Nothing is late on the health page.
    await page.goto(`/${slug}/publishing`);
    await expect(page.getByTestId("nothing-late")).toBeVisible();
    await expect(page.getByTestId("health-published-value")).toHaveText("2");
  });
});
