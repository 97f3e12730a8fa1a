// Builds the migrated template database once per run; every test file clones it (tests/helpers/db.ts).
import { findOrStartPostgres, prepareDatabase } from "../scripts/lib/postgres";
import { TEMPLATE_DB } from "./helpers/db";

export default async function setup() {
  const pg = await findOrStartPostgres((m) => console.log(m));
  await prepareDatabase(pg, TEMPLATE_DB, { recreate: true });
}
