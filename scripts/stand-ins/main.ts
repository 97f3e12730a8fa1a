// Local stand-ins for third-party HTTP services (Resend, LinkedIn, X, OpenAI), for `npm run dev` and e2e
// tests. Each starts only when the app's URL for that service is a loopback address (production
// URLs point elsewhere and nothing starts).
import path from "node:path";
import { createLinkedInStandIn } from "./linkedin";
import { createOpenAIStandIn } from "./openai";
import { createResendStandIn } from "./resend";
import { createXStandIn } from "./x";

const loopback = ["127.0.0.1", "localhost", "[::1]"];
const host = (u: URL) => u.hostname.replace(/^\[|\]$/g, "");
const closers: (() => Promise<void>)[] = [];

const resendUrl = new URL(process.env.RESEND_BASE_URL ?? "http://127.0.0.1:54324");
if (!loopback.includes(resendUrl.hostname)) {
  console.error(
    `stand-ins: RESEND_BASE_URL must be a loopback address to run the local stand-in (got ${resendUrl.host})`,
  );
  process.exit(1);
}
const dataFile = process.env.OUTBOX_FILE ?? path.join(process.cwd(), ".data", "outbox.json");
const resend = createResendStandIn({ dataFile });
const { url } = await resend.listen(Number(resendUrl.port || 80), host(resendUrl));
closers.push(() => resend.close());
console.log(
  `Resend stand-in listening on ${url} (outbox file ${path.relative(process.cwd(), dataFile)})`,
);

const linkedinUrl = process.env.LINKEDIN_API_URL ? new URL(process.env.LINKEDIN_API_URL) : null;
if (linkedinUrl && loopback.includes(linkedinUrl.hostname) && process.env.LINKEDIN_CLIENT_ID) {
  const linkedin = createLinkedInStandIn({
    clientId: process.env.LINKEDIN_CLIENT_ID,
    clientSecret: process.env.LINKEDIN_CLIENT_SECRET ?? "",
    apiVersion: process.env.LINKEDIN_API_VERSION,
  });
  const started = await linkedin.listen(Number(linkedinUrl.port || 80), host(linkedinUrl));
  closers.push(() => linkedin.close());
  console.log(`LinkedIn stand-in listening on ${started.url}`);
}

const xUrl = process.env.X_API_URL ? new URL(process.env.X_API_URL) : null;
if (xUrl && loopback.includes(xUrl.hostname) && process.env.X_CLIENT_ID) {
  const x = createXStandIn({
    clientId: process.env.X_CLIENT_ID,
    clientSecret: process.env.X_CLIENT_SECRET ?? "",
  });
  const started = await x.listen(Number(xUrl.port || 80), host(xUrl));
  closers.push(() => x.close());
  console.log(`X stand-in listening on ${started.url}`);
}

// OpenAI-compatible: the default AI provider of local development and the e2e stack.
const openaiUrl = process.env.OPENAI_BASE_URL ? new URL(process.env.OPENAI_BASE_URL) : null;
if (openaiUrl && loopback.includes(openaiUrl.hostname) && process.env.OPENAI_API_KEY) {
  const openai = createOpenAIStandIn({
    apiKeys: [process.env.OPENAI_API_KEY],
    models: [process.env.OPENAI_MODEL ?? "gpt-4.1-mini"],
  });
  const started = await openai.listen(Number(openaiUrl.port || 80), host(openaiUrl));
  closers.push(() => openai.close());
  console.log(`OpenAI stand-in listening on ${started.url}/v1`);
}

const stop = async () => {
  await Promise.all(closers.map((c) => c()));
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
