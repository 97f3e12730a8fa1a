// Words and colours of the credit ledger (the Credits page): what each kind of entry is called, the
// amount signed, who it was, and for a generation what it did and on which post. Pure, client-safe.
import type { LedgerEntry } from "@/lib/ai/credits";
import type { GenerationOperation } from "@/lib/ai/schemas";

export type LedgerKind = LedgerEntry["kind"];

export const ledgerKindLabels: Record<LedgerKind, string> = {
  grant: "Monthly grant",
  expire: "Unused credits expired",
  debit: "Generation",
  refund: "Refund",
};

export const operationLabels: Record<GenerationOperation, string> = {
  draft: "Draft",
  rewrite: "Rewrite",
  shorten: "Shorten",
  expand: "Expand",
  fix: "Fix spelling and grammar",
  hashtags: "Hashtags",
  adapt: "Adapt to a network",
  variants: "Variants",
};

/** An operation as users read it; an unknown one as it is. */
export function operationLabel(operation: string): string {
  return Object.hasOwn(operationLabels, operation)
    ? operationLabels[operation as GenerationOperation]
    : operation;
}

/** "+50", "−3" (a real minus sign), "0". */
export function signedAmount(amount: number): string {
  if (amount > 0) return `+${amount.toLocaleString("en-US")}`;
  if (amount < 0) return `−${Math.abs(amount).toLocaleString("en-US")}`;
  return "0";
}

export type LedgerRowView = {
  kindLabel: string;
  amount: string;
  /** Credits in (grant, refund) or out (generation, expiry): colour and screen-reader words. */
  direction: "in" | "out";
  who: string;
  operation: string | null;
  postId: string | null;
  note: string | null;
};

export function ledgerRowView(entry: LedgerEntry): LedgerRowView {
  const system = entry.kind === "grant" || entry.kind === "expire";
  return {
    kindLabel: ledgerKindLabels[entry.kind] ?? entry.kind,
    amount: signedAmount(entry.amount),
    direction: entry.amount >= 0 ? "in" : "out",
    // Grants and expiries are the monthly job's; a deleted member's rows keep their amounts.
    who: entry.actorName ?? (system ? "Ghostart" : "Former member"),
    operation: entry.generation ? operationLabel(entry.generation.operation) : null,
    postId: entry.generation?.postId ?? null,
    note: entry.note,
  };
}
