import { describe, expect, it } from "vitest";
import { checkPost, describeProblems, mediaProblems } from "./composer-rules";
import { countText } from "./count";
import type { Network } from "./networks";
import { splitThread } from "./x-thread";

const png = { mime: "image/png" };
const pdf = { mime: "application/pdf" };
const mp4 = { mime: "video/mp4" };
const images = (n: number) => Array.from({ length: n }, () => png);

describe("mediaProblems", () => {
  it("takes 1 to 20 images on LinkedIn, not 21", () => {
    expect(mediaProblems("linkedin", images(1))).toEqual([]);
    expect(mediaProblems("linkedin", images(20))).toEqual([]);
    expect(mediaProblems("linkedin", images(21))).toEqual([
      "LinkedIn takes at most 20 images; this post has 21.",
    ]);
  });

  it("keeps a LinkedIn document alone, and video apart from images", () => {
    expect(mediaProblems("linkedin", [pdf])).toEqual([]);
    expect(mediaProblems("linkedin", [pdf, png])[0]).toMatch(/cannot mix a document/);
    expect(mediaProblems("linkedin", [pdf, pdf])[0]).toMatch(/one document/);
    expect(mediaProblems("linkedin", [mp4, png]).join(" ")).toMatch(
      /cannot mix images with a video/,
    );
  });

  it("holds the Sandbox to LinkedIn's file rules, under its own name", () => {
    expect(mediaProblems("sandbox", images(20))).toEqual([]);
    expect(mediaProblems("sandbox", images(21))).toEqual([
      "Sandbox takes at most 20 images; this post has 21.",
    ]);
    expect(mediaProblems("sandbox", [pdf, png])[0]).toMatch(/Sandbox cannot mix a document/);
  });

  it("limits X to 4 images and no documents", () => {
    expect(mediaProblems("x", images(4))).toEqual([]);
    expect(mediaProblems("x", images(5))[0]).toMatch(/at most 4 images/);
    expect(mediaProblems("x", [pdf])[0]).toMatch(/PDF/);
  });

  it("needs an image on Instagram, at most 10", () => {
    expect(mediaProblems("instagram", [])[0]).toMatch(/at least one image/);
    expect(mediaProblems("instagram", images(10))).toEqual([]);
    expect(mediaProblems("instagram", images(11))[0]).toMatch(/at most 10/);
  });

  it("refuses documents on Facebook", () => {
    expect(mediaProblems("facebook", [pdf])[0]).toMatch(/PDF/);
    expect(mediaProblems("facebook", images(3))).toEqual([]);
  });
});

describe("checkPost", () => {
  const check = (networks: Network[], text: string, media = [png]) =>
    checkPost({
      networks,
      textFor: () => text,
      media,
      count: countText,
      threadLength: (t) => splitThread(t).length,
    });

  it("blocks LinkedIn past 3,000 characters", () => {
    const [li] = check(["linkedin"], "a".repeat(3001));
    expect(li!.problems[0]).toMatch(/LinkedIn allows 3,000 characters; this post has 3,001/);
    expect(check(["linkedin"], "a".repeat(3000))[0]!.problems).toEqual([]);
  });

  it("blocks the Sandbox past 3,000 characters, like LinkedIn", () => {
    const [sandbox] = check(["sandbox"], "a".repeat(3001));
    expect(sandbox!.problems[0]).toMatch(/Sandbox allows 3,000 characters; this post has 3,001/);
    expect(check(["sandbox"], "a".repeat(3000))[0]!.problems).toEqual([]);
    expect(check(["sandbox"], "  ", [])[0]!.problems).toEqual([
      "The Sandbox post is empty. Write something first.",
    ]);
  });

  it("turns long X text into a thread instead of a problem", () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`).join(" ");
    const [x] = check(["x"], words);
    expect(x!.problems).toEqual([]);
    expect(x!.threadPosts).toBe(splitThread(words).length);
    expect(x!.threadPosts).toBeGreaterThan(1);
    expect(check(["x"], "short")[0]!.threadPosts).toBe(1);
  });

  it("still refuses X's invalid characters and giant threads", () => {
    expect(check(["x"], "a\uFEFFb")[0]!.problems[0]).toMatch(/U\+FEFF/);
    const huge = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(" ");
    expect(check(["x"], huge)[0]!.problems.at(-1)).toMatch(/at most 25 posts/);
  });

  it("refuses an empty post with no files", () => {
    expect(check(["linkedin"], "  ", [])[0]!.problems).toEqual([
      "The LinkedIn post is empty. Write something first.",
    ]);
  });

  it("describes every problem in one sentence", () => {
    const checks = check(["linkedin", "instagram"], "a".repeat(3001), []);
    expect(describeProblems(checks)).toMatch(/^Fix 3 things before scheduling: LinkedIn allows/);
    expect(describeProblems(check(["linkedin"], "fine"))).toBeNull();
  });
});
