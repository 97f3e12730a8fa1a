// Small SQL fragments the data modules share.
import { sql } from "drizzle-orm";

/** A timestamptz column as its ISO 8601 text (what JSON would say), for rows sent to the browser. */
export const iso = (column: string) => sql.raw(`(to_json(${column}) #>> '{}')`);
