// ai.generate: writes one generation's texts with the model, in the voice of the person the post is
// for, streaming progress into the row (the composer shows it live). What a failure means decides
// what happens: a transient one (timeout, 429, 5xx, an empty answer) is retried with backoff; after
// the last try a draft falls back to a clearly labelled template built from the voice profile and
// the brief, anything else fails with the reason. Either way the credits go back.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { writeCachedResult } from "@/lib/ai/cache";
import { fallbackDraft } from "@/lib/ai/fallback";
import { applyTexts } from "@/lib/ai/apply-texts";
import { textArray } from "@/lib/ai/generations";
import { ModelError, streamCompletion } from "@/lib/ai/model";
import { buildMessages, cleanOutput } from "@/lib/ai/prompts";
import { resolveProvider } from "@/lib/ai/provider";
import type { GenerationInput, GenerationOperation } from "@/lib/ai/schemas";
import { adminExecute, withAdmin } from "@/lib/db/admin";
import { getEnv } from "@/lib/env";
import { defineJob, type JobContext } from "@/lib/jobs/registry";
import { getVoiceProfileAsSystem } from "@/lib/voice/queries";

type Row = {
  id: string;
  orgId: string;
  operation: GenerationOperation;
  network: string;
  input: GenerationInput;
  variants: number;
  voiceUserId: string | null;
  postId: string | null;
  cacheKey: string | null;
  baseBody: string | null;
  model: string;
  provider: "default" | "byok";
};

const tokensFor: Record<GenerationOperation, number> = {
  draft: 1200,
  variants: 1200,
  adapt: 1200,
  rewrite: 1000,
  expand: 1000,
  shorten: 700,
  fix: 1000,
  hashtags: 100,
};

export const generateJob = defineJob({
  name: "ai.generate",
  queue: "ai",
  schema: z.object({ generationId: z.uuid() }),
  jobId: (d) => `generation-${d.generationId}`,
  options: () => ({
    attempts: getEnv().AI_ATTEMPTS,
    backoff: { type: "exponential", delay: getEnv().AI_BACKOFF_MS },
  }),
  handler: generate,
});

async function generate({ generationId }: { generationId: string }, ctx: JobContext) {
  const [row] = await adminExecute<Row>(sql`
    update public.ai_generations g
       set status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()),
           partial = null, variants_done = 0
     where g.id = ${generationId} and g.status in ('queued', 'running')
    returning g.id, g.org_id as "orgId", g.operation, g.network, g.input, g.variants,
              g.voice_user_id as "voiceUserId", g.post_id as "postId", g.cache_key as "cacheKey",
              (select v.body from public.post_versions v where v.id = g.base_version_id) as "baseBody",
              g.model, g.provider`);
  if (!row) return; // finished already (a job delivered twice), or gone with its post
  const lastTry = ctx.job.attemptsMade + 1 >= (ctx.job.opts.attempts ?? 1);
  let source: "default" | "byok" | null = null;
  let voice: Awaited<ReturnType<typeof voiceFor>> | null = null;
  try {
    const resolved = await resolveProvider(row.orgId);
    if (!resolved.ok) return await fail(row, "provider_unavailable", resolved.reason);
    const { provider } = resolved;
    source = provider.source;
    voice = row.voiceUserId ? await voiceFor(row.orgId, row.voiceUserId) : null;
    const texts = await write(row, provider, voice);
    await succeed(row, texts);
  } catch (err) {
    // Whatever failed — the model, our database, a bug — the last try ends the generation (with a
    // refund) rather than leaving it running with its credits held.
    const e = err instanceof ModelError ? err : null;
    ctx.log.warn("generation attempt failed", {
      generationId: row.id,
      kind: e?.kind ?? "internal",
      status: e?.status ?? null,
      lastTry,
    });
    if (!lastTry && (!e || e.kind === "transient")) {
      await adminExecute(sql`
        update public.ai_generations
           set status = 'queued', error = ${`${e?.message ?? "Something went wrong on our side."} Trying again…`}
         where id = ${row.id} and status = 'running'`);
      throw err; // BullMQ retries with backoff
    }
    if (e?.kind === "auth" && source === "byok")
      await adminExecute(sql`
        update public.ai_providers set status = 'invalid', status_reason = ${e.message.slice(0, 500)}
         where org_id = ${row.orgId}`);
    if (e?.kind === "transient") {
      const fallback = fallbackFor(row, voice?.profile ?? null, voice?.name ?? null);
      if (fallback) return fallBack(row, fallback, e.message);
    }
    return fail(
      row,
      e ? `model_${e.kind}` : "internal",
      e?.message ?? "Something went wrong on our side, and nothing was written.",
    );
  }
}

/** Every text of the generation, one model call each, streaming the current one into the row. */
async function write(
  row: Row,
  provider: { client: import("openai").default; model: string },
  voice: { profile: unknown; name: string | null } | null,
): Promise<string[]> {
  const texts: string[] = [];
  for (let variant = 1; variant <= row.variants; variant++) {
    const progress = throttled((text) =>
      adminExecute(sql`
        update public.ai_generations set partial = ${text.slice(0, 20_000)}
         where id = ${row.id} and status = 'running'`),
    );
    const answer = await streamCompletion(
      provider.client,
      {
        model: provider.model,
        messages: buildMessages({
          operation: row.operation,
          request: row.input,
          profile: voice?.profile ?? {},
          personName: voice?.name ?? null,
          variant,
          variants: row.variants,
        }),
        maxTokens: tokensFor[row.operation],
        temperature: row.operation === "fix" ? 0.2 : 0.8,
      },
      { idleMs: getEnv().AI_TIMEOUT_MS, onText: progress.push },
    );
    await progress.flush();
    const cleaned = cleanOutput(row.operation, answer.text);
    if (!cleaned.ok) throw new ModelError("transient", cleaned.reason);
    // A draft cut off at the token limit would land half a sentence: ask again.
    if (answer.truncated && row.operation !== "hashtags")
      throw new ModelError("transient", "The AI model stopped in the middle of the text.");
    texts.push(cleaned.text);
    await adminExecute(
      sql`update public.ai_generations set variants_done = ${variant} where id = ${row.id}`,
    );
  }
  return texts;
}

/** The answers of the person's voice profile (without its bookkeeping) and their name. */
async function voiceFor(orgId: string, userId: string) {
  const found = await getVoiceProfileAsSystem(orgId, userId);
  const [person] = await adminExecute<{ name: string | null }>(sql`
    select nullif(btrim(full_name), '') as name from public.profiles where id = ${userId}`);
  if (!found) return { profile: {}, name: person?.name ?? null };
  const { status: _status, completedCount: _count, updatedAt: _at, ...answers } = found.profile;
  return { profile: answers, name: person?.name ?? null };
}

/**
 * Lands the texts and says "succeeded" in one transaction, only while this run still owns the
 * generation (the sweep may have given up on it and refunded it meanwhile); then caches them.
 */
async function succeed(row: Row, texts: string[]) {
  const result =
    row.operation === "hashtags" ? { texts, hashtags: texts[0]!.split(" ") } : { texts };
  const versions = applyTexts(row, texts, row.baseBody);
  const owned = await withAdmin(async (tx) => {
    const [mine] = [
      ...(await tx.execute(sql`
        update public.ai_generations
           set status = 'succeeded', result = ${JSON.stringify(result)}::jsonb, partial = null,
               error = null, error_code = null, finished_at = now()
         where id = ${row.id} and status = 'running' and refunded_at is null
        returning id`)),
    ];
    if (mine)
      await tx.execute(sql`select app.apply_generation(${row.id}::uuid, ${textArray(versions)})`);
    return !!mine;
  });
  if (owned && row.cacheKey) await writeCachedResult(row.cacheKey, result);
}

/** A template in place of the model's draft: shown for the user to take, never applied by itself. */
async function fallBack(row: Row, text: string, why: string) {
  await endWithRefund(
    row,
    "No AI model answered",
    sql`status = 'fallback', result = ${JSON.stringify({ texts: [text] })}::jsonb,
        error = ${`${why} Here is a template draft from the voice profile and the brief instead.`},
        error_code = 'fallback'`,
  );
}

async function fail(row: Row, code: string, message: string) {
  await endWithRefund(
    row,
    message.slice(0, 300),
    sql`status = 'failed', error = ${message.slice(0, 1000)}, error_code = ${code}`,
  );
}

/**
 * The final status and the refund commit together, and only while the generation is still
 * unfinished: a re-run or a late sweep neither refunds twice nor overwrites a result.
 */
async function endWithRefund(row: Row, note: string, set: SQL) {
  await withAdmin(async (tx) => {
    const [ended] = [
      ...(await tx.execute(sql`
        update public.ai_generations set ${set}, partial = null, finished_at = now()
         where id = ${row.id} and status in ('queued', 'running')
        returning id`)),
    ];
    if (ended) await tx.execute(sql`select app.refund_generation(${row.id}::uuid, ${note})`);
  });
}

function fallbackFor(row: Row, profile: unknown, name: string | null): string | null {
  if (row.operation !== "draft" && row.operation !== "variants") return null;
  return fallbackDraft({ profile, personName: name, request: row.input });
}

/** Collects the streamed text and writes it at most every 250 ms. */
function throttled(write: (text: string) => Promise<unknown>) {
  let latest = "";
  let last = 0;
  let pending: Promise<unknown> = Promise.resolve();
  return {
    push: (text: string) => {
      latest = text;
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      pending = pending.then(() => write(latest)).catch(() => {});
    },
    flush: () => pending,
  };
}
