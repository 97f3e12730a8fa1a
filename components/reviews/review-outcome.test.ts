import { describe, expect, it } from "vitest";
import { postLabel, reviewNoteError, reviewOutcome } from "@/components/reviews/review-outcome";

const post = { label: "Launch day", authorName: "Ada Author", onBehalfOfName: "Mia Member" };

describe("postLabel", () => {
  it("uses the title when there is one", () => {
    expect(postLabel({ title: "  Launch day ", body: "Hello" })).toBe("Launch day");
  });

  it("falls back to the first line of the text, shortened past 60 characters", () => {
    expect(postLabel({ title: null, body: "\nFirst line\nSecond line" })).toBe("First line");
    const long = "word ".repeat(20);
    const label = postLabel({ title: "", body: long });
    expect(label.length).toBeLessThanOrEqual(60);
    expect(label.endsWith("…")).toBe(true);
  });

  it("says Untitled post when there is neither", () => {
    expect(postLabel({ title: " ", body: "  " })).toBe("Untitled post");
  });
});

describe("reviewNoteError", () => {
  it("lets an approval go without a note", () => {
    expect(reviewNoteError("approve", "")).toBeNull();
  });

  it("asks for a note to request changes or to comment", () => {
    expect(reviewNoteError("request_changes", "   ")).toBe("Say what should change.");
    expect(reviewNoteError("comment", "")).toBe("Write your comment first.");
    expect(reviewNoteError("request_changes", "Shorter, please")).toBeNull();
  });

  it("refuses a note longer than the database keeps", () => {
    expect(reviewNoteError("comment", "x".repeat(5001))).toMatch(/under 5,000/);
    expect(reviewNoteError("approve", "x".repeat(5001))).toMatch(/under 5,000/);
  });
});

describe("reviewOutcome", () => {
  it("keeps a commented post in the list", () => {
    expect(reviewOutcome("comment", "in_review", post)).toEqual({
      leaves: false,
      message: "Comment added to “Launch day”.",
    });
  });

  it("removes a post sent back with changes and names its author", () => {
    const o = reviewOutcome("request_changes", "changes_requested", post);
    expect(o.leaves).toBe(true);
    expect(o.message).toContain("Ada Author");
  });

  it("says an approved post can be scheduled", () => {
    expect(reviewOutcome("approve", "approved", post)).toEqual({
      leaves: true,
      message: "Approved “Launch day”. It can be scheduled now.",
    });
  });

  it("says whose approval is still missing when the post stays in review", () => {
    const o = reviewOutcome("approve", "in_review", post);
    expect(o.leaves).toBe(true);
    expect(o.message).toContain("Mia Member must approve it too");
  });
});
