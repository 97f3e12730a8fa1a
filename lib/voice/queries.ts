// Reading voice exercises and profiles. Request code reads through RLS (a member sees their own;
// owners, admins and brand creators see every member's); the worker reads as the system, scoped by
// the org and member of its job.
import "server-only";
import { sql } from "drizzle-orm";
import { iso } from "@/lib/db/sql";
import { withAdmin } from "@/lib/db/admin";
import type { Tx } from "@/lib/db/pool";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import type { OrgRole } from "@/lib/db/schema";
import { can } from "@/lib/orgs/permissions";
import {
  EXERCISE_COUNT,
  isExerciseId,
  type ExerciseId,
  type ExerciseStatus,
} from "@/lib/voice/exercises";
import { buildVoiceProfile, type VoiceProfile } from "@/lib/voice/profile";

export type VoiceExerciseItem = {
  exercise: ExerciseId;
  status: ExerciseStatus;
  /** The stored answers; lib/voice/exercises.ts's parseExerciseDraft types them. */
  data: Record<string, unknown>;
  completedAt: string | null;
  updatedAt: string;
};

/** A member's voice profile with the version generation caches by. */
export type MemberVoiceProfile = {
  userId: string;
  /** Bumped by every save that changes an answer; 0 before the first. */
  version: number;
  completed: number;
  total: number;
  profile: VoiceProfile;
};

export type VoiceProgressItem = {
  userId: string;
  name: string;
  role: OrgRole;
  completed: number;
  total: number;
  version: number;
  updatedAt: string | null;
};

async function exercisesOf(tx: Tx, orgId: string, userId: string): Promise<VoiceExerciseItem[]> {
  const rows = await tx.execute<VoiceExerciseItem & Record<string, unknown>>(sql`
    select exercise, status, data, ${iso("completed_at")} as "completedAt",
           ${iso("updated_at")} as "updatedAt"
    from public.voice_exercises
    where org_id = ${orgId} and user_id = ${userId}`);
  return [...rows].filter((r) => isExerciseId(r.exercise));
}

async function profileOf(tx: Tx, orgId: string, userId: string): Promise<MemberVoiceProfile> {
  const rows = await exercisesOf(tx, orgId, userId);
  const [row] = await tx.execute<{ version: number }>(sql`
    select version from public.voice_profiles where org_id = ${orgId} and user_id = ${userId}`);
  const profile = buildVoiceProfile(rows);
  return {
    userId,
    version: row?.version ?? 0,
    completed: profile.completedCount,
    total: EXERCISE_COUNT,
    profile,
  };
}

/** The caller's role in the org, and whether `userId` is a member of it too. */
async function roles(tx: Tx, orgId: string, userId: string) {
  const [row] = await tx.execute<{ role: OrgRole; isMember: boolean }>(sql`
    select me.role,
           exists (select 1 from public.memberships t where t.org_id = me.org_id and t.user_id = ${userId})
             as "isMember"
    from public.memberships me
    where me.org_id = ${orgId} and me.user_id = auth.uid()`);
  return row ?? null;
}

/** The caller's own exercises in the org (none yet is an empty list). */
export async function listMyVoiceExercises(
  claims: JwtClaims,
  orgId: string,
): Promise<VoiceExerciseItem[]> {
  return withRls(claims, (tx) => exercisesOf(tx, orgId, claims.sub));
}

/**
 * `userId`'s profile in the org: their own for anyone, any member's for owners, admins and brand
 * creators. Null when the caller may not see it or `userId` is not a member (the same answer, so
 * nobody learns who has a profile).
 */
export async function getVoiceProfile(
  claims: JwtClaims,
  orgId: string,
  userId: string,
): Promise<MemberVoiceProfile | null> {
  return withRls(claims, async (tx) => {
    const found = await roles(tx, orgId, userId);
    if (!found?.isMember) return null;
    if (userId !== claims.sub && !can(found.role, "voice.view_all")) return null;
    return profileOf(tx, orgId, userId);
  });
}

/** Every member with how far they are (composers); an employee or viewer sees only themselves. */
export async function listVoiceProgress(
  claims: JwtClaims,
  orgId: string,
): Promise<VoiceProgressItem[]> {
  return withRls(claims, async (tx) => {
    const found = await roles(tx, orgId, claims.sub);
    if (!found) return [];
    const everyone = can(found.role, "voice.view_all");
    const rows = await tx.execute<VoiceProgressItem & Record<string, unknown>>(sql`
      select m.user_id as "userId", coalesce(nullif(btrim(p.full_name), ''), p.email, 'Member') as name,
             m.role, coalesce(v.completed_count, 0) as completed, ${EXERCISE_COUNT}::int as total,
             coalesce(v.version, 0) as version, ${iso("v.updated_at")} as "updatedAt"
      from public.memberships m
      left join public.profiles p on p.id = m.user_id
      left join public.voice_profiles v on v.org_id = m.org_id and v.user_id = m.user_id
      where m.org_id = ${orgId} and (${everyone} or m.user_id = auth.uid())
      order by m.user_id = auth.uid() desc, lower(coalesce(nullif(btrim(p.full_name), ''), p.email))`);
    return [...rows];
  });
}

/**
 * For the AI generation worker (no session): the member's profile, or null when they are not a
 * member of the org (any more). The job's org and member ids scope it.
 */
export async function getVoiceProfileAsSystem(
  orgId: string,
  userId: string,
): Promise<MemberVoiceProfile | null> {
  return withAdmin(async (tx) => {
    const [member] = await tx.execute(sql`
      select 1 from public.memberships m join public.organizations o on o.id = m.org_id
      where m.org_id = ${orgId} and m.user_id = ${userId} and o.deleted_at is null`);
    return member ? profileOf(tx, orgId, userId) : null;
  });
}
