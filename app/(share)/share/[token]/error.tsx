"use client";
import { PageError } from "@/components/shell/page-error";

export default function SharedPreviewError({
  error,
  retry,
}: {
  error: unknown;
  retry: () => void;
}) {
  return <PageError title="This preview could not load" error={error} retry={retry} />;
}
