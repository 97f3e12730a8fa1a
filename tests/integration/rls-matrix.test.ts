// Generated from lib/orgs/permissions.ts: for every table × operation × role × (own row, another
// member's row) × (own org, other org), the database allows exactly what `tableAccess` says. A table
// missing from the matrix or from tests/helpers/tables.ts fails the first test.
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roles, rowScopeFor, tableAccess, type TableOperation } from "@/lib/orgs/permissions";
import type { OrgRole } from "@/lib/db/schema";
import {
  claimsFor,
  seedOrg,
  seedUser,
  type SeededOrg,
  type SeededUser,
} from "../../scripts/db/fixtures";
import { testDb } from "../helpers/db";
import { TABLES } from "../helpers/tables";

const db = testDb();
const su = postgres(db.superUrl, { max: 1, onnotice: () => {} });
const rls = postgres(db.rlsUrl, { max: 1, onnotice: () => {} });
const operations: TableOperation[] = ["select", "insert", "update", "delete"];

const members = {} as Record<OrgRole, SeededUser>;
let peer: SeededUser, outsider: SeededUser, orgA: SeededOrg, orgB: SeededOrg;

beforeAll(async () => {
  for (const role of roles) members[role] = await seedUser(su, { email: `${role}@matrix.test` });
  peer = await seedUser(su, { email: "peer@matrix.test" });
  outsider = await seedUser(su, { email: "outsider@matrix.test" });
  orgA = await seedOrg(su, {
    name: "Matrix A",
    slug: "matrix-a",
    members: [
      ...roles.map((role) => ({ userId: members[role].id, role })),
      { userId: peer.id, role: "employee" },
    ],
  });
  orgB = await seedOrg(su, {
    name: "Matrix B",
    slug: "matrix-b",
    members: [{ userId: outsider.id, role: "owner" }],
  });
  // Rows owned by each member in org A, and by the outsider in org B.
  for (const spec of Object.values(TABLES)) {
    for (const u of [...Object.values(members), peer])
      await spec.seed?.(su, { orgId: orgA.id, userId: u.id });
    await spec.seed?.(su, { orgId: orgB.id, userId: outsider.id });
  }
});

afterAll(async () => {
  await rls.end();
  await su.end();
});

const ROLLBACK = new Error("rollback");

/** Runs `statement` as `user` through RLS and rolls back; true when it reached at least one row. */
async function reaches(user: SeededUser, statement: string, isInsert: boolean): Promise<boolean> {
  let ok = false;
  try {
    await rls.begin(async (tx) => {
      await tx`select set_config('request.jwt.claims', ${JSON.stringify(claimsFor(user))}, true), set_config('role', 'authenticated', true)`;
      try {
        const result = await tx.unsafe(statement);
        ok = isInsert ? true : result.count > 0;
      } catch {
        ok = false;
      }
      throw ROLLBACK;
    });
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
  return ok;
}

function expected(
  table: string,
  op: TableOperation,
  role: OrgRole,
  owner: "self" | "other",
  org: "own" | "other",
) {
  const rows = rowScopeFor(tableAccess[table]?.[op], role);
  if (!rows) return false;
  const userScoped = TABLES[table]!.scope === "user";
  // A person's own row (their profile) is theirs whatever org we look from.
  if (org === "other" && !(userScoped && owner === "self")) return false;
  return rows === "org" || owner === "self";
}

it("covers every public table, in both the permission matrix and the table registry", async () => {
  const rows =
    await su`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`;
  const tables = rows.map((r) => r.relname as string);
  expect(Object.keys(tableAccess).sort()).toEqual(tables);
  expect(Object.keys(TABLES).sort()).toEqual(tables);
});

describe.each(Object.keys(TABLES))("%s", (table) => {
  const spec = TABLES[table]!;
  it.each(roles)("allows a %s exactly what permissions.ts says", async (role) => {
    const me = members[role];
    const mismatches: string[] = [];
    for (const owner of ["self", "other"] as const) {
      for (const org of ["own", "other"] as const) {
        const orgId = org === "own" ? orgA.id : orgB.id;
        // "Another member's row": the peer's in org A, the outsider's in org B.
        const ownerId = owner === "self" ? me.id : org === "own" ? peer.id : outsider.id;
        const where = spec.rowsOfOrg.replaceAll("$org", orgId).replaceAll("$user", ownerId);
        const [{ n }] = (await su.unsafe(
          `select count(*)::int as n from public.${table} where ${where}`,
        )) as unknown as [{ n: number }];
        const rowExists = n > 0;
        for (const op of operations) {
          if (op !== "insert" && !rowExists) continue; // e.g. my membership in an org I am not in
          const statement =
            op === "select"
              ? `select 1 from public.${table} where ${where}`
              : op === "update"
                ? `update public.${table} set ${spec.updateSet} where ${where}`
                : op === "delete"
                  ? `delete from public.${table} where ${where}`
                  : spec.insert.replaceAll("$org", orgId).replaceAll("$user", ownerId);
          const want = expected(table, op, role, owner, org);
          const got = await reaches(me, statement, op === "insert");
          if (got !== want)
            mismatches.push(
              `${op} ${owner} row in ${org} org: expected ${want ? "allowed" : "refused"}, got ${got ? "allowed" : "refused"}`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
