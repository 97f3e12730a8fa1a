import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Mic } from "lucide-react";
import { z } from "zod";
import { EmptyState } from "@/components/ui/empty-state";
import { MemberVoiceView } from "@/components/voice/member-voice-view";
import { VoiceStepper } from "@/components/voice/voice-stepper";
import { VoiceTeamProgress } from "@/components/voice/voice-team-progress";
import { requireSessionUser } from "@/lib/auth/session";
import { can } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";
import { exerciseIds } from "@/lib/voice/exercises";
import { getVoiceProfile, listMyVoiceExercises, listVoiceProgress } from "@/lib/voice/queries";

export const metadata: Metadata = { title: "Voice" };

const voicePageParams = z.object({
  step: z
    .enum([...exerciseIds, "summary"])
    .optional()
    .catch(undefined),
  member: z.uuid().optional().catch(undefined),
});

export default async function VoicePage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org: slug } = await params;
  const user = await requireSessionUser(`/${slug}/voice`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org) notFound();
  const { step, member } = voicePageParams.parse(await searchParams);

  if (member && member !== user.id) {
    // Someone else's profile: composers only; anyone else gets the same answer as a stranger.
    const [voice, team] = await Promise.all([
      getVoiceProfile(user.claims, org.id, member),
      listVoiceProgress(user.claims, org.id),
    ]);
    if (!voice) notFound();
    const name = team.find((m) => m.userId === member)?.name ?? "This member";
    return <MemberVoiceView slug={org.slug} name={name} voice={voice} />;
  }

  const header = (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Voice</h1>
      <p className="text-sm text-muted-foreground">
        Six short exercises that teach Ghostart how you write in {org.name}. Answers save as you
        type; come back any time.
      </p>
    </div>
  );

  if (!can(org.role, "voice.edit_own"))
    return (
      <div className="mx-auto grid max-w-5xl gap-6">
        {header}
        <EmptyState
          icon={Mic}
          title="Voice profiles are for members who post"
          description="You are a viewer here, so nothing is written in your voice. Owners and admins can change your role."
          data-testid="voice-read-only"
        />
      </div>
    );

  const canViewAll = can(org.role, "voice.view_all");
  const [exercises, mine, team] = await Promise.all([
    listMyVoiceExercises(user.claims, org.id),
    getVoiceProfile(user.claims, org.id, user.id),
    canViewAll ? listVoiceProgress(user.claims, org.id) : Promise.resolve(null),
  ]);

  return (
    <div className="mx-auto grid max-w-5xl gap-8">
      {header}
      <VoiceStepper
        org={org.slug}
        exercises={exercises}
        version={mine?.version ?? 0}
        initialStep={step ?? null}
      />
      {team ? <VoiceTeamProgress slug={org.slug} userId={user.id} members={team} /> : null}
    </div>
  );
}
