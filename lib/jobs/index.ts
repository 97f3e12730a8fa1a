// Every job the worker runs. Add a job here and the worker registers it.
import "server-only";
import { creditsResetJob } from "@/lib/ai/credits";
import { generateJob } from "@/lib/ai/generate-job";
import { sendEmailJob } from "@/lib/email/send-email";
import type { JobDefinition } from "@/lib/jobs/registry";
import { publishJob } from "@/lib/publishing/publish-job";
import { tokenRefreshJob } from "@/lib/social/refresh-job";

export const jobs: JobDefinition[] = [
  sendEmailJob,
  publishJob,
  tokenRefreshJob,
  generateJob,
  creditsResetJob,
].map((j) => j as unknown as JobDefinition);
