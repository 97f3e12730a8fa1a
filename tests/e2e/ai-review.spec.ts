// AI drafts and the review loop in Chromium, two people at once: a member fills in their voice
// exercises; a brand creator has the AI write a draft in that voice (it lands in the composer as a
// version marked AI); the member requests changes with a comment; the creator revises; the member
// approves; only then does the org (which requires the member's approval) let the post be scheduled.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { fixtures } from "./fixtures";
import { logIn } from "./helpers";

const slug = fixtures.voiceOrg.slug;

// The two people's browser contexts, closed after the test whatever happened (an open one would
// show up in the next test's failure screenshots).
const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

async function signedIn(browser: Browser, who: { email: string; password: string }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto("/login");
  await logIn(page, who.email, who.password);
  await page.waitForURL(`**/${slug}`);
  return page;
}

async function step(page: Page, id: string) {
  await page.getByTestId(`voice-step-link-${id}`).click();
  const region = page.getByTestId(`voice-step-${id}`);
  await expect(region).toBeVisible();
  return region;
}

/** Ticks a choice the way people do: its label is the whole card, drawn over the input. */
async function choose(scope: ReturnType<Page["getByTestId"]>, label: string) {
  await scope
    .locator("label")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click();
  await expect(scope.getByLabel(label, { exact: true })).toBeChecked();
}

async function markDone(page: Page, id: string, region: ReturnType<Page["getByTestId"]>) {
  await region.getByRole("button", { name: "Mark done" }).click();
  await expect(page.getByTestId(`voice-step-link-${id}`)).toHaveAttribute(
    "data-status",
    "completed",
  );
}

test("a member's voice, an AI draft for them, changes requested, revised, approved, then schedulable", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const member = await signedIn(browser, fixtures.voiceMember);
  const creator = await signedIn(browser, fixtures.voiceCreator);

  // 1. The member completes the six voice exercises.
  await member.goto(`/${slug}/voice`);
  await expect(member.getByTestId("voice-meter")).toHaveAttribute("data-completed", "0");
  let region = await step(member, "role");
  await region.getByLabel("Role or title").fill("Head of Customer Success");
  await region.getByLabel("Expertise").fill("Onboarding enterprise customers");
  await markDone(member, "role", region);
  region = await step(member, "audience");
  await region.getByLabel("Who you write for").fill("Customer success leaders at SaaS companies");
  await choose(region, "Practitioners");
  await markDone(member, "audience", region);
  region = await step(member, "goals");
  await choose(region, "Thought leadership");
  await markDone(member, "goals", region);
  region = await step(member, "tone");
  await region.getByLabel("Formal or casual").fill("70");
  await markDone(member, "tone", region);
  region = await step(member, "avoid");
  const words = region.getByRole("textbox", { name: "Words to avoid" });
  await words.fill("synergy");
  await words.press("Enter");
  await expect(region.getByRole("list", { name: "Words to avoid" })).toContainText("synergy");
  await markDone(member, "avoid", region);
  region = await step(member, "samples");
  const samples = [
    "Our best onboarding calls start with one question: what does success look like in 90 days?",
    "Churn is a lagging signal. The leading one is silence in the first two weeks.",
    "I admire teams that write their runbooks for the customer, not for themselves.",
  ];
  for (const [i, text] of samples.entries()) {
    await choose(
      region.getByRole("group", { name: `Whose post is sample ${i + 1}?` }),
      i === 2 ? "I admire it" : "I wrote it",
    );
    await region.getByLabel(`Text of sample post ${i + 1}`).fill(text);
  }
  await markDone(member, "samples", region);
  await expect(member.getByTestId("voice-meter")).toHaveAttribute("data-completed", "6");

  // 2. The creator asks the AI for a draft in the member's voice.
  await creator.goto(`/${slug}/compose`);
  await creator.getByLabel("Posted as").selectOption({ label: fixtures.voiceMember.fullName });
  const ai = creator.getByTestId("ai-panel");
  await expect(ai.getByTestId("ai-voice")).toContainText("voice profile complete");
  const credits = Number(await ai.getByTestId("ai-credits").getAttribute("data-balance"));
  const topic = "What the first two weeks of onboarding tell you";
  await ai.getByLabel("What is the post about?").fill(topic);
  await ai.getByTestId("ai-generate").click();
  await creator.waitForURL(new RegExp(`/${slug}/posts/[0-9a-f-]{36}$`));
  // It lands as a new version marked AI, and the editor shows it.
  await expect(creator.getByTestId("ai-result")).toContainText("marked AI", { timeout: 30_000 });
  await expect(creator.getByTestId("composer-text")).toHaveValue(new RegExp(topic));
  await expect(ai.getByTestId("ai-credits")).toHaveAttribute("data-balance", String(credits - 1));
  await creator.getByRole("button", { name: "History" }).click();
  const newest = creator.getByTestId("history-version").first();
  await expect(newest).toContainText("AI");
  await expect(newest).toContainText(fixtures.voiceCreator.fullName);
  await creator.getByRole("button", { name: "Close history" }).click();
  const postUrl = creator.url();

  // Not approved: scheduling is blocked with the reason.
  await expect(creator.getByTestId("schedule-panel")).toContainText("needs approval");

  // 3. Submitted for review.
  const review = creator.getByTestId("review-panel");
  await review.getByTestId("review-submit").click();
  await expect(creator.getByTestId("review-panel")).toHaveAttribute("data-status", "in_review");
  await expect(creator.getByTestId("review-standing")).toContainText(
    `waiting for ${fixtures.voiceMember.fullName}'s approval`,
  );

  // 4. The member finds it in their review queue and requests changes with a comment.
  await member.goto(`/${slug}/review`);
  const item = member.getByTestId("review-item").filter({ hasText: topic });
  await expect(item).toBeVisible();
  await item.getByRole("textbox").fill("Less about churn, more about the first call.");
  await item.getByTestId("review-request-changes").click();
  await expect(member.getByTestId("review-item").filter({ hasText: topic })).toHaveCount(0);

  // 5. The creator sees the comment on the version, revises, and submits again.
  await creator.goto(postUrl);
  await expect(creator.getByTestId("review-panel")).toHaveAttribute(
    "data-status",
    "changes_requested",
  );
  await expect(creator.getByTestId("review-entry").first()).toContainText(
    "Less about churn, more about the first call.",
  );
  const editor = creator.getByTestId("composer-text");
  await editor.fill("The first call decides the first 90 days. Here is how we run it.");
  await expect(creator.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  await creator.getByTestId("review-submit").click();
  await expect(creator.getByTestId("review-panel")).toHaveAttribute("data-status", "in_review");

  // 6. The member approves the revised version.
  await member.goto(postUrl);
  await expect(member.getByTestId("review-panel")).toHaveAttribute("data-status", "in_review");
  await expect(member.getByTestId("review-entry").first()).toContainText("on version");
  await member.getByTestId("review-approve").click();
  await expect(member.getByTestId("review-panel")).toHaveAttribute("data-status", "approved");

  // 7. Now the creator can schedule it.
  await creator.goto(postUrl);
  await expect(creator.getByTestId("review-panel")).toHaveAttribute("data-status", "approved");
  const panel = creator.getByTestId("schedule-panel");
  await expect(panel).not.toContainText("needs approval");
  await panel.getByRole("button", { name: "Schedule" }).click();
  await expect(creator.getByTestId("post-status")).toHaveText("Scheduled");
});
