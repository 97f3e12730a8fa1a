// /app — where sign-in lands: the caller's most recent organization, or onboarding when they have none.
import { redirect } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/session";
import { listMyOrgs } from "@/lib/orgs/queries";

export default async function AppHome() {
  const user = await requireSessionUser("/app");
  const orgs = await listMyOrgs(user);
  redirect(orgs[0] ? `/${orgs[0].slug}` : "/onboarding");
}
