"use client";
import { PageError } from "@/components/shell/page-error";

export default function CreditsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError title="Credits could not load" error={error} retry={retry} />;
}
