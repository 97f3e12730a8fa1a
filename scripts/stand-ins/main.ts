// Local stand-ins for third-party HTTP services (today: Resend), for `npm run dev` and e2e tests.
import path from "node:path";
import { createResendStandIn } from "./resend";

const resendUrl = new URL(process.env.RESEND_BASE_URL ?? "http://127.0.0.1:54324");
if (!["127.0.0.1", "localhost", "[::1]"].includes(resendUrl.hostname)) {
  console.error(
    `stand-ins: RESEND_BASE_URL must be a loopback address to run the local stand-in (got ${resendUrl.host})`,
  );
  process.exit(1);
}
const dataFile = process.env.OUTBOX_FILE ?? path.join(process.cwd(), ".data", "outbox.json");
const resend = createResendStandIn({ dataFile });
const { url } = await resend.listen(
  Number(resendUrl.port || 80),
  resendUrl.hostname.replace(/^\[|\]$/g, ""),
);
console.log(
  `Resend stand-in listening on ${url} (outbox file ${path.relative(process.cwd(), dataFile)})`,
);

const stop = async () => {
  await resend.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
