// The server-action chain: action → authAction → orgAction. Each parses its input with zod, resolves
// the caller (user, then org and role) into ctx, checks the permission, and maps errors to a state
// the form can show. Expected errors carry their message; unexpected ones are logged with the
// request id and shown generically.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { withRls } from "@/lib/db/rls";
import type { OrgRole } from "@/lib/db/schema";
import type { ActionState } from "@/lib/actions/state";
import { AppError } from "@/lib/errors";
import { createLogger, type Logger } from "@/lib/logger";
import { can, type Permission } from "@/lib/orgs/permissions";
import { getRequestMeta } from "@/lib/request";

export type BaseCtx = { requestId: string; ip: string | null; log: Logger };
export type AuthCtx = BaseCtx & { user: SessionUser };
export type OrgCtx = AuthCtx & {
  org: { id: string; slug: string; name: string; timezone: string };
  role: OrgRole;
};

type Handler<S extends z.ZodType, C, T> = (input: z.infer<S>, ctx: C) => Promise<T>;

// Values echoed back so a failed form keeps what the user typed (never secrets).
function echoValues(raw: unknown): Record<string, string> | undefined {
  if (!(raw instanceof FormData)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of raw.entries()) {
    if (typeof v === "string" && !k.startsWith("$") && !/password|token/i.test(k)) out[k] = v;
  }
  return out;
}

function toInput(raw: unknown): unknown {
  if (!(raw instanceof FormData)) return raw;
  const out: Record<string, unknown> = {};
  for (const [k, v] of raw.entries()) if (!k.startsWith("$")) out[k] = v;
  return out;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

function build<S extends z.ZodType, C extends BaseCtx, T>(
  schema: S,
  resolveCtx: (base: BaseCtx, input: z.infer<S>) => Promise<C>,
  handler: Handler<S, C, T>,
) {
  return async (_prev: ActionState<T>, raw: unknown): Promise<ActionState<T>> => {
    const meta = await getRequestMeta();
    const log = createLogger({ requestId: meta.requestId });
    const values = echoValues(raw);
    try {
      const parsed = schema.safeParse(toInput(raw));
      if (!parsed.success) {
        const fieldErrors = fieldErrorsOf(parsed.error);
        return {
          status: "error",
          code: "validation_failed",
          message: "Check the highlighted fields.",
          fieldErrors,
          values,
        };
      }
      const ctx = await resolveCtx({ requestId: meta.requestId, ip: meta.ip, log }, parsed.data);
      const data = await handler(parsed.data, ctx);
      return { status: "success", data };
    } catch (err) {
      unstable_rethrow(err); // redirect() and notFound() are control flow, not errors
      if (err instanceof AppError) {
        return {
          status: "error",
          code: err.code,
          message: err.message,
          fieldErrors: err.fieldErrors,
          values,
        };
      }
      log.error("action failed", { err });
      return {
        status: "error",
        code: "internal",
        message: `Something went wrong on our side. Please try again (reference ${meta.requestId.slice(0, 8)}).`,
        values,
      };
    }
  };
}

export function action<S extends z.ZodType, T>(schema: S, handler: Handler<S, BaseCtx, T>) {
  return build(schema, async (base) => base, handler);
}

async function resolveUser(base: BaseCtx): Promise<AuthCtx> {
  const user = await getSessionUser();
  if (!user)
    throw new AppError("unauthenticated", "Your session has ended. Log in again to continue.");
  return { ...base, user, log: base.log.child({ userId: user.id }) };
}

export function authAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, AuthCtx, T>) {
  return build(schema, resolveUser, handler);
}

/** The schema must carry the org's slug as `org`. */
export function orgAction<S extends z.ZodType<{ org: string }>, T>(
  permission: Permission,
  schema: S,
  handler: Handler<S, OrgCtx, T>,
) {
  return build(
    schema,
    async (base, input) => {
      const ctx = await resolveUser(base);
      const rows = await withRls(ctx.user.claims, (tx) =>
        tx.execute<{ id: string; slug: string; name: string; timezone: string; role: OrgRole }>(sql`
          select o.id, o.slug, o.name, o.timezone, m.role
          from public.organizations o join public.memberships m on m.org_id = o.id and m.user_id = auth.uid()
          where o.slug = ${input.org} and o.deleted_at is null`),
      );
      const row = [...rows][0];
      if (!row)
        throw new AppError(
          "not_found",
          "This organization does not exist or you are not a member.",
        );
      if (!can(row.role, permission))
        throw new AppError("forbidden", "Your role does not allow this.");
      const { role, ...org } = row;
      return { ...ctx, org, role, log: ctx.log.child({ orgId: org.id }) };
    },
    handler,
  );
}
