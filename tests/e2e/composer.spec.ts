// The composer to the calendar, in three time zones at once: the org's (Europe/Berlin), the
// browser's (America/Los_Angeles) and the web server's process (Asia/Kolkata), with the server's
// clock and the browser's fixed. Once on an ordinary day and once on the eve of Berlin's spring
// DST change, when "tomorrow 09:00" already has the summer offset that "now" does not.
import { deflateSync } from "node:zlib";
import { expect, test, type Locator, type Page } from "@playwright/test";
import postgres from "postgres";
import { startAppServer, type AppServer } from "./app-server";
import { fixtures } from "./fixtures";
import { logIn } from "./helpers";

// --- Two small real PNGs (different sizes), built here so the test needs no files ----------------
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).fill(Buffer.from(rgb))]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const longPost = [
  "Line one: we shipped the new composer today.",
  "Line two: it folds exactly where LinkedIn does.",
  "Line three: and it keeps every version you save.",
  "Line four: this one hides behind see more.",
  "Line five: thanks to the whole team #launch @Ada",
].join("\n");

type Variant = {
  name: string;
  port: number;
  /** The fixed "now" of the server and the browser. */
  now: string;
  /** Tomorrow in Berlin, and the day after. */
  tomorrow: string;
  dayAfter: string;
  /** 09:00 Berlin time on those days, worked out by hand (CET = UTC+1, CEST = UTC+2). */
  tomorrowAt: string;
  dayAfterAt: string;
};

const variants: Variant[] = [
  {
    name: "an ordinary day",
    port: 3101,
    now: "2026-11-24T10:00:00Z", // Tuesday 11:00 in Berlin (CET)
    tomorrow: "2026-11-25",
    dayAfter: "2026-11-26",
    tomorrowAt: "2026-11-25T08:00:00.000Z",
    dayAfterAt: "2026-11-26T08:00:00.000Z",
  },
  {
    name: "the eve of a daylight-saving change",
    port: 3102,
    now: "2026-03-28T10:00:00Z", // Saturday 11:00 in Berlin (CET); clocks go forward at 02:00 Sunday
    tomorrow: "2026-03-29",
    dayAfter: "2026-03-30",
    tomorrowAt: "2026-03-29T07:00:00.000Z", // 09:00 CEST
    dayAfterAt: "2026-03-30T07:00:00.000Z",
  },
];

async function storedTime(server: AppServer, postId: string): Promise<string | null> {
  const sql = postgres(server.env.DATABASE_ADMIN_URL!, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<
      { at: Date | null }[]
    >`select scheduled_at as at from public.posts where id = ${postId}`;
    return row?.at ? row.at.toISOString() : null;
  } finally {
    await sql.end();
  }
}

/**
 * A native HTML5 drag with the real mouse. Chromium starts the drag on the first move with the
 * button held and needs further moves to deliver dragover and drop, so the mouse moves in steps
 * (locator.dragTo's single jump starts no drag here).
 */
async function drag(page: Page, source: Locator, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  await source.scrollIntoViewIfNeeded();
  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 5, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 });
  await page.mouse.up();
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
}

for (const v of variants) {
  test.describe(`composer to calendar on ${v.name}`, () => {
    let server: AppServer;

    test.beforeAll(async () => {
      server = await startAppServer(v.port, { TZ: "Asia/Kolkata", FIXED_NOW: v.now });
    });
    test.afterAll(async () => {
      await server?.stop();
    });

    test("compose, preview, attach, restore, schedule and drag on the calendar", async ({
      browser,
    }) => {
      const context = await browser.newContext({
        baseURL: server.url,
        timezoneId: "America/Los_Angeles",
        viewport: { width: 1280, height: 1000 },
        locale: "en-US",
      });
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date(v.now));
      const slug = fixtures.studioOrg.slug;

      await page.goto("/login");
      await logIn(page, fixtures.studioOwner.email, fixtures.studioOwner.password);
      await page.waitForURL(`**/${slug}`);

      // Compose a long LinkedIn post: the desktop preview folds after three lines.
      await page.goto(`/${slug}/compose`);
      const preview = page.getByTestId("linkedin-preview");
      await expect(preview).toHaveAttribute("data-width", "desktop");
      await expect(preview).toContainText(fixtures.studioOwner.fullName);
      await expect(preview).toContainText("Head of Brand at Studio");
      await page.getByTestId("composer-text").fill(longPost);
      const text = page.getByTestId("linkedin-preview-text");
      await expect(text).toHaveAttribute("data-folded", "true");
      await expect(text).toContainText("Line three");
      await expect(text).not.toContainText("Line four");
      await preview.getByRole("button", { name: "…see more" }).click();
      await expect(text).toHaveAttribute("data-folded", "false");
      await expect(text).toContainText("Line five");

      // The first save makes the post: the URL becomes the post's.
      await page.waitForURL(new RegExp(`/${slug}/posts/[0-9a-f-]{36}$`));
      const postId = page.url().split("/").pop()!;
      await waitSaved(page);

      // Two images → the two-image layout.
      await page.getByTestId("composer-upload-input").setInputFiles([
        { name: "team.png", mimeType: "image/png", buffer: png(400, 300, [10, 102, 194]) },
        { name: "office.png", mimeType: "image/png", buffer: png(300, 300, [240, 180, 40]) },
      ]);
      await expect(page.getByTestId("composer-media-item")).toHaveCount(2);
      await expect(page.getByTestId("linkedin-media")).toHaveAttribute("data-layout", "2");
      await waitSaved(page);

      // Edit → a second version; History restores the first as a third.
      const editor = page.getByTestId("composer-text");
      await editor.press("End");
      await editor.pressSequentially(" Edited.");
      await waitSaved(page);
      await expect(text).toContainText("Edited.");
      await page.getByRole("button", { name: "History" }).click();
      const history = page.getByTestId("history-panel");
      await expect(history.getByTestId("history-version")).toHaveCount(2);
      await history.locator('[data-testid="history-version"][data-version="1"]').click();
      await history.getByRole("button", { name: "Restore version 1" }).click();
      await expect(history.getByTestId("history-version")).toHaveCount(3);
      await expect(editor).toHaveValue(longPost);
      await expect(history.locator('[data-version="3"]')).toContainText("restored from version 1");

      // Schedule for tomorrow 09:00 org time: the form proposes exactly that.
      const panel = page.getByTestId("schedule-panel");
      await expect(panel.getByLabel("Date")).toHaveValue(v.tomorrow);
      await expect(panel.getByLabel("Time")).toHaveValue("09:00");
      await panel.getByRole("button", { name: "Schedule" }).click();
      await expect(panel.getByTestId("scheduled-for")).toContainText("09:00");
      await expect(page.getByTestId("post-status")).toHaveText("Scheduled");
      expect(await storedTime(server, postId)).toBe(v.tomorrowAt);

      // The week view puts the chip on tomorrow's 09 row.
      await page.goto(`/${slug}/calendar?view=week&date=${v.tomorrow}`);
      const hourCell = page.locator(
        `[data-testid="calendar-hour"][data-date="${v.tomorrow}"][data-hour="09"]`,
      );
      const weekChip = hourCell.locator(`[data-testid="calendar-chip"][data-post-id="${postId}"]`);
      await expect(weekChip).toHaveAttribute("data-local-time", "09:00");

      // Month view: drag it to the next day; it keeps 09:00 Berlin time.
      await page.goto(`/${slug}/calendar?view=month&date=${v.tomorrow}`);
      const chip = page.locator(`[data-testid="calendar-chip"][data-post-id="${postId}"]`);
      await expect(chip).toHaveAttribute("data-local-date", v.tomorrow);
      const target = page.locator(`[data-testid="calendar-day"][data-date="${v.dayAfter}"]`);
      await drag(page, chip, target);
      await expect(chip).toHaveAttribute("data-local-date", v.dayAfter);
      await expect(chip).toHaveAttribute("data-local-time", "09:00");
      await expect(page.getByTestId("calendar-status")).toContainText("09:00");
      await expect.poll(() => storedTime(server, postId)).toBe(v.dayAfterAt);

      // And after a reload the calendar agrees with the database.
      await page.reload();
      await expect(
        page
          .locator(`[data-testid="calendar-day"][data-date="${v.dayAfter}"]`)
          .locator(`[data-testid="calendar-chip"][data-post-id="${postId}"]`),
      ).toHaveAttribute("data-local-time", "09:00");
      await context.close();
    });
  });
}

test("two people editing one post: the later save is stopped and shown as a conflict", async ({
  browser,
}) => {
  const slug = fixtures.studioOrg.slug;
  const open = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/login");
    await logIn(page, fixtures.studioOwner.email, fixtures.studioOwner.password);
    await page.waitForURL(`**/${slug}`);
    return { context, page };
  };
  const a = await open();
  await a.page.goto(`/${slug}/compose`);
  await a.page.getByTestId("composer-text").fill("First draft from tab A.");
  await a.page.waitForURL(new RegExp(`/${slug}/posts/[0-9a-f-]{36}$`));
  await waitSaved(a.page);
  const url = a.page.url();

  const b = await open();
  await b.page.goto(url);
  await expect(b.page.getByTestId("composer-text")).toHaveValue("First draft from tab A.");
  await b.page.getByTestId("composer-text").fill("Tab B rewrote it.");
  await waitSaved(b.page);

  // A still holds the old revision: its save must not overwrite B's.
  await a.page.getByTestId("composer-text").fill("Tab A keeps going.");
  const banner = a.page.getByTestId("conflict-banner");
  await expect(banner).toContainText("Someone else saved this post");
  await expect(a.page.getByTestId("composer-text")).toHaveValue("Tab A keeps going.");

  // Keeping A's version saves it on top; B's stays in History.
  await banner.getByRole("button", { name: "Keep my version" }).click();
  await expect(banner).toBeHidden();
  // The editor then re-renders from the server (router refresh); a reload waits for it for sure.
  await a.page.reload();
  await expect(a.page.getByTestId("composer-text")).toHaveValue("Tab A keeps going.");
  await a.page.getByRole("button", { name: "History" }).click();
  const versions = a.page.getByTestId("history-version");
  await expect(versions).toHaveCount(3);
  await a.page.locator('[data-testid="history-version"][data-version="2"]').click();
  await expect(a.page.getByTestId("history-diff")).toContainText("Tab B rewrote it.");
  await a.context.close();
  await b.context.close();
});
