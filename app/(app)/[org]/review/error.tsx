"use client";
import { PageError } from "@/components/shell/page-error";

export default function ReviewError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError title="The review queue could not load" error={error} retry={retry} />;
}
