// The template draft offered when no model answers: built from the brief and the voice profile, with
// [bracketed] places to fill in, so it is obviously a starting point and never mistaken for a
// finished AI draft. The composer labels it and applies it only when the user takes it.
import type { GenerationInput } from "@/lib/ai/schemas";
import type { VoiceProfile } from "@/lib/voice/profile";

const goalClosers: Record<string, string> = {
  thought_leadership: "What would you add? I'd like to hear how you see it.",
  hiring: "We're hiring: if this sounds like your kind of work, my inbox is open.",
  sales: "If this is a problem you're working on, let's talk.",
  community: "How does this look where you are? Tell me in the comments.",
  personal_brand: "Follow along for more of what I'm learning.",
  product_news: "Want to see it in action? Ask me for a demo.",
};

const hashtag = (word: string) => {
  const clean = word.replace(/[^\p{L}\p{N}]/gu, "");
  return clean.length > 2 ? `#${clean[0]!.toUpperCase()}${clean.slice(1)}` : null;
};

export function fallbackDraft(input: {
  profile: unknown;
  personName: string | null;
  request: GenerationInput;
}): string {
  const profile = (input.profile ?? {}) as Partial<VoiceProfile>;
  const topic = input.request.topic?.trim() || "[your topic]";
  const role = profile.role?.title?.trim();
  const audience = profile.audience?.description?.trim();
  const casual = (profile.tone?.casual ?? 50) >= 60;
  const avoid = new Set((profile.avoid?.words ?? []).map((w) => w.toLowerCase()));
  const goal = profile.goals?.goals?.[0];

  const lines = [
    casual ? `Let's talk about ${topic}.` : `A few thoughts on ${topic}.`,
    "",
    role
      ? `As ${/^[aeiou]/i.test(role) ? "an" : "a"} ${role}, I see this every week: [what you noticed].`
      : "Here is what I keep noticing: [what you noticed].",
    "",
    audience ? `For ${audience}, three things matter most:` : "Three things matter most:",
    "1. [first point]",
    "2. [second point]",
    "3. [third point]",
  ];
  if (input.request.notes) lines.push("", `[Work in: ${input.request.notes.trim()}]`);
  lines.push("", (goal && goalClosers[goal]) || "What's your take?");
  const tags = topic
    .split(/\s+/)
    .filter((w) => !avoid.has(w.toLowerCase()))
    .map(hashtag)
    .filter((t): t is string => !!t)
    .slice(0, 3);
  if (tags.length && input.request.network !== "x") lines.push("", tags.join(" "));
  return lines.join("\n");
}
