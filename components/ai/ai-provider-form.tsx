"use client";
// The org's own OpenAI-compatible provider: kind, address, model (Azure: deployment), API version
// (Azure) and key. "Test connection" tries the settings as typed without saving; "Save" stores them
// (an empty key keeps the stored one, which is never shown back). Field errors come back keyed
// "provider.<field>".
import { Loader2, PlugZap } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  keyPlaceholder,
  providerFieldErrors,
  providerFields,
  providerInputOf,
  providerKindLabels,
  type ProviderDraft,
} from "@/components/ai/provider-fields";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { saveAiProviderAction, testAiProviderAction } from "@/lib/ai/actions";
import type { AiProviderSettings } from "@/lib/ai/provider-settings";
import { providerKinds, type ProviderKind } from "@/lib/ai/schemas";
import { idleState } from "@/lib/actions/state";

type Result = { ok: boolean; message: string } | null;
const unreachable = "The server could not be reached. Try again.";

export function AiProviderForm({
  org,
  provider,
  onSaved,
}: {
  org: string;
  provider: AiProviderSettings | null;
  /** After a save; the page is then read again (the card remounts the form with what is stored). */
  onSaved: () => void;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<ProviderDraft>({
    kind: provider?.kind ?? "openai",
    baseUrl: provider?.baseUrl ?? "",
    model: provider?.model ?? "",
    apiVersion: provider?.apiVersion ?? "",
    apiKey: "",
  });
  const [pending, setPending] = useState<"test" | "save" | null>(null);
  const [errors, setErrors] = useState<ReturnType<typeof providerFieldErrors>>({});
  const [result, setResult] = useState<Result>(null);
  const fields = providerFields(draft.kind);
  const set = (name: keyof ProviderDraft) => (value: string) => {
    setDraft((d) => ({ ...d, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  };

  async function run(which: "test" | "save") {
    if (pending) return;
    setPending(which);
    setResult(null);
    setErrors({});
    const input = { org, provider: providerInputOf(draft) };
    const res = await (which === "test" ? testAiProviderAction : saveAiProviderAction)(
      idleState,
      input,
    ).catch(() => null);
    setPending(null);
    if (!res) return setResult({ ok: false, message: unreachable });
    if (res.status === "error") {
      setErrors(providerFieldErrors(res.fieldErrors));
      return setResult({ ok: false, message: res.message });
    }
    if (res.status !== "success") return;
    if ("message" in res.data) return setResult({ ok: res.data.ok, message: res.data.message });
    setDraft((d) => ({ ...d, apiKey: "" }));
    onSaved();
    router.refresh();
  }

  const busy = pending !== null;
  return (
    <form
      className="grid gap-5"
      aria-label="AI provider"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void run("save");
      }}
    >
      <FormField id="ai-provider-kind" label="Provider" error={errors.kind}>
        <NativeSelect
          value={draft.kind}
          disabled={busy}
          onChange={(e) => set("kind")(e.target.value as ProviderKind)}
        >
          {providerKinds.map((k) => (
            <NativeSelectOption key={k} value={k}>
              {providerKindLabels[k]}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </FormField>
      {fields.baseUrl ? (
        <FormField
          id="ai-provider-base-url"
          label={fields.baseUrl.label}
          hint={fields.baseUrl.hint}
          error={errors.baseUrl}
          required
        >
          <Input
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder={fields.baseUrl.placeholder}
            value={draft.baseUrl}
            readOnly={busy}
            onChange={(e) => set("baseUrl")(e.target.value)}
          />
        </FormField>
      ) : null}
      <FormField
        id="ai-provider-model"
        label={fields.modelLabel}
        hint={fields.modelHint}
        error={errors.model}
        required
      >
        <Input
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={draft.model}
          readOnly={busy}
          onChange={(e) => set("model")(e.target.value)}
        />
      </FormField>
      {fields.showApiVersion ? (
        <FormField
          id="ai-provider-api-version"
          label="API version"
          hint="As Azure shows it, for example 2024-10-21."
          error={errors.apiVersion}
          required
        >
          <Input
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            value={draft.apiVersion}
            readOnly={busy}
            onChange={(e) => set("apiVersion")(e.target.value)}
          />
        </FormField>
      ) : null}
      <FormField
        id="ai-provider-api-key"
        label="API key"
        hint="Stored encrypted. Nobody, you included, can read it back."
        error={errors.apiKey}
      >
        <Input
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          maxLength={500}
          placeholder={keyPlaceholder(draft.kind, provider?.keyHint ?? null)}
          value={draft.apiKey}
          readOnly={busy}
          onChange={(e) => set("apiKey")(e.target.value)}
        />
      </FormField>
      <div aria-live="polite">
        {result ? (
          <Alert variant={result.ok ? "success" : "destructive"} data-testid="ai-provider-result">
            <AlertDescription>{result.message}</AlertDescription>
          </Alert>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={busy} aria-busy={pending === "save" || undefined}>
          {pending === "save" ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
          {pending === "save" ? "Saving…" : "Save"}
        </Button>
        <Button
          type="button"
          variant="outline"
          disabled={busy}
          aria-busy={pending === "test" || undefined}
          onClick={() => void run("test")}
        >
          {pending === "test" ? (
            <Loader2 aria-hidden="true" className="animate-spin" />
          ) : (
            <PlugZap aria-hidden="true" />
          )}
          {pending === "test" ? "Testing…" : "Test connection"}
        </Button>
      </div>
    </form>
  );
}
