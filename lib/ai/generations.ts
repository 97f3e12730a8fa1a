// Asking for a generation (request time) and reading them back. An identical request is answered
// from the cache with no debit and no job; otherwise the generation row and its debit commit in one
// transaction (app.request_generation) and the ai.generate job is added after the commit — a lost
// job is added again by the sweep, so a debit never waits forever.
import "server-only";
import { sql } from "drizzle-orm";
import { applyTexts } from "@/lib/ai/apply-texts";
import { generationCacheKey, readCachedResult } from "@/lib/ai/cache";
import { generateJob } from "@/lib/ai/generate-job";
import { resolveProvider } from "@/lib/ai/provider";
import {
  requestGenerationInput,
  type GenerationInput,
  type GenerationOperation,
  type RequestGenerationInput,
} from "@/lib/ai/schemas";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import { AppError, fromDbError, parseInput } from "@/lib/errors";
import { createLogger } from "@/lib/logger";
import { enforceLimit } from "@/lib/rate-limit";
import { getVoiceProfile } from "@/lib/voice/queries";

const log = createLogger({ component: "ai" });

export type GenerationStatus = "queued" | "running" | "succeeded" | "fallback" | "failed";

export type GenerationView = {
  id: string;
  operation: GenerationOperation;
  network: string;
  status: GenerationStatus;
  postId: string | null;
  voiceUserId: string | null;
  input: GenerationInput;
  variants: number;
  variantsDone: number;
  partial: string | null;
  result: { texts: string[]; hashtags?: string[] } | null;
  versionIds: string[];
  notApplied: string | null;
  error: string | null;
  errorCode: string | null;
  cost: number;
  cached: boolean;
  refunded: boolean;
  createdAt: string;
  finishedAt: string | null;
};

const viewColumns = sql.raw(`
  g.id, g.operation, g.network, g.status, g.post_id as "postId", g.voice_user_id as "voiceUserId",
  g.input, g.variants, g.variants_done as "variantsDone", g.partial, g.result,
  g.version_ids as "versionIds", g.not_applied as "notApplied", g.error, g.error_code as "errorCode",
  g.cost, g.cached, g.refunded_at is not null as refunded,
  (to_json(g.created_at) #>> '{}') as "createdAt", (to_json(g.finished_at) #>> '{}') as "finishedAt"`);

function rethrow(err: unknown): never {
  throw fromDbError(err) ?? err;
}

export type RequestMeta = { requestId: string | null; ip: string | null };

/** Queues (or answers from the cache) a generation for the signed-in member. */
export async function requestGeneration(
  claims: JwtClaims,
  orgId: string,
  raw: RequestGenerationInput,
  meta: RequestMeta,
): Promise<GenerationView> {
  const input = parseInput(requestGenerationInput, raw);
  await enforceLimit("ai.user", claims.sub);
  const resolved = await resolveProvider(orgId);
  if (!resolved.ok) throw new AppError("dependency_unavailable", resolved.reason);
  const { provider } = resolved;
  const voice = await getVoiceProfile(claims, orgId, input.voiceUserId);
  const voiceVersion = voice?.version ?? 0;
  const variants = input.operation === "variants" ? (input.variants ?? 2) : 1;
  const cacheKey = generationCacheKey({
    operation: input.operation,
    providerIdentity: provider.identity,
    orgId,
    voiceUserId: input.voiceUserId,
    voiceVersion,
    voiceUpdatedAt: voice?.profile.updatedAt ?? null,
    request: input.input,
    variant: 1,
  });
  const cacheable = !input.regenerate && input.operation !== "variants";
  const args = {
    org: orgId,
    post: input.postId ?? null,
    input: JSON.stringify(input.input),
  };

  const cached = cacheable ? await readCachedResult(cacheKey) : null;
  if (cached) {
    const id = await withRls(claims, async (tx) => {
      const [row] = await tx.execute<{ id: string }>(sql`
        select (app.record_cached_generation(${args.org}::uuid, ${input.operation}, ${input.input.network},
          ${args.post}::uuid, ${input.voiceUserId}::uuid, ${args.input}::jsonb, ${provider.source},
          ${provider.model}, ${voiceVersion}::int, ${cacheKey}, ${JSON.stringify(cached)}::jsonb,
          ${meta.requestId}, ${meta.ip}::inet)).id`);
      const [base] = args.post
        ? await tx.execute<{ body: string }>(sql`
            select v.body from public.posts p join public.post_versions v on v.id = p.current_version_id
             where p.id = ${args.post}::uuid`)
        : [];
      const texts = applyTexts(input, cached.texts, base?.body ?? null);
      await tx.execute(sql`select app.apply_generation(${row!.id}::uuid, ${textArray(texts)})`);
      return row!.id;
    }).catch(rethrow);
    log.info("generation answered from the cache", { generationId: id });
    return (await getGeneration(claims, id))!;
  }

  const row = await withRls(claims, async (tx) => {
    const [r] = await tx.execute<{ id: string }>(sql`
      select (app.request_generation(${args.org}::uuid, ${input.operation}, ${input.input.network},
        ${args.post}::uuid, ${input.voiceUserId}::uuid, ${args.input}::jsonb, ${variants}::int,
        ${provider.source}, ${provider.model}, ${voiceVersion}::int, ${cacheable ? cacheKey : null},
        ${meta.requestId}, ${meta.ip}::inet)).id`);
    return r!;
  }).catch(rethrow);
  try {
    await generateJob.enqueue({ generationId: row.id });
  } catch (err) {
    log.error("could not add the generation job; the sweep will", { err, generationId: row.id });
  }
  return (await getGeneration(claims, row.id))!;
}

export async function getGeneration(claims: JwtClaims, id: string): Promise<GenerationView | null> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<GenerationView>(
      sql`select ${viewColumns} from public.ai_generations g where g.id = ${id}`,
    ),
  );
  return [...rows][0] ?? null;
}

/** The post's latest generations (the composer's AI panel), newest first. */
export async function listPostGenerations(
  claims: JwtClaims,
  postId: string,
  limit = 10,
): Promise<GenerationView[]> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<GenerationView>(sql`
      select ${viewColumns} from public.ai_generations g
       where g.post_id = ${postId} order by g.created_at desc limit ${limit}`),
  );
  return [...rows];
}

/** A text[] parameter (a JS array would be spread into a list of parameters). */
export const textArray = (texts: string[] | null) =>
  texts === null
    ? sql`null::text[]`
    : sql`array(select jsonb_array_elements_text(${JSON.stringify(texts)}::jsonb))`;
