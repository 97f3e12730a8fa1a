// `npm run bench` (second part): the composer in headless Chromium on the production build.
// - First-load JavaScript: gzip bytes of every script transferred from navigation until the network
//   is idle, for the composer and for an empty page in the same (app)/[org] layout; the budget is
//   the difference (≤ 60 KB).
// - Keystroke to preview: the time from a key's keydown to the first frame painted after the
//   LinkedIn preview changed, over 200 keystrokes typed at the start of a 2,900-character post, so
//   each one refolds the visible lines (budget: p95 under 50 ms).
// Uses the browser-test stack (tests/e2e/global-setup.ts: its own database, ports and build), so do
// not run it while the browser tests run.
import { chromium, type Browser, type Page } from "playwright-core";
import globalSetup from "../tests/e2e/global-setup";
import { startAppServer } from "../tests/e2e/app-server";
import { fixtures } from "../tests/e2e/fixtures";

const BUDGET_KB = 60;
const slug = fixtures.studioOrg.slug;

const teardown = await globalSetup();
const server = await startAppServer(3201, { BENCH_ROUTES: "true" });
let browser: Browser | undefined;

async function logIn(page: Page) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email", { exact: true }).fill(fixtures.studioOwner.email);
  await page.getByLabel("Password").fill(fixtures.studioOwner.password);
  await page.getByRole("button", { name: "Log in", exact: true }).click();
  await page.waitForURL(`**/${slug}`);
}

/** Gzip bytes of the scripts a cold load of `path` transfers (response headers included). */
async function scriptBytes(path: string): Promise<{ bytes: number; files: number }> {
  const context = await browser!.newContext();
  const page = await context.newPage();
  await logIn(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Set<string>();
  let bytes = 0;
  let files = 0;
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Script") scripts.add(e.requestId);
  });
  cdp.on("Network.loadingFinished", (e) => {
    if (scripts.has(e.requestId)) {
      bytes += e.encodedDataLength;
      files++;
    }
  });
  await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  await context.close();
  return { bytes, files };
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
  });

  // Warm the server's route caches so the first measured load is not a compile-on-demand outlier.
  await scriptBytes(`/${slug}/bench/blank`);
  const blank = await scriptBytes(`/${slug}/bench/blank`);
  const composer = await scriptBytes(`/${slug}/compose`);
  const extraKb = (composer.bytes - blank.bytes) / 1024;

  // Keystroke → preview repaint.
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page);
  await page.goto(`${server.url}/${slug}/compose`, { waitUntil: "networkidle" });
  const paragraph =
    "We rebuilt the composer so the preview follows every keystroke, folds where LinkedIn folds " +
    "and keeps each version. #launch @team\n";
  const base = paragraph.repeat(Math.ceil(2900 / paragraph.length)).slice(0, 2900);
  await page.getByTestId("composer-text").fill(base);
  await page.getByTestId("linkedin-preview-text").waitFor();
  await page.evaluate(() => {
    const target = document.querySelector('[data-testid="linkedin-preview"]')!;
    const w = window as unknown as { __lat: number[]; __pending: number | null };
    w.__lat = [];
    w.__pending = null;
    document.addEventListener(
      "keydown",
      () => {
        w.__pending = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      const start = w.__pending;
      if (start === null) return;
      w.__pending = null;
      // The frame after the one that applies this change has painted it.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => w.__lat.push(performance.now() - start)),
      );
    }).observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const editor = page.getByTestId("composer-text");
  await editor.focus();
  // Typing at the start changes the visible (folded) part of the preview on every keystroke.
  await editor.press("Control+Home");
  for (let i = 0; i < 200; i++) await page.keyboard.type(i % 17 === 16 ? " " : "x", { delay: 40 });
  await page.waitForTimeout(500);
  const lat = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
  await context.close();
  if (lat.length < 150)
    throw new Error(`only ${lat.length} of 200 keystrokes repainted the preview`);

  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  console.log("\nComposer (headless Chromium, production build)");
  console.table({
    "blank page in (app)/[org] layout": { scripts: blank.files, gzip: kb(blank.bytes) },
    "composer /[org]/compose": { scripts: composer.files, gzip: kb(composer.bytes) },
  });
  console.log(
    `first-load JS above the blank page: ${extraKb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB) ${
      extraKb <= BUDGET_KB ? "OK" : "OVER BUDGET"
    }`,
  );
  console.log(
    `keystroke → preview repaint over ${lat.length} keystrokes: p50 ${pct(lat, 50).toFixed(1)} ms, ` +
      `p95 ${pct(lat, 95).toFixed(1)} ms, max ${Math.max(...lat).toFixed(1)} ms (budget p95 < 50 ms) ${
        pct(lat, 95) < 50 ? "OK" : "OVER BUDGET"
      }`,
  );
} finally {
  await browser?.close();
  await server.stop();
  await teardown();
}
