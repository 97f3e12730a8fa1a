// `npm run db:migrate`: bootstrap (local only) and apply pending migrations.
// With DATABASE_ADMIN_URL set (e.g. a Supabase project), only migrations run — the project has the
// bootstrap's contents already. Otherwise the local server and database `ghostart` are used.
import { applyMigrations } from "../../lib/db/migrate";
import { findOrStartPostgres, prepareDatabase } from "../lib/postgres";

if (process.env.DATABASE_ADMIN_URL) {
  const applied = await applyMigrations(process.env.DATABASE_ADMIN_URL);
  console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date");
} else {
  const pg = await findOrStartPostgres(console.log);
  const applied = await prepareDatabase(pg, process.env.PGDATABASE ?? "ghostart");
  console.log(
    applied.length
      ? `Applied ${applied.join(", ")} on ${pg.label}`
      : `Database is up to date (${pg.label})`,
  );
}
