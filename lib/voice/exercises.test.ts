import { describe, expect, it } from "vitest";
import {
  countChars,
  describeTone,
  exerciseIds,
  isExerciseComplete,
  parseExerciseComplete,
  parseExerciseDraft,
  SAMPLE_MAX,
} from "./exercises";

const post = (n: number, ch = "a") => ch.repeat(n);
const threeSamples = [
  { kind: "mine", text: post(20) },
  { kind: "admired", text: post(200) },
  { kind: "mine", text: post(SAMPLE_MAX) },
];

describe("drafts", () => {
  it.each(exerciseIds)("accepts no answers at all for %s", (id) => {
    expect(parseExerciseDraft(id, {}).ok).toBe(true);
  });

  it("keeps half-finished answers, trimmed, and drops keys it does not know", () => {
    const r = parseExerciseDraft("role", { title: "  Head of Growth ", admin: true });
    expect(r).toEqual({ ok: true, data: { title: "Head of Growth" } });
  });

  it("still enforces limits on a draft, naming the field", () => {
    const r = parseExerciseDraft("role", { title: post(121) });
    expect(r).toEqual({
      ok: false,
      fieldErrors: { title: "Keep the role under 120 characters." },
    });
  });

  it("cleans tag lists: blanks dropped, duplicates kept once whatever their case", () => {
    const r = parseExerciseDraft("avoid", { words: ["synergy", " ", "Synergy ", "leverage"] });
    expect(r).toEqual({ ok: true, data: { words: ["synergy", "leverage"] } });
  });

  it("refuses too many tags and an over-long tag", () => {
    const many = Array.from({ length: 51 }, (_, i) => `word${i}`);
    expect(parseExerciseDraft("avoid", { words: many })).toMatchObject({
      ok: false,
      fieldErrors: { words: "Keep it to 50 words." },
    });
    expect(parseExerciseDraft("avoid", { topics: ["ok", post(121)] })).toMatchObject({
      ok: false,
      fieldErrors: { "topics.1": "Keep each topic under 120 characters." },
    });
  });

  it("refuses goals off the list and sliders out of range", () => {
    expect(parseExerciseDraft("goals", { goals: ["world_domination"] }).ok).toBe(false);
    expect(parseExerciseDraft("tone", { casual: 101 })).toMatchObject({
      ok: false,
      fieldErrors: { casual: "Use a value from 0 to 100." },
    });
    expect(parseExerciseDraft("tone", { casual: 12.5 }).ok).toBe(false);
  });

  it("counts an emoji as one character, as the counters show it", () => {
    expect(countChars("🙂🙂")).toBe(2);
    const emoji = parseExerciseDraft("samples", { samples: [{ text: "🙂".repeat(SAMPLE_MAX) }] });
    expect(emoji.ok).toBe(true);
    const over = parseExerciseDraft("samples", {
      samples: [{ text: "🙂".repeat(SAMPLE_MAX + 1) }],
    });
    expect(over).toMatchObject({
      ok: false,
      fieldErrors: { "samples.0.text": "Keep each post under 3,000 characters." },
    });
  });
});

describe("completion", () => {
  it("needs a role and expertise; the industry is optional", () => {
    expect(parseExerciseComplete("role", { title: " ", industry: "Fintech" })).toEqual({
      ok: false,
      fieldErrors: {
        title: "Say what your role or title is.",
        expertise: "Say what you know best.",
      },
    });
    expect(isExerciseComplete("role", { title: "CTO", expertise: "Platform teams" })).toBe(true);
  });

  it("needs an audience and their level", () => {
    expect(parseExerciseComplete("audience", { description: "Founders" })).toMatchObject({
      ok: false,
      fieldErrors: { level: "Pick how much they already know." },
    });
    expect(isExerciseComplete("audience", { description: "Founders", level: "expert" })).toBe(true);
  });

  it("needs at least one goal, or another goal described", () => {
    expect(parseExerciseComplete("goals", { goals: [] })).toMatchObject({
      ok: false,
      fieldErrors: { goals: "Pick at least one goal, or describe another." },
    });
    expect(isExerciseComplete("goals", { goals: ["hiring"] })).toBe(true);
    expect(isExerciseComplete("goals", { other: "Find co-authors" })).toBe(true);
  });

  it("needs all four sliders; phrases are optional", () => {
    expect(parseExerciseComplete("tone", { casual: 10, playful: 20 })).toMatchObject({
      ok: false,
      fieldErrors: { enthusiastic: "Set this slider.", direct: "Set this slider." },
    });
    expect(
      isExerciseComplete("tone", { casual: 0, playful: 50, enthusiastic: 100, direct: 70 }),
    ).toBe(true);
  });

  it("can be done with nothing to avoid", () => {
    expect(isExerciseComplete("avoid", {})).toBe(true);
  });

  it("needs three samples of 20 to 3,000 characters, each marked mine or admired", () => {
    expect(isExerciseComplete("samples", { samples: threeSamples })).toBe(true);
    expect(parseExerciseComplete("samples", { samples: threeSamples.slice(0, 2) })).toMatchObject({
      ok: false,
      fieldErrors: { samples: "Add 3 posts." },
    });
    const short = [{ kind: "mine", text: post(19) }, threeSamples[1], { text: post(30) }];
    expect(parseExerciseComplete("samples", { samples: short })).toEqual({
      ok: false,
      fieldErrors: {
        "samples.0.text": "Paste a post of at least 20 characters.",
        "samples.2.kind": "Say whether you wrote it or admire it.",
      },
    });
    const padded = [{ kind: "mine", text: ` ${post(19)}  ` }, ...threeSamples.slice(1)];
    expect(isExerciseComplete("samples", { samples: padded })).toBe(false);
  });
});

describe("describeTone", () => {
  it.each([
    [50, "Balanced"],
    [40, "Balanced"],
    [70, "Somewhat casual"],
    [10, "Very formal"],
    [100, "Very casual"],
  ])("describes %i as %s", (value, words) => {
    expect(describeTone(value, "Formal", "Casual")).toBe(words);
  });
});
