// Per-test-file databases cloned from the migrated template that tests/global-setup.ts builds.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import {
  createDatabase,
  dropDatabase,
  findOrStartPostgres,
  type PgServer,
} from "../../scripts/lib/postgres";

export type TestDatabase = {
  name: string;
  superUrl: string;
  adminUrl: string;
  rlsUrl: string;
  authUrl: string;
  drop(): Promise<void>;
};

let server: Promise<PgServer> | undefined;

export async function createTestDatabase(): Promise<TestDatabase> {
  server ??= findOrStartPostgres();
  const pg = await server;
  const name = `ghostart_t_${process.pid}_${randomBytes(3).toString("hex")}`;
  await createDatabase(pg, name, inject("templateDb"));
  return {
    name,
    superUrl: pg.url(name),
    adminUrl: pg.url(name, "app_owner"),
    rlsUrl: pg.url(name, "app_rls"),
    authUrl: pg.url(name, "supabase_auth_admin"),
    drop: () => dropDatabase(pg, name),
  };
}

/** The database the integration setup made for the current test file. */
export function testDb(): TestDatabase {
  const db = (globalThis as { __testDb?: TestDatabase }).__testDb;
  if (!db) throw new Error("testDb() is only available in integration tests");
  return db;
}
