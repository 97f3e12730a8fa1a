// Resend stand-in: the subset of https://api.resend.com the app uses (POST /emails, GET /emails,
// GET /emails/:id), checking requests as Resend does (bearer key, JSON body, required fields,
// Idempotency-Key semantics) and answering with Resend's shapes. The dev outbox page reads it.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

export type StoredEmail = {
  object: "email";
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string | null;
  text: string | null;
  /** Custom headers (e.g. List-Unsubscribe), as sent. */
  headers: Record<string, string> | null;
  created_at: string;
  last_event: "delivered";
  idempotency_key: string | null;
};

export type ResendStandIn = {
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
  emails(): StoredEmail[];
  /** Every POST /emails received, accepted or not. */
  requests: { idempotencyKey: string | null; at: number }[];
  /** Test controls: hold every response this long after the email is stored (simulates slow networks). */
  controls: { delayMs: number };
  clear(): void;
};

const emailPattern = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const fromPattern = /^(?:[^<>]*<\s*([^\s@<>]+@[^\s@<>]+)\s*>|([^\s@<>]+@[^\s@<>]+))$/;

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
const fail = (res: http.ServerResponse, status: number, name: string, message: string) =>
  send(res, status, { statusCode: status, name, message });

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function createResendStandIn(
  options: { apiKeyPrefix?: string; dataFile?: string } = {},
): ResendStandIn {
  const dataFile = options.dataFile;
  let emails: StoredEmail[] =
    dataFile && existsSync(dataFile) ? JSON.parse(readFileSync(dataFile, "utf8")) : [];
  const idempotency = new Map<string, { hash: string; response: { id: string } }>();
  for (const e of emails)
    if (e.idempotency_key) idempotency.set(e.idempotency_key, { hash: "", response: { id: e.id } });
  const requests: ResendStandIn["requests"] = [];
  const controls = { delayMs: 0 };

  const persist = () => {
    if (!dataFile) return;
    mkdirSync(path.dirname(dataFile), { recursive: true });
    writeFileSync(dataFile, JSON.stringify(emails.slice(-500), null, 1));
  };

  async function createEmail(req: http.IncomingMessage, res: http.ServerResponse) {
    const key = req.headers["idempotency-key"];
    const idempotencyKey = typeof key === "string" ? key : null;
    requests.push({ idempotencyKey, at: Date.now() });
    if (!(req.headers["content-type"] ?? "").includes("application/json")) {
      return fail(
        res,
        422,
        "validation_error",
        "Invalid `content-type` header. Expected application/json.",
      );
    }
    const raw = await readBody(req);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw);
    } catch {
      return fail(res, 422, "validation_error", "Invalid JSON body.");
    }
    for (const field of ["from", "to", "subject"]) {
      if (body[field] === undefined || body[field] === "")
        return fail(res, 422, "missing_required_field", `Missing \`${field}\` field.`);
    }
    if (!body.html && !body.text && !body.react)
      return fail(res, 422, "validation_error", "Missing `html` or `text` field.");
    if (typeof body.from !== "string" || !fromPattern.test(body.from.trim())) {
      return fail(
        res,
        422,
        "validation_error",
        "Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.",
      );
    }
    const to = Array.isArray(body.to) ? body.to : [body.to];
    if (
      to.length === 0 ||
      to.length > 50 ||
      !to.every((t) => typeof t === "string" && emailPattern.test(t))
    ) {
      return fail(
        res,
        422,
        "validation_error",
        "Invalid `to` field. The email address needs to follow the `email@example.com` format.",
      );
    }
    if (
      body.headers !== undefined &&
      body.headers !== null &&
      (typeof body.headers !== "object" ||
        Array.isArray(body.headers) ||
        !Object.values(body.headers).every((v) => typeof v === "string"))
    )
      return fail(res, 422, "validation_error", "Invalid `headers` field.");
    if (idempotencyKey && idempotencyKey.length > 256)
      return fail(res, 422, "validation_error", "Idempotency key must be at most 256 characters.");

    const hash = createHash("sha256").update(raw).digest("hex");
    if (idempotencyKey) {
      const seen = idempotency.get(idempotencyKey);
      if (seen) {
        if (seen.hash && seen.hash !== hash) {
          return fail(
            res,
            409,
            "invalid_idempotent_request",
            "Same idempotency key used with a different request payload. Change your idempotency key or payload.",
          );
        }
        return send(res, 200, seen.response);
      }
    }
    const email: StoredEmail = {
      object: "email",
      id: randomUUID(),
      from: body.from as string,
      to: to as string[],
      subject: String(body.subject),
      html: typeof body.html === "string" ? body.html : null,
      text: typeof body.text === "string" ? body.text : null,
      headers: (body.headers as Record<string, string> | null | undefined) ?? null,
      created_at: new Date().toISOString(),
      last_event: "delivered",
      idempotency_key: idempotencyKey,
    };
    emails.push(email);
    if (idempotencyKey) idempotency.set(idempotencyKey, { hash, response: { id: email.id } });
    persist();
    if (controls.delayMs > 0) await new Promise((r) => setTimeout(r, controls.delayMs));
    send(res, 200, { id: email.id });
  }

  const server = http.createServer((req, res) => {
    const auth = req.headers.authorization ?? "";
    if (!/^Bearer re_[A-Za-z0-9_]+$/.test(auth)) {
      return fail(
        res,
        401,
        "missing_api_key",
        "Missing API key in the authorization header. Include the following header in the request: Authorization: Bearer YOUR_API_KEY",
      );
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "POST" && url.pathname === "/emails") {
      createEmail(req, res).catch((err) => fail(res, 500, "application_error", String(err)));
      return;
    }
    if (req.method === "GET" && url.pathname === "/emails") {
      const limit = Math.min(Number(url.searchParams.get("limit") ?? 20) || 20, 100);
      const data = [...emails]
        .reverse()
        .slice(0, limit)
        .map(({ html: _h, text: _t, idempotency_key: _k, headers: _hd, ...rest }) => rest);
      return send(res, 200, { object: "list", has_more: emails.length > limit, data });
    }
    const match = /^\/emails\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (req.method === "GET" && match) {
      const email = emails.find((e) => e.id === match[1]);
      if (!email) return fail(res, 404, "not_found", "Email not found");
      const { idempotency_key: _k, ...rest } = email;
      return send(res, 200, rest);
    }
    fail(res, 404, "not_found", "The requested endpoint does not exist.");
  });

  return {
    requests,
    controls,
    emails: () => emails,
    clear() {
      emails = [];
      idempotency.clear();
      requests.length = 0;
      persist();
    },
    listen(port, host = "127.0.0.1") {
      return new Promise((resolve) => {
        server.listen(port, host, () => {
          const addr = server.address() as { port: number };
          resolve({ port: addr.port, url: `http://${host}:${addr.port}` });
        });
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
