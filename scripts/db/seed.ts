// Demo data for local development: an organization with three people in different roles.
// Idempotent: running it again changes nothing. `npm run db:seed` runs it against the local database.
import postgres from "postgres";
import { seedOrg, seedUser } from "./fixtures";

export const demoPassword = "ghostart-demo-1";
export const demoUsers = [
  { email: "owner@acme.test", fullName: "Olivia Owner", role: "owner" },
  { email: "creator@acme.test", fullName: "Chris Creator", role: "brand_creator" },
  { email: "employee@acme.test", fullName: "Emma Employee", role: "employee" },
] as const;

export async function seedDemo(superUrl: string): Promise<{ orgSlug: string }> {
  const sql = postgres(superUrl, { max: 1, onnotice: () => {} });
  try {
    const members = [];
    for (const u of demoUsers) {
      const user = await seedUser(sql, {
        email: u.email,
        password: demoPassword,
        fullName: u.fullName,
      });
      members.push({ userId: user.id, role: u.role });
    }
    const org = await seedOrg(sql, {
      name: "Acme Studio",
      slug: "acme",
      timezone: "Europe/Berlin",
      members,
    });
    return { orgSlug: org.slug };
  } finally {
    await sql.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { findOrStartPostgres } = await import("../lib/postgres");
  const pg = await findOrStartPostgres(console.log);
  const { orgSlug } = await seedDemo(pg.url(process.env.PGDATABASE ?? "ghostart"));
  console.log(`Seeded demo organization /${orgSlug}`);
}
