// For owners, admins and brand creators: how far each member is with their voice profile, with a
// link to read it (they generate drafts in those voices).
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { VoiceProgressItem } from "@/lib/voice/queries";
import { roleLabels } from "@/lib/orgs/permissions";

export function VoiceTeamProgress({
  slug,
  userId,
  members,
}: {
  slug: string;
  userId: string;
  members: VoiceProgressItem[];
}) {
  const others = members.filter((m) => m.userId !== userId);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" id="voice-team">
          Your team&apos;s voices
        </CardTitle>
        <CardDescription>
          Drafts you generate for someone use their profile. The more they answer, the more it
          sounds like them.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {others.length ? (
          <ul aria-labelledby="voice-team" className="grid gap-3" data-testid="voice-team">
            {others.map((m) => (
              <li
                key={m.userId}
                className="grid items-center gap-3 rounded-lg border p-3 sm:grid-cols-[1fr_14rem_auto]"
                data-testid="voice-team-member"
                data-user-id={m.userId}
              >
                <div className="min-w-0">
                  <p className="truncate font-medium">{m.name}</p>
                  <p className="text-xs text-muted-foreground">{roleLabels[m.role]}</p>
                </div>
                <p
                  className="text-sm text-muted-foreground"
                  aria-label={`${m.name}: ${m.completed} of ${m.total} done`}
                >
                  {m.completed} of {m.total} done
                </p>
                <Link
                  href={`/${slug}/voice?member=${m.userId}`}
                  className="text-sm font-medium text-primary underline-offset-4 hover:underline"
                >
                  View<span className="sr-only"> {m.name}&apos;s voice profile</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">Nobody else is in this organization yet.</p>
        )}
      </CardContent>
    </Card>
  );
}
