// Supabase Storage stand-in: the subset of /storage/v1 that supabase-js's storage client
// (@supabase/storage-js) calls for signed uploads and downloads, object info, download and removal,
// over the filesystem. It checks what Supabase checks — the API key on management calls, HS256
// signed-URL tokens bound to one bucket/path, scope and expiry, no overwrite without upsert, per-bucket
// size limits and MIME types — and answers with Storage's shapes (errors are HTTP 400 with the real
// status in the body's `statusCode`, as storage-api's error handler does). Development and tests only.
//
//   POST   /object/upload/sign/{bucket}/{path}    createSignedUploadUrl   (secret key)
//   PUT    /object/upload/sign/{bucket}/{path}?token=  the browser's upload (token only; CORS)
//   POST   /object/sign/{bucket}/{path}           createSignedUrl          (secret key)
//   POST   /object/sign/{bucket}  {expiresIn, paths}  createSignedUrls    (secret key)
//   GET    /object/sign/{bucket}/{path}?token=    signed download          (token only; Range)
//   GET    /object/info/{bucket}/{path}           info                     (secret key)
//   GET    /object/{bucket}/{path}                download                 (secret key; Range)
//   DELETE /object/{bucket}  {prefixes}           remove                   (secret key)
//
// Bytes live at <dir>/<bucket>/<path>; metadata at <dir>/.meta/<bucket>/<path>.json.
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { link, mkdir, readFile, rm, stat, unlink, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";

export type BucketConfig = {
  /** Bytes; larger uploads are refused with EntityTooLarge. */
  fileSizeLimit: number;
  /** MIME types (or `type/*`) accepted; absent = any. */
  allowedMimeTypes?: string[];
};

/** The buckets the app uses, configured as the production project should be (see the README). */
export const defaultBuckets: Record<string, BucketConfig> = {
  logos: {
    fileSizeLimit: 2 * 1024 * 1024,
    allowedMimeTypes: ["image/png", "image/jpeg", "image/webp", "image/gif"],
  },
  media: { fileSizeLimit: 100 * 1024 * 1024 },
};

export type StorageHandlerOptions = {
  /** Root directory for the bytes (created on demand). */
  dir: string;
  /** The project's secret key (sb_secret_…): management calls act as service_role only with it. */
  secretKey: string;
  /** The publishable key: accepted by the gateway, but it acts as `anon` (no access to private buckets). */
  publishableKey?: string;
  /** HMAC secret for signed-URL tokens (HS256). */
  signingSecret: string | Uint8Array;
  buckets?: Record<string, BucketConfig>;
  /** Lifetime of signed upload URLs; Supabase's default is two hours. */
  uploadUrlExpiresIn?: number;
  now?: () => Date;
  onRequest?: (entry: { method: string; path: string; status: number; ms: number }) => void;
  log?: (message: string) => void;
};

type ObjectMeta = {
  id: string;
  version: string;
  size: number;
  content_type: string;
  cache_control: string;
  etag: string;
  created_at: string;
  updated_at: string;
};

/** The signing secret the local stack derives from SUPABASE_SECRET_KEY (never the key itself). */
export function deriveStorageSigningSecret(secretKey: string): Uint8Array {
  return createHash("sha256").update(`ghostart-local-storage-signing:${secretKey}`).digest();
}

class StorageError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message));
  }
}

// storage-api renders its errors as HTTP 400 (500 for internal ones) with the real code in the body.
const backendError = (statusCode: number, code: string, message: string, error = code) =>
  new StorageError(statusCode >= 500 ? 500 : 400, {
    statusCode: String(statusCode),
    code,
    error,
    message,
  });

const ERRORS = {
  noSuchBucket: () => backendError(404, "NoSuchBucket", "Bucket not found", "Bucket not found"),
  noSuchKey: () => backendError(404, "NoSuchKey", "Object not found", "not_found"),
  invalidKey: (key: string) => backendError(400, "InvalidKey", `Invalid key: ${key}`),
  invalidJwt: (message: string) => backendError(400, "InvalidJWT", message),
  invalidSignature: (message = "Invalid signature") =>
    backendError(400, "InvalidSignature", message),
  keyAlreadyExists: () =>
    backendError(409, "KeyAlreadyExists", "The resource already exists", "Duplicate"),
  entityTooLarge: () =>
    backendError(
      413,
      "EntityTooLarge",
      "The object exceeded the maximum allowed size",
      "Payload too large",
    ),
  invalidMimeType: (mime: string) =>
    backendError(415, "InvalidMimeType", `mime type ${mime} is not supported`, "invalid_mime_type"),
  accessDenied: () =>
    backendError(403, "AccessDenied", "new row violates row-level security policy", "Unauthorized"),
  // Fastify's schema validation errors keep their own status and shape.
  validation: (message: string) =>
    new StorageError(400, { statusCode: "400", error: "Bad Request", message }),
};

// storage-api's mustBeValidKey, plus no empty or dot segments (this stand-in maps keys to files).
const KEY_PATTERN = /^(\w|\/|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/;
function validKey(key: string): boolean {
  if (!key || key.length > 1024 || !KEY_PATTERN.test(key)) return false;
  return key.split("/").every((s) => s !== "" && s !== "." && s !== "..");
}

function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function baseMime(contentType: string): string {
  return contentType.split(";")[0]!.trim().toLowerCase();
}

function mimeAllowed(bucket: BucketConfig, contentType: string): boolean {
  if (!bucket.allowedMimeTypes?.length) return true;
  const mime = baseMime(contentType);
  return bucket.allowedMimeTypes.some((allowed) =>
    allowed.endsWith("/*") ? mime.startsWith(allowed.slice(0, -1)) : mime === allowed,
  );
}

/**
 * A single byte range (`bytes=a-b`, `bytes=a-`, `bytes=-n`) as Storage serves it from S3: inclusive
 * bounds, the end clamped to the object; "unsatisfiable" when it starts past the end (416). Anything
 * else (several ranges, other units, garbage) is ignored and the whole object is sent, as S3 does.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | "unsatisfiable" | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === "" && m[2] === "")) return null;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? Infinity : Number(m[2]);
  if (end < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end: Math.min(end, size - 1) };
}

function setCors(req: IncomingMessage, res: ServerResponse) {
  res.setHeader("Access-Control-Allow-Origin", req.headers.origin ?? "*");
  res.setHeader("Vary", "Origin");
  res.setHeader(
    "Access-Control-Expose-Headers",
    "Content-Length, Content-Type, Content-Range, ETag, Last-Modified, Cache-Control",
  );
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  if (res.headersSent) return res.destroy();
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 1_000_000) throw ERRORS.validation("Request body is too large");
    chunks.push(c as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw ERRORS.validation("Body is not valid JSON");
}

/** Reads and discards the rest of a request body, so the client gets to read our answer. */
function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    req.on("end", resolve);
    req.on("error", () => resolve());
    req.on("close", () => resolve());
    req.resume();
  });
}

export function createStorageHandler(
  options: StorageHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const root = path.resolve(options.dir);
  const buckets = options.buckets ?? defaultBuckets;
  const now = options.now ?? (() => new Date());
  const uploadTtl = options.uploadUrlExpiresIn ?? 7200;
  const key =
    typeof options.signingSecret === "string"
      ? new TextEncoder().encode(options.signingSecret)
      : options.signingSecret;
  const log = options.log ?? ((m: string) => process.stderr.write(`[storage] ${m}\n`));

  const filePath = (bucket: string, name: string) => path.join(root, bucket, ...name.split("/"));
  const metaPath = (bucket: string, name: string) =>
    path.join(root, ".meta", bucket, ...name.split("/")) + ".json";

  async function readMeta(bucket: string, name: string): Promise<ObjectMeta | null> {
    try {
      const meta = JSON.parse(await readFile(metaPath(bucket, name), "utf8")) as ObjectMeta;
      await stat(filePath(bucket, name));
      return meta;
    } catch {
      return null;
    }
  }

  function bucketOf(name: string): BucketConfig {
    const bucket = buckets[name];
    if (!bucket) throw ERRORS.noSuchBucket();
    return bucket;
  }

  /** "/logos/a/b.png" → bucket "logos", key "a/b.png" (each segment percent-decoded). */
  function splitObjectPath(rest: string): { bucket: string; name: string } {
    let segments: string[];
    try {
      segments = rest.split("/").map((s) => decodeURIComponent(s));
    } catch {
      throw ERRORS.invalidKey(rest);
    }
    const [bucket, ...parts] = segments;
    const name = parts.join("/");
    bucketOf(bucket ?? "");
    if (!validKey(name)) throw ERRORS.invalidKey(name);
    return { bucket: bucket!, name };
  }

  /** The API gateway and Storage's role check: only the secret key acts as service_role. */
  function caller(req: IncomingMessage, url: URL): "service" | "anon" {
    const apikey = req.headers.apikey ?? url.searchParams.get("apikey");
    if (typeof apikey !== "string" || !apikey) {
      throw new StorageError(401, {
        message: "No API key found in request",
        hint: "No `apikey` request header or url param was found.",
      });
    }
    const isSecret = sameSecret(apikey, options.secretKey);
    const isPublishable = !!options.publishableKey && sameSecret(apikey, options.publishableKey);
    if (!isSecret && !isPublishable) {
      throw new StorageError(401, {
        message: "Invalid API key",
        hint: "Double check your Supabase `anon` or `service_role` API key.",
      });
    }
    const auth = req.headers.authorization;
    // A user's JWT (or the publishable key) makes the request theirs, subject to storage.objects RLS,
    // which grants nothing on these private buckets.
    if (isSecret && (!auth || sameSecret(auth, `Bearer ${options.secretKey}`))) return "service";
    return "anon";
  }

  async function sign(claims: Record<string, unknown>, expiresIn: number): Promise<string> {
    const iat = Math.floor(now().getTime() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuedAt(iat)
      .setExpirationTime(iat + expiresIn)
      .sign(key);
  }

  async function verify(
    token: string | null,
    bucket: string,
    name: string,
    scope: "upload" | "download",
  ): Promise<{ upsert: boolean; exp: number }> {
    if (!token) throw ERRORS.validation("querystring must have required property 'token'");
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, key, { algorithms: ["HS256"], currentDate: now() }));
    } catch (err) {
      // jsonwebtoken's messages, which storage-api passes through.
      if (err instanceof joseErrors.JWTExpired) throw ERRORS.invalidJwt("jwt expired");
      if (err instanceof joseErrors.JWSSignatureVerificationFailed)
        throw ERRORS.invalidJwt("invalid signature");
      throw ERRORS.invalidJwt("jwt malformed");
    }
    if (payload.scope !== scope) throw ERRORS.invalidSignature(`Token is not scoped for ${scope}`);
    if (payload.url !== `${bucket}/${name}`) throw ERRORS.invalidSignature();
    return { upsert: payload.upsert === true, exp: Number(payload.exp) };
  }

  async function signUpload(req: IncomingMessage, url: URL, rest: string) {
    const who = caller(req, url);
    const { bucket, name } = splitObjectPath(rest);
    await readJson(req);
    if (who !== "service") throw ERRORS.accessDenied();
    const upsert = req.headers["x-upsert"] === "true";
    if (!upsert && (await readMeta(bucket, name))) throw ERRORS.keyAlreadyExists();
    const objectUrl = `${bucket}/${name}`;
    const token = await sign({ url: objectUrl, upsert, scope: "upload" }, uploadTtl);
    return { url: `/object/upload/sign/${objectUrl}?token=${token}`, token };
  }

  async function uploadSigned(req: IncomingMessage, url: URL, rest: string) {
    const { bucket, name } = splitObjectPath(rest);
    const { upsert } = await verify(url.searchParams.get("token"), bucket, name, "upload");
    const config = bucketOf(bucket);
    if (!upsert && (await readMeta(bucket, name))) throw ERRORS.keyAlreadyExists();
    const requestType = String(req.headers["content-type"] ?? "application/octet-stream");
    const multipart = baseMime(requestType) === "multipart/form-data";
    // A form carries a little more than the file itself.
    const bodyLimit = config.fileSizeLimit + (multipart ? 64 * 1024 : 0);
    const declaredLength = Number(req.headers["content-length"] ?? NaN);
    if (Number.isFinite(declaredLength) && declaredLength > bodyLimit)
      throw ERRORS.entityTooLarge();

    const tmp = path.join(root, ".tmp", randomUUID());
    await mkdir(path.dirname(tmp), { recursive: true });
    let contentType = requestType;
    let cacheControl = String(req.headers["cache-control"] ?? "max-age=3600");
    try {
      if (multipart) {
        // storage-js sends Blobs and Files as a form: the file under an empty name, cacheControl beside it.
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const c of req) {
          size += (c as Buffer).length;
          if (size > bodyLimit) throw ERRORS.entityTooLarge();
          chunks.push(c as Buffer);
        }
        const form = await new Response(Buffer.concat(chunks), {
          headers: { "content-type": requestType },
        }).formData();
        const file = [...form.values()].find((v): v is File => typeof v !== "string");
        if (!file) throw ERRORS.validation("No file in the form");
        contentType = file.type || "application/octet-stream";
        const cc = form.get("cacheControl");
        if (typeof cc === "string") cacheControl = `max-age=${cc}`;
        if (!mimeAllowed(config, contentType)) throw ERRORS.invalidMimeType(contentType);
        if (file.size > config.fileSizeLimit) throw ERRORS.entityTooLarge();
        await writeFile(tmp, Buffer.from(await file.arrayBuffer()));
      } else {
        if (!mimeAllowed(config, contentType)) throw ERRORS.invalidMimeType(contentType);
        let size = 0;
        let tooLarge = false;
        const out = createWriteStream(tmp);
        await pipeline(
          req,
          async function* (source) {
            for await (const chunk of source) {
              size += (chunk as Buffer).length;
              if (size > config.fileSizeLimit) tooLarge = true;
              if (!tooLarge) yield chunk as Buffer; // keep reading, stop writing
            }
          },
          out,
        );
        if (tooLarge) throw ERRORS.entityTooLarge();
      }
      const final = filePath(bucket, name);
      await mkdir(path.dirname(final), { recursive: true });
      if (upsert) await rm(final, { force: true });
      try {
        // link() never replaces an existing file: two uploads racing for one key, one wins.
        await link(tmp, final);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EEXIST") throw ERRORS.keyAlreadyExists();
        throw err;
      }
      const bytes = await readFile(final);
      const at = now().toISOString();
      const previous = await readMeta(bucket, name);
      const meta: ObjectMeta = {
        id: previous?.id ?? randomUUID(),
        version: randomUUID(),
        size: bytes.length,
        content_type: contentType,
        cache_control: cacheControl,
        etag: `"${createHash("md5").update(bytes).digest("hex")}"`,
        created_at: previous?.created_at ?? at,
        updated_at: at,
      };
      await mkdir(path.dirname(metaPath(bucket, name)), { recursive: true });
      await writeFile(metaPath(bucket, name), JSON.stringify(meta));
      return { Key: `${bucket}/${name}` };
    } finally {
      await drain(req);
      await unlink(tmp).catch(() => {});
    }
  }

  async function signDownload(req: IncomingMessage, url: URL, rest: string) {
    const who = caller(req, url);
    const { bucket, name } = splitObjectPath(rest);
    const body = await readJson(req);
    const expiresIn = body.expiresIn;
    if (typeof expiresIn !== "number" || !Number.isInteger(expiresIn))
      throw ERRORS.validation("body/expiresIn must be integer");
    if (expiresIn < 1) throw ERRORS.validation("body/expiresIn must be >= 1");
    if (who !== "service" || !(await readMeta(bucket, name))) throw ERRORS.noSuchKey();
    const objectUrl = `${bucket}/${name}`;
    const token = await sign({ url: objectUrl, scope: "download" }, expiresIn);
    return { signedURL: `/object/sign/${objectUrl}?token=${token}` };
  }

  /** storage-api's signObjectUrls: one entry per path, in order, an error for what is not there. */
  async function signDownloads(req: IncomingMessage, url: URL, bucket: string) {
    const who = caller(req, url);
    bucketOf(bucket);
    const body = await readJson(req);
    const { expiresIn, paths } = body;
    if (typeof expiresIn !== "number" || !Number.isInteger(expiresIn))
      throw ERRORS.validation("body/expiresIn must be integer");
    if (expiresIn < 1) throw ERRORS.validation("body/expiresIn must be >= 1");
    if (!Array.isArray(paths) || paths.some((p) => typeof p !== "string"))
      throw ERRORS.validation("body/paths must be array");
    if (paths.length < 1) throw ERRORS.validation("body/paths must NOT have fewer than 1 items");
    const out: { error: string | null; path: string; signedURL: string | null }[] = [];
    for (const name of paths as string[]) {
      const found = who === "service" && validKey(name) && (await readMeta(bucket, name));
      if (!found) {
        out.push({
          error: "Either the object does not exist or you do not have access to it",
          path: name,
          signedURL: null,
        });
        continue;
      }
      const objectUrl = `${bucket}/${name}`;
      const token = await sign({ url: objectUrl, scope: "download" }, expiresIn);
      out.push({ error: null, path: name, signedURL: `/object/sign/${objectUrl}?token=${token}` });
    }
    return out;
  }

  async function serveObject(
    req: IncomingMessage,
    res: ServerResponse,
    bucket: string,
    name: string,
    extra: { download?: string | null; expires?: string } = {},
  ) {
    const meta = await readMeta(bucket, name);
    if (!meta) throw ERRORS.noSuchKey();
    const type = meta.content_type.includes("text/html") ? "text/plain" : meta.content_type;
    const headers: Record<string, string | number> = {
      "Content-Type": type,
      "Content-Length": meta.size,
      ETag: meta.etag,
      "Last-Modified": new Date(meta.updated_at).toUTCString(),
      "Accept-Ranges": "bytes",
    };
    if (extra.expires) headers.Expires = extra.expires;
    else headers["Cache-Control"] = meta.cache_control;
    if (extra.download !== undefined && extra.download !== null) {
      const encoded = encodeURIComponent(extra.download);
      headers["Content-Disposition"] = extra.download
        ? `attachment; filename=${encoded}; filename*=UTF-8''${encoded};`
        : "attachment;";
    }
    const range = parseRange(
      typeof req.headers.range === "string" ? req.headers.range : undefined,
      meta.size,
    );
    if (range === "unsatisfiable") {
      res.writeHead(416, {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Range": `bytes */${meta.size}`,
      });
      return void res.end(
        JSON.stringify({
          statusCode: "416",
          code: "InvalidRange",
          error: "InvalidRange",
          message: "The requested range is not satisfiable",
        }),
      );
    }
    if (range) {
      headers["Content-Range"] = `bytes ${range.start}-${range.end}/${meta.size}`;
      headers["Content-Length"] = range.end - range.start + 1;
    }
    res.writeHead(range ? 206 : 200, headers);
    if (req.method === "HEAD") return void res.end();
    // A client that stops reading early (reading only the first bytes) closes the socket: not an error.
    await pipeline(createReadStream(filePath(bucket, name), range ?? undefined), res).catch(
      () => {},
    );
  }

  async function signedDownload(req: IncomingMessage, res: ServerResponse, url: URL, rest: string) {
    const { bucket, name } = splitObjectPath(rest);
    const { exp } = await verify(url.searchParams.get("token"), bucket, name, "download");
    await serveObject(req, res, bucket, name, {
      download: url.searchParams.get("download"),
      expires: new Date(exp * 1000).toUTCString(),
    });
  }

  async function info(req: IncomingMessage, url: URL, rest: string) {
    const who = caller(req, url);
    const { bucket, name } = splitObjectPath(rest);
    const meta = who === "service" ? await readMeta(bucket, name) : null;
    if (!meta) throw ERRORS.noSuchKey();
    return {
      id: meta.id,
      name,
      version: meta.version,
      bucket_id: bucket,
      size: meta.size,
      content_type: meta.content_type,
      cache_control: meta.cache_control,
      etag: meta.etag,
      metadata: {},
      last_modified: meta.updated_at,
      created_at: meta.created_at,
    };
  }

  async function removeObjects(req: IncomingMessage, url: URL, bucket: string) {
    const who = caller(req, url);
    bucketOf(bucket);
    const body = await readJson(req);
    const prefixes = body.prefixes;
    if (!Array.isArray(prefixes) || prefixes.some((p) => typeof p !== "string"))
      throw ERRORS.validation("body/prefixes must be array");
    if (prefixes.length < 1)
      throw ERRORS.validation("body/prefixes must NOT have fewer than 1 items");
    if (who !== "service") return [];
    const removed: Record<string, unknown>[] = [];
    for (const name of prefixes as string[]) {
      if (!validKey(name)) continue;
      const meta = await readMeta(bucket, name);
      if (!meta) continue;
      await rm(filePath(bucket, name), { force: true });
      await rm(metaPath(bucket, name), { force: true });
      removed.push({
        bucket_id: bucket,
        name,
        id: meta.id,
        updated_at: meta.updated_at,
        created_at: meta.created_at,
        last_accessed_at: meta.updated_at,
        metadata: {
          eTag: meta.etag,
          size: meta.size,
          mimetype: meta.content_type,
          cacheControl: meta.cache_control,
        },
      });
    }
    return removed;
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, p: string) {
    const method = req.method ?? "GET";
    let m: RegExpExecArray | null;
    if ((m = /^\/object\/upload\/sign\/(.+)$/.exec(p))) {
      if (method === "POST") return sendJson(res, 200, await signUpload(req, url, m[1]!));
      if (method === "PUT") return sendJson(res, 200, await uploadSigned(req, url, m[1]!));
    } else if ((m = /^\/object\/sign\/([^/]+)\/?$/.exec(p)) && method === "POST") {
      return sendJson(res, 200, await signDownloads(req, url, decodeURIComponent(m[1]!)));
    } else if ((m = /^\/object\/sign\/(.+)$/.exec(p))) {
      if (method === "POST") return sendJson(res, 200, await signDownload(req, url, m[1]!));
      if (method === "GET" || method === "HEAD") return signedDownload(req, res, url, m[1]!);
    } else if ((m = /^\/object\/info\/(?:authenticated\/)?(.+)$/.exec(p))) {
      if (method === "GET") return sendJson(res, 200, await info(req, url, m[1]!));
    } else if ((m = /^\/object\/([^/]+)\/?$/.exec(p)) && method === "DELETE") {
      return sendJson(res, 200, await removeObjects(req, url, decodeURIComponent(m[1]!)));
    } else if ((m = /^\/object\/(?:authenticated\/)?([^/]+\/.+)$/.exec(p))) {
      if (method === "GET" || method === "HEAD") {
        const who = caller(req, url);
        const { bucket, name } = splitObjectPath(m[1]!);
        if (who !== "service") throw ERRORS.noSuchKey();
        return serveObject(req, res, bucket, name);
      }
    }
    throw new StorageError(404, {
      statusCode: "404",
      error: "Not Found",
      message: `Route ${method}:/storage/v1${p} not found`,
    });
  }

  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== "/storage/v1" && !url.pathname.startsWith("/storage/v1/")) return false;
    const started = performance.now();
    const p = url.pathname.slice("/storage/v1".length);
    setCors(req, res);
    const done = (status: number) =>
      options.onRequest?.({
        method: req.method ?? "",
        path: url.pathname,
        status,
        ms: Math.round(performance.now() - started),
      });
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "Access-Control-Allow-Methods": "GET, HEAD, POST, PUT, DELETE, OPTIONS",
        "Access-Control-Allow-Headers":
          req.headers["access-control-request-headers"] ??
          "authorization, x-client-info, apikey, content-type, x-upsert, cache-control",
        "Access-Control-Max-Age": "86400",
      });
      res.end();
      done(204);
      return true;
    }
    route(req, res, url, p)
      .then(() => done(res.statusCode))
      .catch(async (err: unknown) => {
        // Read what the client is still sending first, so that it gets to read the answer.
        await drain(req);
        if (err instanceof StorageError) {
          sendJson(res, err.status, err.body);
          return done(err.status);
        }
        log(`unexpected error on ${req.method} ${url.pathname}: ${String(err)}`);
        sendJson(res, 500, {
          statusCode: "500",
          code: "InternalError",
          error: "InternalError",
          message: "Internal server error",
        });
        done(500);
      });
    return true;
  };
}
