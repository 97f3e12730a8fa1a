import { describe, expect, it } from "vitest";
import { ledgerRowView, operationLabel, signedAmount } from "@/components/ai/ledger-format";
import type { LedgerEntry } from "@/lib/ai/credits";

const entry = (over: Partial<LedgerEntry>): LedgerEntry => ({
  id: 1,
  kind: "grant",
  amount: 50,
  balanceAfter: 50,
  period: "2026-12",
  note: null,
  createdAt: "2026-12-01T00:00:00.000Z",
  actorName: null,
  generation: null,
  ...over,
});

describe("signedAmount", () => {
  it("signs credits in with a plus and credits out with a minus sign", () => {
    expect(signedAmount(500)).toBe("+500");
    expect(signedAmount(-3)).toBe("−3");
    expect(signedAmount(-2000)).toBe("−2,000");
    expect(signedAmount(0)).toBe("0");
  });
});

describe("operationLabel", () => {
  it("names known operations and keeps unknown ones as they are", () => {
    expect(operationLabel("fix")).toBe("Fix spelling and grammar");
    expect(operationLabel("translate")).toBe("translate");
  });
});

describe("ledgerRowView", () => {
  it("shows a monthly grant as coming from Ghostart", () => {
    expect(ledgerRowView(entry({}))).toEqual({
      kindLabel: "Monthly grant",
      amount: "+50",
      direction: "in",
      who: "Ghostart",
      operation: null,
      postId: null,
      note: null,
    });
  });

  it("shows expired credits as going out", () => {
    const v = ledgerRowView(entry({ kind: "expire", amount: -12, balanceAfter: 0 }));
    expect(v).toMatchObject({
      kindLabel: "Unused credits expired",
      amount: "−12",
      direction: "out",
    });
  });

  it("shows a generation with who asked, what it did and its post", () => {
    const v = ledgerRowView(
      entry({
        kind: "debit",
        amount: -3,
        actorName: "Cora Creator",
        generation: { id: "g1", operation: "variants", status: "succeeded", postId: "p1" },
      }),
    );
    expect(v).toMatchObject({
      kindLabel: "Generation",
      amount: "−3",
      direction: "out",
      who: "Cora Creator",
      operation: "Variants",
      postId: "p1",
    });
  });

  it("keeps a refund's reason and a removed member's rows", () => {
    const v = ledgerRowView(
      entry({
        kind: "refund",
        amount: 1,
        note: "The model did not answer",
        generation: { id: "g2", operation: "draft", status: "failed", postId: null },
      }),
    );
    expect(v).toMatchObject({
      kindLabel: "Refund",
      amount: "+1",
      who: "Former member",
      operation: "Draft",
      postId: null,
      note: "The model did not answer",
    });
  });
});
