// The voice profile at a glance: every exercise's answers, as AI generation will read them.
import { Mic } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import {
  audienceLevelLabels,
  describeTone,
  exerciseDefinitions,
  exerciseIds,
  sampleKindLabels,
  toneSliders,
  voiceGoalLabels,
  type ExerciseId,
} from "@/lib/voice/exercises";
import type { VoiceProfile } from "@/lib/voice/profile";

const none = <span className="text-muted-foreground">Not answered</span>;
const list = (items: string[]) => (items.length ? items.join(", ") : none);

function rows(p: VoiceProfile): Record<ExerciseId, [string, React.ReactNode][]> {
  return {
    role: [
      ["Role or title", p.role.title ?? none],
      ["Expertise", p.role.expertise ?? none],
      ["Industry", p.role.industry ?? none],
    ],
    audience: [
      ["Who you write for", p.audience.description ?? none],
      ["Knowledge level", p.audience.level ? audienceLevelLabels[p.audience.level].label : none],
    ],
    goals: [
      ["Goals", list(p.goals.goals.map((g) => voiceGoalLabels[g]))],
      ["Another goal", p.goals.other ?? none],
    ],
    tone: [
      ...toneSliders.map(({ key, label, left, right }): [string, React.ReactNode] => {
        const v = p.tone[key];
        return [label, v === null ? none : `${v} · ${describeTone(v, left, right)}`];
      }),
      ["Phrases", list(p.tone.phrases)],
    ],
    avoid: [
      ["Words to avoid", list(p.avoid.words)],
      ["Topics to avoid", list(p.avoid.topics)],
    ],
    samples: p.samples.length
      ? p.samples.map((s, i): [string, React.ReactNode] => [
          `Sample ${i + 1}${s.kind ? ` (${sampleKindLabels[s.kind].toLowerCase()})` : ""}`,
          <span key={i} className="line-clamp-4 whitespace-pre-line">
            {s.text}
          </span>,
        ])
      : [["Samples", none]],
  };
}

export function VoiceSummary({
  profile,
  version,
  onEdit,
}: {
  profile: VoiceProfile;
  version: number;
  /** Shown as an "Edit" button per exercise when the viewer may change the answers. */
  onEdit?: (id: ExerciseId) => void;
}) {
  if (exerciseIds.every((id) => profile.status[id] === "not_started"))
    return (
      <EmptyState
        icon={Mic}
        title="No answers yet"
        description="The voice profile fills in as the exercises are answered."
        data-testid="voice-summary-empty"
      />
    );
  const byExercise = rows(profile);
  return (
    <div className="grid gap-4" data-testid="voice-summary" data-version={version}>
      {exerciseIds.map((id) => (
        <section
          key={id}
          aria-labelledby={`voice-summary-${id}`}
          className="grid gap-3 rounded-lg border p-4"
          data-testid={`voice-summary-${id}`}
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id={`voice-summary-${id}`} className="font-semibold">
              {exerciseDefinitions[id].title}
            </h3>
            <div className="flex items-center gap-2">
              <Badge variant={profile.status[id] === "completed" ? "success" : "outline"}>
                {profile.status[id] === "completed"
                  ? "Done"
                  : profile.status[id] === "in_progress"
                    ? "In progress"
                    : "Not started"}
              </Badge>
              {onEdit ? (
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  onClick={() => onEdit(id)}
                  aria-label={`Edit ${exerciseDefinitions[id].title.toLowerCase()}`}
                >
                  Edit
                </Button>
              ) : null}
            </div>
          </div>
          <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
            {byExercise[id].map(([term, detail]) => (
              <div key={term} className="contents">
                <dt className="text-muted-foreground">{term}</dt>
                <dd className="min-w-0 break-words">{detail}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p className="text-xs text-muted-foreground" data-testid="voice-version">
        Profile version {version}
      </p>
    </div>
  );
}
