import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import type { SessionUser } from "@/lib/auth/session";
import { withRls } from "@/lib/db/rls";
import { profiles, type Profile } from "@/lib/db/schema";

export const getMyProfile = cache(async (user: SessionUser): Promise<Profile | null> => {
  const [row] = await withRls(user.claims, (tx) =>
    tx.select().from(profiles).where(eq(profiles.id, user.id)),
  );
  return row ?? null;
});
