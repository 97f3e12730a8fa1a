"use client";
// What a generation shows while it runs (the text so far, live) and when it is done: where its text
// landed, hashtags to add, a labelled template when no model answered, or the reason it failed.
import { Loader2, Sparkles, TriangleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { GenerationView } from "@/lib/ai/generations";

const operationLabels: Record<GenerationView["operation"], string> = {
  draft: "Draft",
  variants: "Variants",
  rewrite: "Rewrite",
  shorten: "Shorter version",
  expand: "Longer version",
  fix: "Fixed text",
  hashtags: "Hashtags",
  adapt: "Adaptation",
};

type Props = {
  generation: GenerationView;
  personName: string;
  /** Puts text into the editor as the user's own edit. */
  onUseText: (text: string) => void;
  onAddHashtag: (tag: string) => void;
  /** Makes one of the versions the generation wrote the current one (it stays marked AI). */
  onUseVersion: (versionId: string) => void;
  readOnly: boolean;
};

export function GenerationResult({ generation: g, personName, ...props }: Props) {
  if (g.status === "queued" || g.status === "running")
    return (
      <div data-testid="ai-progress" data-status={g.status} className="grid gap-2 text-sm">
        <p className="flex items-center gap-2 font-medium" role="status">
          <Loader2 aria-hidden="true" className="size-4 animate-spin" />
          {g.status === "queued"
            ? g.error
              ? g.error
              : "Waiting for the model…"
            : `Writing in ${personName}'s voice${g.variants > 1 ? ` (${g.variantsDone + 1} of ${g.variants})` : ""}…`}
        </p>
        {g.partial ? (
          <p
            aria-live="polite"
            data-testid="ai-partial"
            className="rounded-md border bg-muted/40 p-3 whitespace-pre-wrap text-muted-foreground"
          >
            {g.partial}
          </p>
        ) : null}
      </div>
    );

  if (g.status === "failed")
    return (
      <Alert variant="destructive" data-testid="ai-failed">
        <TriangleAlert aria-hidden="true" />
        <AlertTitle>Nothing was written</AlertTitle>
        <AlertDescription>
          {g.error}
          {g.refunded ? " The credits were given back." : null}
        </AlertDescription>
      </Alert>
    );

  const texts = g.result?.texts ?? [];
  if (g.status === "fallback")
    return (
      <div className="grid gap-2" data-testid="ai-fallback">
        <Alert>
          <TriangleAlert aria-hidden="true" />
          <AlertTitle>Template draft — not written by AI</AlertTitle>
          <AlertDescription>
            {g.error} Fill in the [bracketed] parts before posting. No credits were used.
          </AlertDescription>
        </Alert>
        <pre className="rounded-md border bg-muted/40 p-3 font-sans text-sm whitespace-pre-wrap">
          {texts[0]}
        </pre>
        {props.readOnly ? null : (
          <Button
            type="button"
            size="sm"
            variant="outline"
            onClick={() => props.onUseText(texts[0]!)}
          >
            Use this template
          </Button>
        )}
      </div>
    );

  if (g.operation === "hashtags")
    return (
      <div className="grid gap-2 text-sm" data-testid="ai-hashtags">
        <p className="font-medium">Suggested hashtags{props.readOnly ? "" : " (click to add)"}:</p>
        <div className="flex flex-wrap gap-1.5">
          {(g.result?.hashtags ?? []).map((tag) => (
            <Button
              key={tag}
              type="button"
              size="sm"
              variant="outline"
              disabled={props.readOnly}
              onClick={() => props.onAddHashtag(tag)}
            >
              {tag}
            </Button>
          ))}
        </div>
      </div>
    );

  const landed = g.versionIds.length > 0 || (g.operation === "adapt" && !g.notApplied);
  return (
    <div className="grid gap-2 text-sm" data-testid="ai-result" data-landed={landed}>
      <p className="flex items-center gap-2 font-medium" role="status">
        <Sparkles aria-hidden="true" className="size-4 text-primary" />
        {landed
          ? g.operation === "adapt"
            ? `The ${g.network === "x" ? "X" : g.network} text was written${g.cached ? " (from an identical earlier request)" : ""}.`
            : `${operationLabels[g.operation]} added to the post as ${texts.length > 1 ? `${texts.length} versions` : "a new version"} marked AI${g.cached ? " (from an identical earlier request, no credits used)" : ""}.`
          : `${operationLabels[g.operation]} ready.`}
      </p>
      {g.notApplied ? <p className="text-muted-foreground">{g.notApplied}</p> : null}
      {!landed || texts.length > 1
        ? texts.map((text, i) => (
            <div key={i} className="grid gap-1.5 rounded-md border p-3" data-testid="ai-text">
              {texts.length > 1 ? (
                <p className="text-xs font-medium text-muted-foreground">Variant {i + 1}</p>
              ) : null}
              <p className="whitespace-pre-wrap">{text}</p>
              {props.readOnly ? null : (
                <Button
                  type="button"
                  size="sm"
                  variant="outline"
                  className="justify-self-start"
                  onClick={() =>
                    landed && g.versionIds[i]
                      ? props.onUseVersion(g.versionIds[i]!)
                      : props.onUseText(text)
                  }
                >
                  {texts.length > 1 ? "Use this variant" : "Use this text"}
                </Button>
              )}
            </div>
          ))
        : null}
    </div>
  );
}
