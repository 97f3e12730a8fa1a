import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, applyMigrations } from "@/lib/db/migrate";
import { withRls } from "@/lib/db/rls";
import {
  claimsFor,
  seedOrg,
  seedUser,
  type SeededOrg,
  type SeededUser,
} from "../../scripts/db/fixtures";
import { testDb } from "../helpers/db";
import { ADMIN_ONLY_TABLES, TABLES } from "../helpers/tables";

const db = testDb();
const su = postgres(db.superUrl, { max: 2, onnotice: () => {} });

let ownerA: SeededUser, ownerB: SeededUser, orgA: SeededOrg, orgB: SeededOrg;

beforeAll(async () => {
  ownerA = await seedUser(su, { email: "owner-a@example.com" });
  ownerB = await seedUser(su, { email: "owner-b@example.com" });
  orgA = await seedOrg(su, {
    name: "Org A",
    slug: "org-a",
    members: [{ userId: ownerA.id, role: "owner" }],
  });
  orgB = await seedOrg(su, {
    name: "Org B",
    slug: "org-b",
    members: [{ userId: ownerB.id, role: "owner" }],
  });
  await withRls(claimsFor(ownerA), (tx) =>
    tx.execute(sql`select app.log_activity(${orgA.id}::uuid, 'org.tested', 'organization')`),
  );
  for (const spec of Object.values(TABLES))
    await spec.seed?.(su, { orgId: orgA.id, userId: ownerA.id });
});

afterAll(() => su.end());

async function publicTables(): Promise<string[]> {
  const rows =
    await su`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`;
  return rows.map((r) => r.relname as string);
}

describe("migrations", () => {
  it("records every migration as the Supabase CLI does and applies nothing twice", async () => {
    const rows =
      await su`select version, name, statements from supabase_migrations.schema_migrations order by version`;
    const files = await listMigrations();
    expect(rows.map((r) => [r.version, r.name])).toEqual(files.map((f) => [f.version, f.name]));
    for (const r of rows) expect((r.statements as string[]).length).toBeGreaterThan(0);
    expect(await applyMigrations(db.adminUrl)).toEqual([]);
  });
});

describe("grants and RLS", () => {
  it("covers every public table in the table registry", async () => {
    expect(await publicTables()).toEqual(Object.keys(TABLES).sort());
  });

  it("enables RLS on every public table, and only the named admin-only tables have no policy", async () => {
    const rows = await su`
      select c.relname, c.relrowsecurity, (select count(*) from pg_policy p where p.polrelid = c.oid)::int as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`;
    for (const r of rows) expect(r.relrowsecurity, `${r.relname} has RLS`).toBe(true);
    expect(
      rows
        .filter((r) => r.policies === 0)
        .map((r) => r.relname)
        .sort(),
    ).toEqual([...ADMIN_ONLY_TABLES].sort());
  });

  it("grants anon nothing anywhere and nobody TRUNCATE", async () => {
    const tables =
      await su`select c.oid::regclass::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
                            where n.nspname in ('public', 'app') and c.relkind in ('r', 'p', 'v', 'm', 'S')`;
    for (const { name } of tables) {
      const [anon] =
        await su`select has_table_privilege('anon', ${name}, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER') as any,
                                     has_any_column_privilege('anon', ${name}, 'SELECT, INSERT, UPDATE, REFERENCES') as cols`;
      expect(anon!.any || anon!.cols, `anon on ${name}`).toBe(false);
      for (const role of ["authenticated", "app_rls", "service_role"]) {
        const [t] = await su`select has_table_privilege(${role}, ${name}, 'TRUNCATE') as t`;
        expect(t!.t, `${role} TRUNCATE ${name}`).toBe(false);
      }
    }
    const fns =
      await su`select p.oid::regprocedure::text as sig from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                         where n.nspname in ('public', 'app')`;
    expect(fns.length).toBeGreaterThan(0);
    for (const { sig } of fns) {
      const [f] = await su`select has_function_privilege('anon', ${sig}, 'EXECUTE') as x`;
      expect(f!.x, `anon EXECUTE ${sig}`).toBe(false);
    }
    const [schemaApp] = await su`select has_schema_privilege('anon', 'app', 'USAGE') as x`;
    expect(schemaApp!.x).toBe(false);
  });

  it("grants authenticated exactly what the registry says", async () => {
    for (const [table, spec] of Object.entries(TABLES)) {
      const held: string[] = [];
      for (const priv of ["SELECT", "INSERT", "UPDATE", "DELETE"] as const) {
        const [r] =
          await su`select has_table_privilege('authenticated', ${"public." + table}, ${priv})
                                 or has_any_column_privilege('authenticated', ${"public." + table}, ${priv === "DELETE" ? "SELECT" : priv})
                                    and ${priv !== "DELETE"} as x`;
        if (r!.x) held.push(priv);
      }
      expect(held, table).toEqual(spec.grants);
    }
  });

  it("gives the RLS pool's login role no table access of its own", async () => {
    const [r] =
      await su`select rolbypassrls, rolinherit, rolsuper from pg_roles where rolname = 'app_rls'`;
    expect(r).toEqual({ rolbypassrls: false, rolinherit: false, rolsuper: false });
    const member =
      await su`select b.rolname from pg_auth_members m join pg_roles a on a.oid = m.member join pg_roles b on b.oid = m.roleid
                            where a.rolname = 'app_rls'`;
    expect(member.map((m) => m.rolname)).toEqual(["authenticated"]);
  });
});

describe("tenant isolation", () => {
  const fill = (s: string) => s.replaceAll("$org", orgA.id).replaceAll("$user", ownerA.id);

  for (const [table, spec] of Object.entries(TABLES)) {
    it(`keeps org A's ${table} rows from org B's member (read, update, delete, insert)`, async () => {
      const where = fill(spec.rowsOfOrg);
      const [{ n: before }] = (await su.unsafe(
        `select count(*)::int as n from public.${table} where ${where}`,
      )) as unknown as [{ n: number }];
      expect(before, `fixture rows of org A in ${table}`).toBeGreaterThan(0);
      const snapshot = await su.unsafe(`select * from public.${table} where ${where} order by 1`);

      const attempt = async (statement: string) => {
        try {
          const result = await withRls(claimsFor(ownerB), (tx) => tx.execute(sql.raw(statement)));
          return {
            rows: [...result].length,
            count: (result as unknown as { count: number }).count,
            error: null,
          };
        } catch (error) {
          return { rows: 0, count: 0, error };
        }
      };
      const read = await attempt(`select * from public.${table} where ${where}`);
      expect(read.rows, `B reads A's ${table}`).toBe(0);
      const upd = await attempt(`update public.${table} set ${spec.updateSet} where ${where}`);
      expect(upd.error !== null || upd.count === 0, `B updates A's ${table}`).toBe(true);
      const del = await attempt(`delete from public.${table} where ${where}`);
      expect(del.error !== null || del.count === 0, `B deletes A's ${table}`).toBe(true);
      const ins = await attempt(fill(spec.insert));
      expect(ins.error, `B inserts into A's ${table}`).toBeTruthy();

      expect(await su.unsafe(`select * from public.${table} where ${where} order by 1`)).toEqual(
        snapshot,
      );
    });
  }

  it("lets a member read their own org but answers nothing for another's", async () => {
    const mine = await withRls(claimsFor(ownerB), (tx) =>
      tx.execute(sql`select slug from public.organizations`),
    );
    expect([...mine].map((r) => r.slug)).toEqual([orgB.slug]);
  });
});

describe("withRls", () => {
  it("gains no table access through reset role", async () => {
    const attempt = withRls(claimsFor(ownerA), async (tx) => {
      await tx.execute(sql`reset role`);
      return tx.execute(sql`select * from public.organizations`);
    });
    await expect(attempt).rejects.toMatchObject({ cause: { code: "42501" } });
  });

  it("cannot switch to the owner role", async () => {
    const attempt = withRls(claimsFor(ownerA), (tx) => tx.execute(sql`set role app_owner`));
    await expect(attempt).rejects.toMatchObject({ cause: { code: "42501" } });
  });

  it("binds claims as parameters, so odd characters in claims are data", async () => {
    const email = `o'brien"); drop table public.organizations; --@example.com`;
    const rows = await withRls({ ...claimsFor(ownerA), email }, (tx) =>
      tx.execute(sql`select auth.email() as email, auth.uid() as uid`),
    );
    expect([...rows][0]).toEqual({ email, uid: ownerA.id });
    expect((await publicTables()).includes("organizations")).toBe(true);
  });

  it("does not leak claims to the next transaction on the same pool", async () => {
    await withRls(claimsFor(ownerA), (tx) => tx.execute(sql`select 1`));
    const raw = postgres(db.rlsUrl, { max: 1, onnotice: () => {} });
    try {
      const [r] =
        await raw`select current_setting('request.jwt.claims', true) as c, current_user as u`;
      expect(r!.u).toBe("app_rls");
      expect(r!.c ?? "").toBe("");
    } finally {
      await raw.end();
    }
  });
});

describe("audit log and sign-up trigger", () => {
  it("refuses direct writes to activity_log, even from the org's owner", async () => {
    for (const statement of [
      `insert into public.activity_log (org_id, actor_id, action, entity_type) values ('${orgA.id}', '${ownerA.id}', 'org.forged', 'organization')`,
      `update public.activity_log set action = 'org.edited' where org_id = '${orgA.id}'`,
      `delete from public.activity_log where org_id = '${orgA.id}'`,
    ]) {
      await expect(
        withRls(claimsFor(ownerA), (tx) => tx.execute(sql.raw(statement))),
      ).rejects.toMatchObject({ cause: { code: "42501" } });
    }
  });

  it("writes activity only for members, with the caller as actor", async () => {
    await expect(
      withRls(claimsFor(ownerB), (tx) =>
        tx.execute(sql`select app.log_activity(${orgA.id}::uuid, 'org.forged', 'organization')`),
      ),
    ).rejects.toMatchObject({ cause: { code: "42501" } });
    const rows =
      await su`select actor_id from public.activity_log where org_id = ${orgA.id} and action = 'org.tested'`;
    expect(rows.map((r) => r.actor_id)).toEqual([ownerA.id]);
  });

  it("creates a profile when the auth role inserts a user", async () => {
    const auth = postgres(db.authUrl, { max: 1, onnotice: () => {} });
    try {
      const [u] =
        await auth`insert into auth.users (id, email, raw_user_meta_data, aud, role, created_at, updated_at)
                             values (gen_random_uuid(), 'trigger@example.com', ${auth.json({ full_name: "Tri Gger" })}, 'authenticated', 'authenticated', now(), now())
                             returning id`;
      const [p] = await su`select email, full_name from public.profiles where id = ${u!.id}`;
      expect(p).toEqual({ email: "trigger@example.com", full_name: "Tri Gger" });
    } finally {
      await auth.end();
    }
  });
});
