"use client";
// Settings → AI provider: whether the org's drafts come from Ghostart's default model or its own
// OpenAI-compatible provider (and whether that provider still works), with the form to change it.
// Owners and admins only; everyone else reads a sentence (they cannot see the provider row).
import { CircleCheck, Sparkles, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { AiProviderForm } from "@/components/ai/ai-provider-form";
import { providerKindLabels } from "@/components/ai/provider-fields";
import { RemoveAiProviderDialog } from "@/components/ai/remove-ai-provider-dialog";
import { formatOrgDateTime } from "@/components/social/format";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { AiProviderSettings } from "@/lib/ai/provider-settings";

export function AiProviderCard({
  org,
  provider,
  canManage,
  timeZone,
}: {
  org: string;
  provider: AiProviderSettings | null;
  canManage: boolean;
  timeZone: string;
}) {
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Card data-testid="ai-provider-card">
      <CardHeader>
        <CardTitle as="h2">AI provider</CardTitle>
        <CardDescription>
          The model that writes drafts and edits. Bring your own OpenAI, Azure OpenAI, Ollama or
          other OpenAI-compatible provider, or use Ghostart&apos;s default.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {!canManage ? (
          <p className="text-sm text-muted-foreground" data-testid="ai-provider-read-only">
            Owners and admins choose the AI provider and manage its key.
          </p>
        ) : (
          <>
            <ProviderStatus provider={provider} timeZone={timeZone} />
            <div aria-live="polite">
              {notice ? (
                <Alert variant="success" role="none" data-testid="ai-provider-notice">
                  <AlertDescription>{notice}</AlertDescription>
                </Alert>
              ) : null}
            </div>
            <AiProviderForm
              key={provider?.updatedAt ?? "default"}
              org={org}
              provider={provider}
              onSaved={() => setNotice("Provider saved. New drafts and edits use it.")}
            />
            {provider ? (
              <div className="border-t pt-4">
                <RemoveAiProviderDialog
                  org={org}
                  onRemoved={() =>
                    setNotice("Removed. Ghostart's default model writes new drafts and edits.")
                  }
                />
              </div>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}

function ProviderStatus({
  provider,
  timeZone,
}: {
  provider: AiProviderSettings | null;
  timeZone: string;
}) {
  if (!provider)
    return (
      <p
        className="flex items-center gap-2 text-sm"
        data-testid="ai-provider-status"
        data-status="default"
      >
        <Sparkles aria-hidden="true" className="size-4 text-primary" />
        Uses Ghostart&apos;s default model.
      </p>
    );
  const what = (
    <>
      {providerKindLabels[provider.kind]} · {provider.model}
      {provider.baseUrl ? ` at ${provider.baseUrl}` : null}
      {provider.keyHint ? ` · key ending ${provider.keyHint}` : null}
    </>
  );
  if (provider.status === "invalid")
    return (
      <Alert variant="destructive" data-testid="ai-provider-status" data-status="invalid">
        <TriangleAlert aria-hidden="true" />
        <AlertTitle>Your AI provider stopped working</AlertTitle>
        <AlertDescription>
          <p>{provider.statusReason ?? "The provider refused the last request."}</p>
          <p>
            {what}. Fix the settings below and save, or remove it to use Ghostart&apos;s default.
          </p>
        </AlertDescription>
      </Alert>
    );
  return (
    <div className="grid gap-1 text-sm" data-testid="ai-provider-status" data-status="active">
      <p className="flex items-center gap-2 font-medium">
        <CircleCheck aria-hidden="true" className="size-4 text-success" />
        Uses your own provider
      </p>
      <p className="text-muted-foreground">
        {what}. Updated{" "}
        <time dateTime={provider.updatedAt} suppressHydrationWarning>
          {formatOrgDateTime(provider.updatedAt, timeZone)}
        </time>
        .
      </p>
    </div>
  );
}
