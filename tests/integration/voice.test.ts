// Voice exercises through lib/voice on real Postgres: autosave and resume, what "done" requires, the
// profile version, who may write and who may read whose profile, and the size cap.
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withRls } from "@/lib/db/rls";
import { saveVoiceExercise } from "@/lib/voice/mutations";
import {
  getVoiceProfile,
  getVoiceProfileAsSystem,
  listMyVoiceExercises,
  listVoiceProgress,
} from "@/lib/voice/queries";
import {
  claimsFor,
  seedOrg,
  seedUser,
  type SeededOrg,
  type SeededUser,
} from "../../scripts/db/fixtures";
import { testDb } from "../helpers/db";

const su = postgres(testDb().superUrl, { max: 2, onnotice: () => {} });
const meta = { requestId: "req-voice", ip: "203.0.113.7" };
let owner: SeededUser, creator: SeededUser, employee: SeededUser, peer: SeededUser;
let viewer: SeededUser, outsider: SeededUser, org: SeededOrg, other: SeededOrg;

const samples = [
  { kind: "mine", text: "We shipped the new billing page today. Here is what we learned." },
  { kind: "admired", text: "Hiring is a product. Treat candidates like customers." },
  { kind: "mine", text: "Three things I wish I knew before my first board meeting." },
];

const save = (
  user: SeededUser,
  exercise: string,
  data: unknown,
  complete = false,
  orgId = org.id,
) =>
  saveVoiceExercise(
    claimsFor(user),
    orgId,
    { exercise: exercise as "role", data: data as Record<string, unknown>, complete },
    meta,
  );

beforeAll(async () => {
  owner = await seedUser(su, { email: "owner@voice.test", fullName: "Olive Owner" });
  creator = await seedUser(su, { email: "creator@voice.test", fullName: "Cora Creator" });
  employee = await seedUser(su, { email: "employee@voice.test", fullName: "Emil Employee" });
  peer = await seedUser(su, { email: "peer@voice.test", fullName: "Pia Peer" });
  viewer = await seedUser(su, { email: "viewer@voice.test", fullName: "Vic Viewer" });
  outsider = await seedUser(su, { email: "outsider@voice.test" });
  org = await seedOrg(su, {
    name: "Voice Co",
    slug: "voice-co",
    members: [
      { userId: owner.id, role: "owner" },
      { userId: creator.id, role: "brand_creator" },
      { userId: employee.id, role: "employee" },
      { userId: peer.id, role: "employee" },
      { userId: viewer.id, role: "viewer" },
    ],
  });
  other = await seedOrg(su, {
    name: "Other Voice",
    slug: "other-voice",
    members: [{ userId: outsider.id, role: "owner" }],
  });
});

afterAll(() => su.end());

describe("autosave and resume", () => {
  it("saves partial answers, returns them on resume, and logs the save", async () => {
    expect(await listMyVoiceExercises(claimsFor(employee), org.id)).toEqual([]);
    const saved = await save(employee, "role", { title: "  Staff engineer ", stray: "dropped" });
    expect(saved).toEqual({
      exercise: "role",
      status: "in_progress",
      version: 1,
      completed: 0,
      total: 6,
    });
    const [row] = await listMyVoiceExercises(claimsFor(employee), org.id);
    expect(row).toMatchObject({
      exercise: "role",
      status: "in_progress",
      data: { title: "Staff engineer" },
      completedAt: null,
    });
    const audit =
      await su`select action, entity_id, request_id, host(ip) as ip from public.activity_log
               where org_id = ${org.id} and actor_id = ${employee.id} order by id`;
    expect(audit.map((a) => [a.action, a.entity_id, a.request_id, a.ip])).toEqual([
      ["voice.exercise_saved", "role", "req-voice", "203.0.113.7"],
    ]);
  });

  it("refuses to mark an exercise done without its required fields, naming them", async () => {
    await expect(save(employee, "role", { title: "Staff engineer" }, true)).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { expertise: "Say what you know best." },
    });
    await expect(
      save(employee, "samples", { samples: samples.slice(0, 2) }, true),
    ).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { samples: "Add 3 posts." },
    });
    const short = [samples[0], samples[1], { kind: "mine", text: "Too short" }];
    await expect(save(employee, "samples", { samples: short }, true)).rejects.toMatchObject({
      fieldErrors: { "samples.2.text": "Paste a post of at least 20 characters." },
    });
    const profile = await getVoiceProfile(claimsFor(employee), org.id, employee.id);
    expect(profile).toMatchObject({ version: 1, completed: 0 });
  });

  it("bumps the version on every change, keeps it for an identical save, and counts what is done", async () => {
    const role = { title: "Staff engineer", expertise: "Distributed systems" };
    expect(await save(employee, "role", role, true)).toMatchObject({
      status: "completed",
      version: 2,
      completed: 1,
    });
    expect((await save(employee, "role", role, true)).version).toBe(2);
    // An autosave of a finished exercise keeps it finished while it still meets the requirements…
    expect(await save(employee, "role", { ...role, industry: "Fintech" })).toMatchObject({
      status: "completed",
      version: 3,
      completed: 1,
    });
    // …and erasing a required field reopens it.
    expect(await save(employee, "role", { title: "Staff engineer" })).toMatchObject({
      status: "in_progress",
      version: 4,
      completed: 0,
    });
    await save(employee, "role", { ...role, industry: "Fintech" }, true);
    expect(await save(employee, "samples", { samples }, true)).toMatchObject({
      version: 6,
      completed: 2,
    });
    const [p] =
      await su`select version, completed_count from public.voice_profiles where user_id = ${employee.id}`;
    expect(p).toEqual({ version: 6, completed_count: 2 });
    const actions =
      await su`select action from public.activity_log where actor_id = ${employee.id} order by id`;
    expect(actions.map((a) => a.action)).toEqual([
      "voice.exercise_saved",
      "voice.exercise_completed",
      "voice.exercise_saved",
      "voice.exercise_reopened",
      "voice.exercise_completed",
      "voice.exercise_completed",
    ]);
  });

  it("refuses oversized answers with a clear message, in lib/voice and in the database", async () => {
    await expect(save(employee, "role", { expertise: "x".repeat(501) })).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { expertise: "Keep your expertise under 500 characters." },
    });
    const huge = JSON.stringify({ title: "x".repeat(70_000) });
    const direct = withRls(claimsFor(employee), (tx) =>
      tx.execute(
        sql`select app.save_voice_exercise(${org.id}::uuid, 'role', ${huge}::jsonb, false)`,
      ),
    );
    await expect(direct).rejects.toMatchObject({
      cause: {
        code: "GA422",
        hint: "voice_data_too_large",
        message: "These answers are too long to save (over 64 KB). Shorten them and try again.",
      },
    });
    const unknown = withRls(claimsFor(employee), (tx) =>
      tx.execute(
        sql`select app.save_voice_exercise(${org.id}::uuid, 'hobbies', '{}'::jsonb, false)`,
      ),
    );
    await expect(unknown).rejects.toMatchObject({
      cause: { code: "GA422", hint: "invalid_exercise" },
    });
  });
});

describe("who may write", () => {
  it("refuses a viewer", async () => {
    await expect(save(viewer, "role", { title: "Observer" })).rejects.toMatchObject({
      code: "forbidden",
      message: "Viewers cannot edit a voice profile.",
    });
    const [n] =
      await su`select count(*)::int as n from public.voice_exercises where user_id = ${viewer.id}`;
    expect(n!.n).toBe(0);
  });

  it("refuses a member of another org, and nobody writes the tables directly", async () => {
    await expect(save(outsider, "role", { title: "Intruder" })).rejects.toMatchObject({
      code: "not_found",
    });
    const forged = withRls(claimsFor(employee), (tx) =>
      tx.execute(sql`update public.voice_profiles set version = 1000 where user_id = auth.uid()`),
    );
    await expect(forged).rejects.toMatchObject({ cause: { code: "42501" } });
  });
});

describe("who may read", () => {
  it("keeps a member's profile from another employee but shows it to a brand creator", async () => {
    expect(await getVoiceProfile(claimsFor(peer), org.id, employee.id)).toBeNull();
    const hidden = await withRls(claimsFor(peer), (tx) =>
      tx.execute(sql`select * from public.voice_exercises where user_id = ${employee.id}`),
    );
    expect([...hidden]).toEqual([]);

    const seen = await getVoiceProfile(claimsFor(creator), org.id, employee.id);
    expect(seen).toMatchObject({ userId: employee.id, version: 6, completed: 2, total: 6 });
    expect(seen!.profile.role).toEqual({
      title: "Staff engineer",
      expertise: "Distributed systems",
      industry: "Fintech",
    });
    expect(seen!.profile.samples).toEqual(samples);
    expect(seen!.profile.status).toMatchObject({ role: "completed", samples: "completed" });
    expect(await getVoiceProfile(claimsFor(owner), org.id, employee.id)).toEqual(seen);
  });

  it("answers a member with no answers yet with an empty profile at version 0", async () => {
    const mine = await getVoiceProfile(claimsFor(peer), org.id, peer.id);
    expect(mine).toMatchObject({ userId: peer.id, version: 0, completed: 0 });
    expect(mine!.profile.samples).toEqual([]);
    expect(await getVoiceProfile(claimsFor(viewer), org.id, viewer.id)).toMatchObject({
      version: 0,
    });
  });

  it("lists everyone's progress for composers and only themselves for employees and viewers", async () => {
    const all = await listVoiceProgress(claimsFor(creator), org.id);
    expect(all[0]!.userId).toBe(creator.id);
    expect(all.map((m) => [m.name, m.completed])).toEqual([
      ["Cora Creator", 0],
      ["Emil Employee", 2],
      ["Olive Owner", 0],
      ["Pia Peer", 0],
      ["Vic Viewer", 0],
    ]);
    expect(all.find((m) => m.userId === employee.id)).toMatchObject({ version: 6, total: 6 });
    const self = await listVoiceProgress(claimsFor(employee), org.id);
    expect(self.map((m) => m.userId)).toEqual([employee.id]);
    const viewerSelf = await listVoiceProgress(claimsFor(viewer), org.id);
    expect(viewerSelf.map((m) => m.userId)).toEqual([viewer.id]);
  });

  it("shows nothing to a member of another org", async () => {
    expect(await getVoiceProfile(claimsFor(outsider), org.id, employee.id)).toBeNull();
    expect(await listVoiceProgress(claimsFor(outsider), org.id)).toEqual([]);
    expect(await listMyVoiceExercises(claimsFor(outsider), org.id)).toEqual([]);
    // Not even about a member of their own org, asked through this org.
    expect(await getVoiceProfile(claimsFor(creator), other.id, outsider.id)).toBeNull();
  });
});

describe("the worker's read", () => {
  it("reads any member's profile as the system, and nothing once they left", async () => {
    const system = await getVoiceProfileAsSystem(org.id, employee.id);
    expect(system).toEqual(await getVoiceProfile(claimsFor(employee), org.id, employee.id));
    expect(await getVoiceProfileAsSystem(other.id, employee.id)).toBeNull();

    await save(peer, "goals", { goals: ["hiring"] }, true);
    await su`delete from public.memberships where org_id = ${org.id} and user_id = ${peer.id}`;
    expect(await getVoiceProfileAsSystem(org.id, peer.id)).toBeNull();
    const [left] =
      await su`select (select count(*)::int from public.voice_exercises where user_id = ${peer.id}) as e,
                      (select count(*)::int from public.voice_profiles where user_id = ${peer.id}) as p`;
    expect(left).toEqual({ e: 0, p: 0 });
  });
});
