// An account's status as a badge. Colour is never the only signal: the badge always says it.
import { Badge } from "@/components/ui/badge";
import { accountStatusLabels, type AccountStatus } from "@/components/social/account-groups";
import { cn } from "@/lib/utils";

const styles: Record<AccountStatus, string> = {
  active: "",
  needs_reauth: "border-amber-300 bg-amber-50 text-amber-900",
  disconnected: "text-muted-foreground",
};

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  return (
    <Badge
      variant={status === "active" ? "success" : "outline"}
      className={cn(styles[status])}
      data-testid="account-status"
      data-status={status}
    >
      {accountStatusLabels[status]}
    </Badge>
  );
}
