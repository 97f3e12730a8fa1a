"use client";
// The fallback of a page's error boundary (error.tsx): says the page could not load, gives the
// reference the server logged (the digest), and tries again by fetching the page anew.
import { RotateCw, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";

export function PageError({
  title,
  error,
  retry,
}: {
  /** "The review queue could not load". */
  title: string;
  error: unknown;
  retry: () => void;
}) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;
  return (
    <div
      role="alert"
      data-testid="page-error"
      className="mx-auto grid max-w-md justify-items-center gap-4 rounded-xl border border-destructive/40 bg-destructive/5 px-6 py-12 text-center"
    >
      <div className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive">
        <TriangleAlert aria-hidden="true" className="size-6" />
      </div>
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="text-sm text-muted-foreground">
        Something went wrong on our side. Try again in a moment.
        {digest ? ` Reference ${digest.slice(0, 8)}.` : null}
      </p>
      <Button type="button" variant="outline" onClick={() => retry()}>
        <RotateCw aria-hidden="true" />
        Try again
      </Button>
    </div>
  );
}
