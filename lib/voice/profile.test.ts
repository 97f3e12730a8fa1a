import { describe, expect, it } from "vitest";
import { buildVoiceProfile, emptyVoiceProfile, firstUnfinishedExercise } from "./profile";

const done = (exercise: string, data: unknown, updatedAt = "2026-12-04T10:00:00.000Z") => ({
  exercise,
  status: "completed",
  data,
  updatedAt,
});

describe("buildVoiceProfile", () => {
  it("gives a member with no answers an empty, fully shaped profile", () => {
    const p = emptyVoiceProfile();
    expect(p).toEqual({
      role: { title: null, expertise: null, industry: null },
      audience: { description: null, level: null },
      goals: { goals: [], other: null },
      tone: { casual: null, playful: null, enthusiastic: null, direct: null, phrases: [] },
      avoid: { words: [], topics: [] },
      samples: [],
      status: {
        role: "not_started",
        audience: "not_started",
        goals: "not_started",
        tone: "not_started",
        avoid: "not_started",
        samples: "not_started",
      },
      completedCount: 0,
      updatedAt: null,
    });
    expect(firstUnfinishedExercise(p.status)).toBe("role");
  });

  it("gathers every exercise's answers, with statuses, the count and the latest save", () => {
    const p = buildVoiceProfile([
      done("role", { title: "CTO", expertise: "Platform teams", industry: "" }),
      done("tone", { casual: 80, playful: 30, enthusiastic: 60, direct: 90, phrases: ["Ship it"] }),
      {
        exercise: "samples",
        status: "in_progress",
        data: { samples: [{ kind: "mine", text: "A post about platforms." }, { text: "" }] },
        updatedAt: "2026-12-05T09:00:00.000Z",
      },
      done("goals", { goals: ["hiring", "community"], other: "Find co-authors" }),
    ]);
    expect(p.role).toEqual({ title: "CTO", expertise: "Platform teams", industry: null });
    expect(p.tone).toEqual({
      casual: 80,
      playful: 30,
      enthusiastic: 60,
      direct: 90,
      phrases: ["Ship it"],
    });
    expect(p.goals).toEqual({ goals: ["hiring", "community"], other: "Find co-authors" });
    expect(p.samples).toEqual([{ kind: "mine", text: "A post about platforms." }]);
    expect(p.status).toMatchObject({
      role: "completed",
      tone: "completed",
      goals: "completed",
      samples: "in_progress",
      audience: "not_started",
    });
    expect(p.completedCount).toBe(3);
    expect(p.updatedAt).toBe("2026-12-05T09:00:00.000Z");
    expect(firstUnfinishedExercise(p.status)).toBe("audience");
  });

  it("ignores unknown exercises and answers that no longer fit, rather than failing", () => {
    const p = buildVoiceProfile([
      done("hobbies", { fishing: true }),
      done("audience", { description: "Founders", level: "wizards" }),
    ]);
    expect(p.audience).toEqual({ description: null, level: null });
    expect(p.status.audience).toBe("completed");
    expect(p.completedCount).toBe(1);
  });

  it("reports nothing left to resume when all six are done", () => {
    const all = ["role", "audience", "goals", "tone", "avoid", "samples"].map((id) => done(id, {}));
    const p = buildVoiceProfile(all);
    expect(p.completedCount).toBe(6);
    expect(firstUnfinishedExercise(p.status)).toBeNull();
  });
});
