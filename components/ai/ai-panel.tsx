"use client";
// "Write with AI" in the composer: a brief (topic, points, length, tone, network, variants) for a
// draft in the voice of the person the post is for, edits of the selected text, hashtags, and
// adaptations for the post's other networks. The worker writes; this follows the generation live
// and, once its text has landed on the post as a new version, reloads the post.
import { Sparkles } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useId, useState } from "react";
import { GenerationResult } from "@/components/ai/generation-result";
import { isRunning, useGeneration } from "@/components/ai/use-generation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { requestGenerationAction, postGenerationsAction } from "@/lib/ai/actions";
import type { CreditSummary } from "@/lib/ai/credits";
import type { GenerationView } from "@/lib/ai/generations";
import {
  generationCost,
  requestGenerationInput,
  type GenerationOperation,
  type RequestGenerationInput,
} from "@/lib/ai/schemas";
import { idleState } from "@/lib/actions/state";
import { networkRules, type Network } from "@/lib/posts/networks";

export type AiPanelProps = {
  org: string;
  postId: string | null;
  person: { id: string; name: string };
  voice: { completed: number; total: number } | null;
  networks: Network[];
  credits: CreditSummary | null;
  setupProblem: string | null;
  readOnly: boolean;
  /** The post's id, creating it first if it is new (null: the editor could not be saved). */
  ensurePost: () => Promise<string | null>;
  /** The base text and what is selected in it (edits work on the selection). */
  getText: () => { text: string; selection: { start: number; end: number } | null };
  /** A generation is on its way into the post: the editor holds still until it lands. */
  onBusyChange: (busy: boolean) => void;
  /** Its text landed on the post (new versions, or a network's text): reload the post. */
  onLanded: () => void;
  onUseText: (text: string) => void;
  onAddHashtag: (tag: string) => void;
  onUseVersion: (versionId: string) => void;
};

const lands = (op: GenerationOperation) => op !== "hashtags";

export function AiPanel(props: AiPanelProps) {
  const id = useId();
  const [topic, setTopic] = useState("");
  const [notes, setNotes] = useState("");
  const [length, setLength] = useState<"short" | "medium" | "long">("medium");
  const [tone, setTone] = useState("");
  const [network, setNetwork] = useState<Network>(props.networks[0] ?? "linkedin");
  const [variants, setVariants] = useState(1);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [credits, setCredits] = useState(props.credits);
  const [pending, setPending] = useState(false);
  const { onBusyChange, onLanded } = props;

  const onDone = useCallback(
    (g: GenerationView) => {
      onBusyChange(false);
      if (
        g.versionIds.length > 0 ||
        (g.operation === "adapt" && g.status === "succeeded" && !g.notApplied)
      )
        onLanded();
    },
    [onBusyChange, onLanded],
  );
  const { generation, follow, pollError, setGeneration } = useGeneration(props.org, onDone);

  // The post's latest generation (e.g. the one that just landed, before this editor was reloaded).
  useEffect(() => {
    if (!props.postId) return;
    let live = true;
    void postGenerationsAction(idleState, { org: props.org, postId: props.postId }).then((res) => {
      if (!live || res.status !== "success") return;
      if (res.data.credits) setCredits(res.data.credits);
      const latest = res.data.generations[0];
      if (latest) setGeneration((current) => current ?? latest);
      if (latest && isRunning(latest)) {
        if (lands(latest.operation)) onBusyChange(true);
        follow(latest);
      }
    });
    return () => {
      live = false;
    };
  }, [props.org, props.postId, follow, onBusyChange, setGeneration]);

  async function run(request: Omit<RequestGenerationInput, "voiceUserId">) {
    setErrors({});
    setMessage(null);
    // Checked here first, so a refused request leaves no empty post behind (the server checks
    // everything again).
    const checked = requestGenerationInput.safeParse({ ...request, voiceUserId: props.person.id });
    if (!checked.success) {
      const fields: Record<string, string> = {};
      for (const issue of checked.error.issues) fields[issue.path.join(".")] ??= issue.message;
      setErrors(fields);
      return;
    }
    const cost = generationCost(checked.data.operation, checked.data.variants ?? 1);
    if (credits && credits.balance < cost) {
      setMessage(
        `This needs ${cost} ${cost === 1 ? "credit" : "credits"} and your organization has ${credits.balance} left this month.`,
      );
      return;
    }
    setPending(true);
    // The editor holds still from now: text typed meanwhile would be replaced by the draft.
    if (lands(request.operation)) onBusyChange(true);
    let following = false;
    try {
      const postId = await props.ensurePost();
      if (!postId) {
        setMessage("Save the post first: the message above the editor says what stopped it.");
        return;
      }
      const res = await requestGenerationAction(idleState, {
        org: props.org,
        request: { ...request, postId, voiceUserId: props.person.id },
      });
      if (res.status === "error") {
        const fields = Object.fromEntries(
          Object.entries(res.fieldErrors ?? {}).map(([k, v]) => [k.replace(/^request\./, ""), v]),
        );
        setErrors(fields);
        setMessage(Object.keys(fields).length ? null : res.message);
        return;
      }
      if (res.status !== "success") return;
      if (res.data.credits) setCredits(res.data.credits);
      following = isRunning(res.data.generation);
      follow(res.data.generation);
    } finally {
      setPending(false);
      if (!following) onBusyChange(false);
    }
  }

  const busy = pending || isRunning(generation);
  const disabled = busy || props.readOnly || !!props.setupProblem;
  const draft = (regenerate = false) =>
    run({
      operation: variants > 1 ? "variants" : "draft",
      variants: variants > 1 ? variants : undefined,
      regenerate,
      input: { network, topic, notes, length, tone },
    });
  const edit = (operation: GenerationOperation) => {
    const { text, selection } = props.getText();
    const picked = selection && selection.end > selection.start;
    if (operation === "hashtags" || operation === "adapt")
      return run({
        operation,
        input: { network: operation === "adapt" ? network : "linkedin", text },
      });
    return run({
      operation,
      input: {
        network: "linkedin",
        text: picked ? text.slice(selection.start, selection.end) : text,
        selection: picked ? selection : undefined,
      },
    });
  };
  const otherNetworks = props.networks.filter((n) => n !== "linkedin" && n !== "sandbox");

  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid="ai-panel"
      className="grid gap-4 rounded-lg border p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="flex items-center gap-2 font-semibold">
          <Sparkles aria-hidden="true" className="size-4 text-primary" /> Write with AI
        </h2>
        {credits ? (
          <p
            className="text-xs text-muted-foreground"
            data-testid="ai-credits"
            data-balance={credits.balance}
          >
            {credits.balance} of {credits.monthlyAllowance} credits left this month
          </p>
        ) : null}
      </div>
      <p className="text-sm text-muted-foreground" data-testid="ai-voice">
        In {props.person.name}&apos;s voice
        {props.voice
          ? props.voice.completed < props.voice.total
            ? ` · voice profile ${props.voice.completed} of ${props.voice.total} done — drafts get closer to their voice as they finish it.`
            : " · voice profile complete."
          : "."}{" "}
        {props.voice && props.voice.completed < props.voice.total ? (
          <Link href={`/${props.org}/voice`} className="underline">
            Voice exercises
          </Link>
        ) : null}
      </p>
      {props.setupProblem ? <p className="text-sm text-amber-700">{props.setupProblem}</p> : null}

      <div className="grid gap-3 sm:grid-cols-2">
        <div className="grid gap-1.5 sm:col-span-2">
          <Label htmlFor={`${id}-topic`}>What is the post about?</Label>
          <Input
            id={`${id}-topic`}
            value={topic}
            maxLength={300}
            disabled={disabled}
            aria-invalid={!!errors["input.topic"]}
            aria-describedby={errors["input.topic"] ? `${id}-topic-error` : undefined}
            placeholder="e.g. What we learned shipping our first AI feature"
            onChange={(e) => setTopic(e.target.value)}
          />
          {errors["input.topic"] ? (
            <p id={`${id}-topic-error`} className="text-sm text-destructive">
              {errors["input.topic"]}
            </p>
          ) : null}
        </div>
        <div className="grid gap-1.5 sm:col-span-2">
          <Label htmlFor={`${id}-notes`}>Points to include (optional)</Label>
          <Textarea
            id={`${id}-notes`}
            value={notes}
            maxLength={1500}
            rows={2}
            disabled={disabled}
            onChange={(e) => setNotes(e.target.value)}
          />
          {errors["input.notes"] ? (
            <p className="text-sm text-destructive">{errors["input.notes"]}</p>
          ) : null}
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-length`}>Length</Label>
          <NativeSelect
            id={`${id}-length`}
            value={length}
            disabled={disabled}
            onChange={(e) => setLength(e.target.value as typeof length)}
          >
            <option value="short">Short</option>
            <option value="medium">Medium</option>
            <option value="long">Long</option>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-tone`}>Tone for this post (optional)</Label>
          <Input
            id={`${id}-tone`}
            value={tone}
            maxLength={80}
            disabled={disabled}
            placeholder="e.g. celebratory"
            onChange={(e) => setTone(e.target.value)}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-network`}>Written for</Label>
          <NativeSelect
            id={`${id}-network`}
            value={network}
            disabled={disabled}
            onChange={(e) => setNetwork(e.target.value as Network)}
          >
            {(props.networks.length ? props.networks : (["linkedin"] as Network[])).map((n) => (
              <option key={n} value={n}>
                {networkRules[n].label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-variants`}>Variants</Label>
          <NativeSelect
            id={`${id}-variants`}
            value={variants}
            disabled={disabled}
            onChange={(e) => setVariants(Number(e.target.value))}
          >
            <option value={1}>One draft</option>
            <option value={2}>2 variants (2 credits)</option>
            <option value={3}>3 variants (3 credits)</option>
          </NativeSelect>
        </div>
      </div>

      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          onClick={() => void draft()}
          disabled={disabled}
          data-testid="ai-generate"
        >
          <Sparkles aria-hidden="true" />{" "}
          {variants > 1 ? `Write ${variants} variants` : "Write a draft"}
        </Button>
        {generation &&
        (generation.operation === "draft" || generation.operation === "variants") &&
        !busy ? (
          <Button
            type="button"
            variant="outline"
            onClick={() => void draft(true)}
            disabled={disabled}
          >
            Write another
          </Button>
        ) : null}
      </div>

      <div role="group" aria-label="Edit the text with AI" className="flex flex-wrap gap-1.5">
        {(["rewrite", "shorten", "expand", "fix"] as const).map((op) => (
          <Button
            key={op}
            type="button"
            size="sm"
            variant="ghost"
            disabled={disabled}
            onClick={() => void edit(op)}
          >
            {{ rewrite: "Rewrite", shorten: "Shorten", expand: "Expand", fix: "Fix spelling" }[op]}
          </Button>
        ))}
        <Button
          type="button"
          size="sm"
          variant="ghost"
          disabled={disabled}
          onClick={() => void edit("hashtags")}
        >
          Suggest hashtags
        </Button>
        {otherNetworks.map((n) => (
          <Button
            key={n}
            type="button"
            size="sm"
            variant="ghost"
            disabled={disabled}
            onClick={() => {
              setNetwork(n);
              void run({ operation: "adapt", input: { network: n, text: props.getText().text } });
            }}
          >
            Adapt for {networkRules[n].label}
          </Button>
        ))}
      </div>
      <p className="text-xs text-muted-foreground">
        Edits work on the text you select in the editor, or on the whole post. Each text the AI
        writes costs one credit; failures cost nothing.
      </p>
      {errors["input.text"] ? (
        <p className="text-sm text-destructive">{errors["input.text"]}</p>
      ) : null}
      {message ? (
        <p role="alert" className="text-sm text-destructive" data-testid="ai-error">
          {message}
        </p>
      ) : null}
      {pollError ? <p className="text-sm text-amber-700">{pollError}</p> : null}
      {generation ? (
        <GenerationResult
          generation={generation}
          personName={props.person.name}
          readOnly={props.readOnly}
          onUseText={props.onUseText}
          onAddHashtag={props.onAddHashtag}
          onUseVersion={props.onUseVersion}
        />
      ) : null}
    </section>
  );
}
