// Drizzle mirror of the tables in supabase/migrations (the SQL there is the source of truth), one
// file per domain.
export * from "./core";
export * from "./notifications";
export * from "./posts";
