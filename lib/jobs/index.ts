// Every job the worker runs. Add a job here and the worker registers it.
import "server-only";
import { sendEmailJob } from "@/lib/email/send-email";
import type { JobDefinition } from "@/lib/jobs/registry";
import { publishJob } from "@/lib/publishing/publish-job";
import { tokenRefreshJob } from "@/lib/social/refresh-job";

export const jobs: JobDefinition[] = [sendEmailJob, publishJob, tokenRefreshJob].map(
  (j) => j as unknown as JobDefinition,
);
