import { expect, test } from "@playwright/test";
import { fixtures } from "./fixtures";
import { logIn, uniqueEmail, signUp, openEmail } from "./helpers";

// A 1×1 PNG, and a text file renamed to .png (wrong magic bytes).
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

test("an owner renames the org, uploads a logo straight to storage, and deletes the org with a typed confirmation", async ({
  page,
}) => {
  const user = { name: "Sam Settings", email: uniqueEmail("sam"), password: "settings-pass-42" };
  await signUp(page, user);
  await expect(page).toHaveURL(/\/check-email$/);
  const email = await openEmail(page, user.email, "Confirm your email");
  await email.getByRole("link", { name: "Confirm email" }).click();
  await page.getByLabel("Organization name").fill("Settings Co");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/settings-co$/);

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Organization name").fill("Settings Company");
  await page.getByLabel("Address").fill("settings-company");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/settings-company\/settings/);
  await expect(page.getByLabel("Organization name")).toHaveValue("Settings Company");

  // Bytes that are not an image are refused with a clear message.
  const chooser1 = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Upload logo" }).click();
  await (
    await chooser1
  ).setFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: Buffer.from("not really a png at all"),
  });
  await expect(page.getByTestId("logo-error")).toBeVisible();

  const chooser2 = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Upload logo" }).click();
  await (await chooser2).setFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
  const img = page.getByTestId("org-logo").getByRole("img", { name: "Settings Company logo" });
  await expect(img).toBeVisible();
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
    .toBe(1);

  await page.getByLabel(/Type settings-company to confirm/).fill("settings-company");
  await page.getByRole("button", { name: "Delete this organization" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  expect((await page.goto("/settings-company"))?.status()).toBe(404);
});

test("a member cannot reach what the role does not allow on the settings page", async ({
  page,
}) => {
  await page.goto("/login");
  await logIn(page, fixtures.teamViewer.email, fixtures.teamViewer.password);
  await expect(page).toHaveURL(new RegExp(`/${fixtures.teamOrg.slug}$`));
  await page.goto(`/${fixtures.teamOrg.slug}/settings`);
  await expect(page.getByLabel("Organization name")).toHaveValue(fixtures.teamOrg.name);
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete this organization" })).toHaveCount(0);
});
