// Builds a migrated template database once per run (named for this run, so parallel runs from
// other checkouts never drop each other's); every test file clones it (tests/helpers/db.ts).
import type { TestProject } from "vitest/node";
import { dropDatabase, findOrStartPostgres, prepareDatabase } from "../scripts/lib/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}

export default async function setup(project: TestProject) {
  const pg = await findOrStartPostgres((m) => console.log(m));
  const name = `ghostart_tpl_${process.pid}`;
  await prepareDatabase(pg, name, { recreate: true });
  project.provide("templateDb", name);
  return async () => {
    await dropDatabase(pg, name);
  };
}
