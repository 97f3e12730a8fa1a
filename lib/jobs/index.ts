// Every job the worker runs. Add a job here and the worker registers it.
import "server-only";
import { sendEmailJob } from "@/lib/email/send-email";
import type { JobDefinition } from "@/lib/jobs/registry";

export const jobs: JobDefinition[] = [sendEmailJob as unknown as JobDefinition];
