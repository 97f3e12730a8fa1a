// Applies supabase/local/bootstrap.sql and supabase/migrations/*.sql, recording each migration in
// supabase_migrations.schema_migrations the way the Supabase CLI does (version, name, statements), so
// `supabase db push` against a real project sees the same history.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";

export const migrationsDir = path.join(process.cwd(), "supabase", "migrations");
export const bootstrapFile = path.join(process.cwd(), "supabase", "local", "bootstrap.sql");

export type MigrationFile = { version: string; name: string; file: string };

const FILE_PATTERN = /^(\d{14})_([a-z0-9_]+)\.sql$/;

export async function listMigrations(dir = migrationsDir): Promise<MigrationFile[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  return files.map((file) => {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new Error(`Migration file name must be <YYYYMMDDHHMMSS>_<name>.sql: ${file}`);
    return { version: match[1]!, name: match[2]!, file: path.join(dir, file) };
  });
}

/** Splits SQL into statements, respecting quotes, dollar quotes and comments (as the CLI records them). */
export function splitStatements(source: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === "-" && next === "-") {
      const end = source.indexOf("\n", i);
      i = end === -1 ? n : end + 1;
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === "'" || c === '"') {
      i++;
      while (i < n) {
        if (source[i] === c) {
          if (source[i + 1] === c) i += 2;
          else break;
        } else i++;
      }
      i++;
    } else if (c === "$") {
      const tag = /^\$[A-Za-z_]*\$/.exec(source.slice(i))?.[0];
      if (tag) {
        const end = source.indexOf(tag, i + tag.length);
        i = end === -1 ? n : end + tag.length;
      } else i++;
    } else if (c === ";") {
      const stmt = source.slice(start, i).trim();
      if (stmt && !isOnlyComments(stmt)) out.push(stmt);
      start = ++i;
    } else i++;
  }
  const tail = source.slice(start).trim();
  if (tail && !isOnlyComments(tail)) out.push(tail);
  return out;
}

function isOnlyComments(stmt: string): boolean {
  return stmt.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("--"));
}

function connect(url: string) {
  return postgres(url, { max: 1, prepare: false, onnotice: () => {}, connect_timeout: 10 });
}

/** Runs the local Supabase bootstrap as a superuser (idempotent). */
export async function applyBootstrap(superUrl: string): Promise<void> {
  const sql = connect(superUrl);
  try {
    await sql.unsafe(await readFile(bootstrapFile, "utf8"));
  } finally {
    await sql.end();
  }
}

/** Applies pending migrations as the owner role, each in its own transaction. Returns the versions applied. */
export async function applyMigrations(ownerUrl: string, dir = migrationsDir): Promise<string[]> {
  const sql = connect(ownerUrl);
  const applied: string[] = [];
  try {
    await sql.unsafe(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (
        version text not null primary key,
        statements text[],
        name text
      );`);
    const done = new Set(
      (await sql`select version from supabase_migrations.schema_migrations`).map(
        (r) => r.version as string,
      ),
    );
    for (const m of await listMigrations(dir)) {
      if (done.has(m.version)) continue;
      const source = await readFile(m.file, "utf8");
      await sql.begin(async (tx) => {
        await tx.unsafe(source);
        await tx`insert into supabase_migrations.schema_migrations (version, name, statements)
                 values (${m.version}, ${m.name}, ${splitStatements(source)})`;
      });
      applied.push(m.version);
    }
  } finally {
    await sql.end();
  }
  return applied;
}
