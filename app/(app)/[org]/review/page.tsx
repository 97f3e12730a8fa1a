// /[org]/review — the posts waiting for the caller's review, and their own posts that came back
// with changes requested, each shown as LinkedIn will show it.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReviewQueue } from "@/components/reviews/review-queue";
import { requireSessionUser } from "@/lib/auth/session";
import { can } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";
import { getReviewSettings, listReviewQueue } from "@/lib/reviews/queries";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const user = await requireSessionUser(`/${slug}/review`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org || !can(org.role, "posts.view")) notFound();
  const [queue, rules] = await Promise.all([
    listReviewQueue(user.claims, { id: user.id, role: org.role }, org.id),
    getReviewSettings(user.claims, org.id),
  ]);

  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Review</h1>
        <p className="text-sm text-muted-foreground">
          {rules.requireApproval
            ? `${org.name} schedules a post only once someone other than its author approves it.`
            : `Posts your team asked you to look at in ${org.name}.`}{" "}
          Times in {org.timezone.replaceAll("_", " ")}.
        </p>
      </div>
      <ReviewQueue
        org={{ slug: org.slug, timezone: org.timezone }}
        canReview={can(org.role, "posts.review")}
        toReview={queue.toReview}
        changesRequested={queue.changesRequested}
      />
    </div>
  );
}
