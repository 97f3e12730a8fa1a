// What the composer page needs on first render, read as the caller through RLS: the post (or a
// blank draft), the people it can be written for (with what LinkedIn shows of them), the org's
// campaigns, signed URLs of the attached files, and "today" in the org's zone by the server clock.
import "server-only";
import { sql } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session";
import { getNow } from "@/lib/clock";
import { withRls } from "@/lib/db/rls";
import type { OrgRole } from "@/lib/db/schema";
import type { Logger } from "@/lib/logger";
import { getFileStore } from "@/lib/media/file-store";
import { can } from "@/lib/orgs/permissions";
import type { MyOrg } from "@/lib/orgs/queries";
import type { PostStatus, TargetNetwork } from "@/lib/posts/constants";
import { utcToZonedLocal } from "@/lib/posts/local-time";
import { getPostWithVersions, listCampaigns } from "@/lib/posts/queries";
import { getCreditSummary, type CreditSummary } from "@/lib/ai/credits";
import { aiSetupProblem } from "@/lib/ai/provider";
import { getReviewSettings } from "@/lib/reviews/queries";
import type { ReviewSettings } from "@/lib/reviews/schemas";
import { listVoiceProgress } from "@/lib/voice/queries";

export type ComposerPerson = {
  id: string;
  name: string;
  headline: string | null;
  avatarUrl: string | null;
  role: OrgRole;
};

export type ComposerMedia = {
  id: string;
  url: string | null;
  mime: string;
  altText: string | null;
  altOverride: string | null;
  fileName: string | null;
  width: number | null;
  height: number | null;
  sizeBytes: number;
  deleted?: boolean;
};

export type ComposerPost = {
  id: string | null;
  revision: number;
  status: PostStatus;
  title: string | null;
  campaignId: string | null;
  onBehalfOf: string;
  body: string;
  /** `pageId`: the company page the target posts as (LinkedIn); null = the on-behalf-of member. */
  targets: { network: TargetNetwork; textOverride: string | null; pageId: string | null }[];
  media: ComposerMedia[];
  scheduledAt: string | null;
  versionCount: number;
  updatedAt: string | null;
};

export type ComposerData = {
  org: { slug: string; name: string; timezone: string };
  me: { id: string; role: OrgRole };
  canSchedule: boolean;
  canEdit: boolean;
  /** YYYY-MM-DD in the org's zone, by the server's clock. */
  today: string;
  post: ComposerPost;
  people: ComposerPerson[];
  /** The org's connected company pages, per network (LinkedIn), for "Posts as". */
  pages: ComposerPage[];
  /** The org's approval rules: scheduling waits for approval when they ask for it. */
  review: ReviewSettings;
  /** AI: who may generate here, in whose voice (profile completeness), and what is left. */
  ai: {
    canGenerate: boolean;
    setupProblem: string | null;
    credits: CreditSummary | null;
    voices: Record<string, { completed: number; total: number }>;
  };
  campaigns: { id: string; name: string }[];
};

export type ComposerPage = {
  id: string;
  network: TargetNetwork;
  name: string;
  avatarUrl: string | null;
  needsReauth: boolean;
};

const MEDIA_URL_TTL_SECONDS = 60 * 60;

async function signedUrl(path: string, log: Logger): Promise<string | null> {
  try {
    return await getFileStore().createDownloadUrl("media", path, MEDIA_URL_TTL_SECONDS);
  } catch (err) {
    log.warn("media url unavailable", { err, path });
    return null;
  }
}

/** Members the post can be written for: everyone but viewers; an employee only themself. */
async function listPages(user: SessionUser, org: MyOrg): Promise<ComposerPage[]> {
  const rows = await withRls(user.claims, (tx) =>
    tx.execute<ComposerPage>(sql`
      select a.id, a.network, a.display_name as name, a.avatar_url as "avatarUrl",
             a.status = 'needs_reauth' as "needsReauth"
      from public.social_accounts a
      where a.org_id = ${org.id} and a.kind = 'organization' and a.status <> 'disconnected'
      order by a.display_name`),
  );
  return [...rows];
}

async function listPeople(user: SessionUser, org: MyOrg): Promise<ComposerPerson[]> {
  const rows = await withRls(user.claims, (tx) =>
    tx.execute<ComposerPerson>(sql`
      select m.user_id as id, coalesce(nullif(btrim(p.full_name), ''), p.email, 'Member') as name,
             p.headline, p.avatar_url as "avatarUrl", m.role
      from public.memberships m left join public.profiles p on p.id = m.user_id
      where m.org_id = ${org.id} and m.role <> 'viewer'
      order by (m.user_id = ${user.id}) desc, coalesce(p.full_name, p.email)`),
  );
  const people = [...rows];
  return org.role === "employee" ? people.filter((p) => p.id === user.id) : people;
}

/**
 * The composer's data for `postId`, or for a new draft when null (`campaignId` preselects a
 * campaign). Null when the post does not exist for this caller or belongs to another org.
 */
export async function loadComposer(
  user: SessionUser,
  org: MyOrg,
  postId: string | null,
  opts: { campaignId?: string | null; log: Logger },
): Promise<ComposerData | null> {
  const canGenerate = can(org.role, "ai.generate");
  const [found, people, pages, campaigns, review, voices, credits, setupProblem] =
    await Promise.all([
      postId ? getPostWithVersions(user.claims, postId) : Promise.resolve(null),
      listPeople(user, org),
      listPages(user, org),
      listCampaigns(user.claims, org.id),
      getReviewSettings(user.claims, org.id),
      canGenerate ? listVoiceProgress(user.claims, org.id) : Promise.resolve([]),
      canGenerate ? getCreditSummary(user.claims, org.id) : Promise.resolve(null),
      canGenerate ? aiSetupProblem(org.id) : Promise.resolve(null),
    ]);
  if (postId && (!found || found.post.orgId !== org.id)) return null;

  let post: ComposerPost;
  if (found) {
    const p = found.post;
    post = {
      id: p.id,
      revision: p.revision,
      status: p.status,
      title: p.title,
      campaignId: p.campaignId,
      onBehalfOf: p.onBehalfOf ?? p.authorId ?? user.id,
      body: p.body,
      targets: found.targets.map((t) => ({
        network: t.network,
        textOverride: t.textOverride,
        // The account a target was claimed with is a member's own unless it is one of the pages.
        pageId: pages.some((pg) => pg.id === t.socialAccountId) ? t.socialAccountId : null,
      })),
      media: await Promise.all(
        found.media.map(async (m) => ({
          id: m.mediaId,
          url: m.deleted ? null : await signedUrl(m.path, opts.log),
          mime: m.mime,
          altText: m.altText,
          altOverride: m.altOverride,
          fileName: m.fileName,
          width: m.width,
          height: m.height,
          sizeBytes: m.sizeBytes,
          deleted: m.deleted,
        })),
      ),
      scheduledAt: p.scheduledAt,
      versionCount: found.versions.length,
      updatedAt: p.updatedAt,
    };
    // The person may have left the org: keep them selectable for this post.
    if (!people.some((x) => x.id === post.onBehalfOf) && p.onBehalfOf)
      people.push({
        id: p.onBehalfOf,
        name: p.onBehalfOfName ?? "Former member",
        headline: null,
        avatarUrl: null,
        role: "employee",
      });
  } else {
    const campaignId =
      opts.campaignId && campaigns.some((c) => c.id === opts.campaignId) ? opts.campaignId : null;
    post = {
      id: null,
      revision: 0,
      status: "draft",
      title: null,
      campaignId,
      onBehalfOf: user.id,
      body: "",
      targets: [{ network: "linkedin", textOverride: null, pageId: null }],
      media: [],
      scheduledAt: null,
      versionCount: 0,
      updatedAt: null,
    };
  }

  const today = utcToZonedLocal(getNow(), org.timezone).date;
  return {
    org: { slug: org.slug, name: org.name, timezone: org.timezone },
    me: { id: user.id, role: org.role },
    canSchedule: can(org.role, "posts.schedule"),
    canEdit: can(org.role, "posts.edit"),
    today,
    post,
    people,
    pages,
    review,
    ai: {
      canGenerate,
      setupProblem,
      credits,
      voices: Object.fromEntries(
        voices.map((v) => [v.userId, { completed: v.completed, total: v.total }]),
      ),
    },
    campaigns: [
      ...campaigns.map((c) => ({ id: c.id, name: c.name })),
      // The post's campaign may be archived (the list holds active ones): keep it selectable.
      ...(found?.post.campaignId && !campaigns.some((c) => c.id === found.post.campaignId)
        ? [
            {
              id: found.post.campaignId,
              name: `${found.post.campaignName ?? "Campaign"} (archived)`,
            },
          ]
        : []),
    ],
  };
}
