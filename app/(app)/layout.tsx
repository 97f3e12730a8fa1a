import { QueryProvider } from "@/components/providers/query-provider";
import { requireSessionUser } from "@/lib/auth/session";

export default async function ProductLayout({ children }: { children: React.ReactNode }) {
  await requireSessionUser();
  return <QueryProvider>{children}</QueryProvider>;
}
