// Another member's voice profile, read-only, for the owners, admins and brand creators who write
// drafts in it.
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { VoiceMeter } from "@/components/voice/voice-meter";
import { VoiceSummary } from "@/components/voice/voice-summary";
import type { MemberVoiceProfile } from "@/lib/voice/queries";

export function MemberVoiceView({
  slug,
  name,
  voice,
}: {
  slug: string;
  name: string;
  voice: MemberVoiceProfile;
}) {
  return (
    <div className="mx-auto grid max-w-4xl gap-6" data-testid="voice-member-view">
      <div className="grid gap-2">
        <Link
          href={`/${slug}/voice`}
          className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
        >
          <ArrowLeft aria-hidden="true" className="size-4" /> Back to your voice
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{name}&apos;s voice</h1>
        <p className="text-sm text-muted-foreground">
          What Ghostart knows about how {name} writes. Only they can change it.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle as="h2">Voice profile</CardTitle>
          <CardDescription>Drafts generated for {name} use these answers.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <VoiceMeter completed={voice.completed} total={voice.total} />
          <VoiceSummary profile={voice.profile} version={voice.version} />
        </CardContent>
      </Card>
    </div>
  );
}
