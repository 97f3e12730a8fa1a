import { describe, expect, it } from "vitest";
import { dataOf, errorFor, formFromExercises, profileOf } from "./voice-form";

describe("the stepper's form", () => {
  it("starts a member with no answers on empty fields, sliders in the middle and three blank samples", () => {
    const form = formFromExercises([]);
    expect(form.role).toEqual({ title: "", expertise: "", industry: "" });
    expect(form.tone).toEqual({
      casual: 50,
      playful: 50,
      enthusiastic: 50,
      direct: 50,
      phrases: [],
    });
    expect(form.samples.samples).toEqual([
      { kind: "", text: "" },
      { kind: "", text: "" },
      { kind: "", text: "" },
    ]);
  });

  it("resumes stored answers and sends unset choices as absent", () => {
    const form = formFromExercises([
      { exercise: "audience", status: "in_progress", data: { description: "Founders" } },
      {
        exercise: "samples",
        status: "in_progress",
        data: { samples: [{ kind: "admired", text: "A post." }] },
      },
    ]);
    expect(form.audience).toEqual({ description: "Founders", level: "" });
    expect(dataOf("audience", form)).toEqual({ description: "Founders" });
    expect(dataOf("samples", form)).toEqual({
      samples: [{ kind: "admired", text: "A post." }, { text: "" }, { text: "" }],
    });
  });

  it("builds the summary's profile from the exercises that were started only", () => {
    const form = formFromExercises([]);
    form.role.title = "CTO";
    const profile = profileOf(form, { role: "in_progress" });
    expect(profile.role.title).toBe("CTO");
    expect(profile.tone.casual).toBeNull();
    expect(profile.status.tone).toBe("not_started");
  });

  it("finds a list's message whether it is about the list or one entry", () => {
    expect(errorFor({ "words.2": "Too long." }, "words")).toBe("Too long.");
    expect(errorFor({ words: "Too many." }, "words")).toBe("Too many.");
    expect(errorFor({ wordsmith: "x" }, "words")).toBeUndefined();
  });
});
