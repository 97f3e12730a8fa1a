// Email templates: plain functions from data to subject, HTML and text. Everything user-supplied is
// escaped; links are built here from ids and tokens, never taken whole from input.
import { z } from "zod";
import {
  emailCategoryCopy,
  isEmailCategory,
  type EmailCategory,
} from "@/lib/notifications/categories";
import {
  listUnsubscribeHeaders,
  signUnsubscribeToken,
  unsubscribePageUrl,
} from "@/lib/notifications/unsubscribe-token";

export const authActionTypes = [
  "signup",
  "recovery",
  "magiclink",
  "email_change",
  "invite",
] as const;
export type AuthActionType = (typeof authActionTypes)[number];

export const templateData = {
  welcome: z.object({ name: z.string().nullish() }),
  auth: z.object({
    actionType: z.enum(authActionTypes),
    tokenHash: z.string().min(1),
    token: z.string().optional(),
    next: z.string().startsWith("/").default("/app"),
  }),
  invitation: z.object({
    orgName: z.string(),
    inviterName: z.string().nullish(),
    roleLabel: z.string(),
    token: z.string().min(20),
    expiresAt: z.string(),
  }),
  // A post that failed or whose outcome is unknown ("check before reposting").
  publish_problem: z.object({
    status: z.enum(["failed", "unconfirmed"]),
    network: z.string(),
    postTitle: z.string(),
    reason: z.string(),
    path: z.string().startsWith("/"),
  }),
  account_reauth: z.object({
    network: z.string(),
    accountName: z.string(),
    reason: z.string(),
    path: z.string().startsWith("/"),
  }),
  // The review loop: a post submitted, changes requested, approved, or commented on.
  review_update: z.object({
    event: z.enum(["submitted", "changes_requested", "approved", "commented"]),
    actorName: z.string(),
    postTitle: z.string(),
    comment: z.string().nullable(),
    path: z.string().startsWith("/"),
  }),
} as const;
export type TemplateName = keyof typeof templateData;

export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  essential: boolean;
  /** The preference category (null = essential: always sent). */
  category: EmailCategory | null;
  /** List-Unsubscribe headers (RFC 2369/8058) of a non-essential email. */
  headers?: Record<string, string>;
};
type TemplateOutput = Omit<RenderedEmail, "category" | "headers">;

// Where renderEmail puts the unsubscribe footer of a non-essential email (removed otherwise).
const FOOTER_SLOT = "<!--ghostart:footer-->";

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

function layout(title: string, bodyHtml: string): string {
  return `<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f6f6f9;padding:24px">
<div style="max-width:520px;margin:0 auto;background:#fff;border-radius:12px;padding:32px;color:#18181b">
<p style="font-weight:700;font-size:18px;margin:0 0 24px">Ghostart</p>
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(title)}</h1>${bodyHtml}
</div>${FOOTER_SLOT}</body></html>`;
}

function button(href: string, label: string): string {
  return `<p style="margin:24px 0"><a href="${escapeHtml(href)}" style="background:#4f46e5;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">${escapeHtml(label)}</a></p>`;
}

const authCopy: Record<AuthActionType, { subject: string; intro: string; cta: string }> = {
  signup: {
    subject: "Confirm your email",
    intro: "Confirm your email address to finish creating your Ghostart account.",
    cta: "Confirm email",
  },
  recovery: {
    subject: "Reset your password",
    intro:
      "Someone asked to reset the password of your Ghostart account. If it was you, choose a new one.",
    cta: "Choose a new password",
  },
  magiclink: {
    subject: "Your sign-in link",
    intro: "Use this link to sign in to Ghostart.",
    cta: "Sign in",
  },
  email_change: {
    subject: "Confirm your new email",
    intro: "Confirm this address to make it your Ghostart sign-in email.",
    cta: "Confirm new email",
  },
  invite: {
    subject: "You're invited to Ghostart",
    intro: "You have been invited to Ghostart.",
    cta: "Accept invitation",
  },
};

export function authLink(appUrl: string, data: z.infer<(typeof templateData)["auth"]>): string {
  const url = new URL("/auth/confirm", appUrl);
  url.searchParams.set("token_hash", data.tokenHash);
  url.searchParams.set("type", data.actionType);
  url.searchParams.set("next", data.next);
  return url.toString();
}

function renderTemplate(
  template: string,
  rawData: unknown,
  ctx: { appUrl: string },
): TemplateOutput {
  switch (template) {
    case "welcome": {
      const data = templateData.welcome.parse(rawData);
      const hello = data.name ? `Welcome, ${data.name}!` : "Welcome to Ghostart!";
      const dashboard = new URL("/app", ctx.appUrl).toString();
      return {
        subject: "Welcome to Ghostart",
        essential: false,
        html: layout(
          hello,
          `<p>Your account is ready. Create or open your organization, connect an account, and write your first post.</p>${button(dashboard, "Open Ghostart")}`,
        ),
        text: `${hello}\n\nYour account is ready. Open Ghostart: ${dashboard}\n`,
      };
    }
    case "invitation": {
      const data = templateData.invitation.parse(rawData);
      const link = new URL(`/invite/${data.token}`, ctx.appUrl).toString();
      const who = data.inviterName ? `${data.inviterName} invited you` : "You are invited";
      const expires = new Date(data.expiresAt).toUTCString();
      return {
        subject: `Join ${data.orgName} on Ghostart`,
        essential: true,
        html: layout(
          `Join ${data.orgName} on Ghostart`,
          `<p>${escapeHtml(who)} to join <strong>${escapeHtml(data.orgName)}</strong> as ${escapeHtml(data.roleLabel)}.</p>${button(link, "Accept invitation")}<p style="color:#71717a;font-size:13px">The invitation expires ${escapeHtml(expires)}. If you did not expect it, ignore this email.</p>`,
        ),
        text: `${who} to join ${data.orgName} on Ghostart as ${data.roleLabel}.\n\nAccept: ${link}\n\nThe invitation expires ${expires}.\n`,
      };
    }
    case "auth": {
      const data = templateData.auth.parse(rawData);
      const copy = authCopy[data.actionType];
      const link = authLink(ctx.appUrl, data);
      const code = data.token
        ? `<p>Or enter this code: <strong>${escapeHtml(data.token)}</strong></p>`
        : "";
      return {
        subject: copy.subject,
        essential: true,
        html: layout(
          copy.subject,
          `<p>${escapeHtml(copy.intro)}</p>${button(link, copy.cta)}${code}<p style="color:#71717a;font-size:13px">This link expires in one hour and works once. If you did not ask for it, ignore this email.</p>`,
        ),
        text: `${copy.intro}\n\n${copy.cta}: ${link}\n${data.token ? `Code: ${data.token}\n` : ""}\nThis link expires in one hour and works once.\n`,
      };
    }
    case "publish_problem": {
      const data = templateData.publish_problem.parse(rawData);
      const link = new URL(data.path, ctx.appUrl).toString();
      const failed = data.status === "failed";
      const subject = failed
        ? `Not published on ${data.network}: ${data.postTitle}`
        : `Check ${data.network} before reposting: ${data.postTitle}`;
      const intro = failed
        ? `Your post \u201c${data.postTitle}\u201d was not published on ${data.network}.`
        : `We sent your post \u201c${data.postTitle}\u201d to ${data.network} but never heard whether it was published. Look for it on ${data.network} before posting it again, then mark it as published or retry it.`;
      return {
        subject,
        essential: false,
        html: layout(
          subject,
          `<p>${escapeHtml(intro)}</p><p><strong>${escapeHtml(data.network)} said:</strong> ${escapeHtml(data.reason)}</p>${button(link, "Open the post")}`,
        ),
        text: `${intro}\n\n${data.network} said: ${data.reason}\n\nOpen the post: ${link}\n`,
      };
    }
    case "review_update": {
      const data = templateData.review_update.parse(rawData);
      const link = new URL(data.path, ctx.appUrl).toString();
      const copy = {
        submitted: {
          subject: `Review requested: ${data.postTitle}`,
          intro: `${data.actorName} asks you to review \u201c${data.postTitle}\u201d.`,
          cta: "Review the post",
        },
        changes_requested: {
          subject: `Changes requested: ${data.postTitle}`,
          intro: `${data.actorName} asked for changes to \u201c${data.postTitle}\u201d.`,
          cta: "Open the post",
        },
        approved: {
          subject: `Approved: ${data.postTitle}`,
          intro: `${data.actorName} approved \u201c${data.postTitle}\u201d. It can be scheduled now.`,
          cta: "Open the post",
        },
        commented: {
          subject: `New comment: ${data.postTitle}`,
          intro: `${data.actorName} commented on \u201c${data.postTitle}\u201d.`,
          cta: "Read it",
        },
      }[data.event];
      const quote = data.comment
        ? `<blockquote style="border-left:3px solid #d4d4d8;margin:16px 0;padding:4px 12px;color:#3f3f46">${escapeHtml(data.comment)}</blockquote>`
        : "";
      return {
        subject: copy.subject,
        essential: false,
        html: layout(
          copy.subject,
          `<p>${escapeHtml(copy.intro)}</p>${quote}${button(link, copy.cta)}`,
        ),
        text: `${copy.intro}\n${data.comment ? `\n> ${data.comment.replace(/\n/g, "\n> ")}\n` : ""}\n${copy.cta}: ${link}\n`,
      };
    }
    case "account_reauth": {
      const data = templateData.account_reauth.parse(rawData);
      const link = new URL(data.path, ctx.appUrl).toString();
      const subject = `Reconnect ${data.network} (${data.accountName})`;
      const intro = `Ghostart can no longer post to ${data.network} as ${data.accountName}: ${data.reason} Posts scheduled on this account will not go out until you reconnect it.`;
      return {
        subject,
        essential: false,
        html: layout(subject, `<p>${escapeHtml(intro)}</p>${button(link, "Reconnect")}`),
        text: `${intro}\n\nReconnect: ${link}\n`,
      };
    }
    default:
      throw new Error(`Unknown email template: ${template}`);
  }
}

export type RenderContext = {
  appUrl: string;
  /** The recipient (email_log.user_id): the unsubscribe link turns off their category only. */
  userId?: string | null;
  /** email_log.category: null for essential emails, a preference category otherwise. */
  category?: string | null;
  /**
   * UNSUBSCRIBE_SECRET. Given (as the email job does), a non-essential email must have a recipient
   * and a category, and always carries the unsubscribe link and headers.
   */
  unsubscribeSecret?: string;
};

export function renderEmail(template: string, rawData: unknown, ctx: RenderContext): RenderedEmail {
  const email = renderTemplate(template, rawData, ctx);
  const category = ctx.category ?? null;
  if (category !== null && !isEmailCategory(category))
    throw new Error(`Unknown email category: ${category}`);
  if (email.essential && category)
    throw new Error(`The ${template} email is essential: queue it without a category`);
  if (!email.essential && ctx.unsubscribeSecret && !(category && ctx.userId))
    throw new Error(`The ${template} email is not essential: queue it with a category and a user`);
  if (!category || !ctx.userId || !ctx.unsubscribeSecret)
    return { ...email, html: email.html.replace(FOOTER_SLOT, ""), category };

  const token = signUnsubscribeToken(ctx.unsubscribeSecret, ctx.userId, category);
  const unsubscribe = unsubscribePageUrl(ctx.appUrl, token);
  const preferences = new URL("/account/notifications", ctx.appUrl).toString();
  const label = emailCategoryCopy[category].label;
  const footer = `<p style="max-width:520px;margin:16px auto 0;color:#71717a;font-size:12px;line-height:1.5;text-align:center">You get \u201c${escapeHtml(label)}\u201d emails because you have a Ghostart account. <a href="${escapeHtml(unsubscribe)}" style="color:#71717a">Unsubscribe from these emails</a> \u00b7 <a href="${escapeHtml(preferences)}" style="color:#71717a">Email preferences</a></p>`;
  return {
    ...email,
    html: email.html.replace(FOOTER_SLOT, footer),
    text: `${email.text}\n--\nYou get "${label}" emails because you have a Ghostart account.\nUnsubscribe: ${unsubscribe}\nEmail preferences: ${preferences}\n`,
    category,
    headers: listUnsubscribeHeaders(ctx.appUrl, token),
  };
}
