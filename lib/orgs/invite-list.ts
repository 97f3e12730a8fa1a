// Parses a pasted list of people to invite: one per line (or separated by commas or semicolons),
// each "email" or "Name <email>". Every line gets its own verdict so the form can say what to fix.
import { z } from "zod";

export const MAX_INVITES_PER_REQUEST = 50;

// Throwaway-address providers: invitations there are almost always mistakes or abuse.
const disposableDomains = new Set([
  "mailinator.com",
  "guerrillamail.com",
  "guerrillamail.net",
  "sharklasers.com",
  "10minutemail.com",
  "temp-mail.org",
  "tempmail.com",
  "yopmail.com",
  "trashmail.com",
  "getnada.com",
  "dispostable.com",
  "maildrop.cc",
  "throwawaymail.com",
  "fakeinbox.com",
  "mailnesia.com",
  "mintemail.com",
  "spamgourmet.com",
  "emailondeck.com",
  "moakt.com",
  "tempr.email",
]);

const emailFormat = z.email();

export type InviteLine = { line: number; raw: string; email?: string; error?: string };

export function parseInviteList(text: string): {
  entries: InviteLine[];
  emails: string[];
  hasErrors: boolean;
} {
  const pieces = text
    .split(/\r?\n/)
    .flatMap((row, i) => row.split(/[,;]/).map((raw) => ({ line: i + 1, raw: raw.trim() })))
    .filter((p) => p.raw.length > 0);
  const seen = new Set<string>();
  const entries: InviteLine[] = pieces.map(({ line, raw }) => {
    const match = /<([^<>]+)>\s*$/.exec(raw);
    const email = (match ? match[1]! : raw).trim().toLowerCase();
    if (!emailFormat.safeParse(email).success)
      return { line, raw, error: `“${raw}” is not an email address.` };
    const domain = email.split("@")[1]!;
    if (disposableDomains.has(domain))
      return { line, raw, email, error: `${email} uses a throwaway email service.` };
    if (seen.has(email)) return { line, raw, email, error: `${email} is in the list twice.` };
    seen.add(email);
    return { line, raw, email };
  });
  if (entries.length > MAX_INVITES_PER_REQUEST) {
    entries.push({
      line: entries.at(-1)!.line,
      raw: "",
      error: `Invite at most ${MAX_INVITES_PER_REQUEST} people at a time.`,
    });
  }
  return {
    entries,
    emails: entries.filter((e) => !e.error && e.email).map((e) => e.email!),
    hasErrors: entries.some((e) => e.error) || entries.length === 0,
  };
}

/** One message per failing line, for the form. */
export function describeLineErrors(entries: InviteLine[]): string {
  return entries
    .filter((e) => e.error)
    .map((e) => `Line ${e.line}: ${e.error}`)
    .join("\n");
}
