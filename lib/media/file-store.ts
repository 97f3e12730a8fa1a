// FileStore: files never pass through our server (DESIGN §5). The browser PUTs bytes to a short-lived
// signed upload URL; the server then inspects the stored object (size, MIME, first bytes) and hands out
// signed download URLs. One implementation, over Supabase Storage with the official SDK; locally the
// storage stand-in (scripts/stand-ins/storage.ts) answers at the same SUPABASE_URL.
import "server-only";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import WebSocket from "ws";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type Bucket = "logos" | "media";

export type SignedUpload = {
  /** Where the browser PUTs the bytes (the token is in the query string). */
  url: string;
  path: string;
  token: string;
};

export type ObjectStat = { size: number; contentType: string | null };

export interface FileStore {
  /** A signed URL that accepts one upload to `path` (never overwrites an existing object). */
  createUploadUrl(bucket: Bucket, path: string): Promise<SignedUpload>;
  /** Size and stored Content-Type, or null when there is no such object. */
  statObject(bucket: Bucket, path: string): Promise<ObjectStat | null>;
  /**
   * The first `bytes` bytes of the object (fewer if it is shorter), or null when there is none. A
   * ranged read: a 100 MB document costs what its header does.
   */
  readHead(bucket: Bucket, path: string, bytes: number): Promise<Uint8Array | null>;
  createDownloadUrl(bucket: Bucket, path: string, expiresInSeconds: number): Promise<string>;
  /** Signed download URLs for many objects in one call, in `paths` order; null for a missing one. */
  createDownloadUrls(
    bucket: Bucket,
    paths: string[],
    expiresInSeconds: number,
  ): Promise<(string | null)[]>;
  /** Removes the objects; absent ones are ignored. */
  remove(bucket: Bucket, paths: string[]): Promise<void>;
}

type StorageErrorLike = { status?: number; statusCode?: string; message?: string };

// Storage answers most errors with HTTP 400 and the real status in the body's statusCode.
const isNotFound = (error: StorageErrorLike) =>
  error.statusCode === "404" || (error.status === 404 && !error.statusCode);

function unavailable(operation: string, error: StorageErrorLike): AppError {
  return new AppError(
    "dependency_unavailable",
    "File storage is not answering right now. Please try again in a moment.",
    {
      cause: new Error(
        `storage ${operation} failed: ${error.statusCode ?? error.status} ${error.message}`,
      ),
    },
  );
}

/** Lifetime of the URL readHead signs for itself. */
const HEAD_URL_TTL_SECONDS = 60;
const HEAD_TIMEOUT_MS = 15_000;
/** Paths per createSignedUrls call. */
const SIGN_BATCH = 200;

async function readRange(url: string, bytes: number): Promise<Uint8Array | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), HEAD_TIMEOUT_MS);
  try {
    const res = await fetch(url, {
      headers: { Range: `bytes=0-${bytes - 1}` },
      cache: "no-store",
      signal: controller.signal,
    });
    if (res.status === 206) return new Uint8Array(await res.arrayBuffer()).slice(0, bytes);
    // An empty object has no byte 0 to start a range at.
    if (res.status === 416) {
      await res.arrayBuffer();
      return new Uint8Array();
    }
    if (res.status === 200) {
      // A server that ignored the Range header: take what is needed, then drop the connection.
      const out = new Uint8Array(bytes);
      let filled = 0;
      const reader = res.body!.getReader();
      while (filled < bytes) {
        const { done, value } = await reader.read();
        if (done) break;
        const take = Math.min(value.length, bytes - filled);
        out.set(value.subarray(0, take), filled);
        filled += take;
      }
      controller.abort();
      return out.slice(0, filled);
    }
    // Storage's errors: JSON with the real status as a string.
    const body = (await res.json().catch(() => ({}))) as StorageErrorLike;
    if (isNotFound({ ...body, status: res.status })) return null;
    if (body.statusCode === "416") return new Uint8Array();
    throw unavailable("ranged download", { ...body, status: res.status });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unavailable("ranged download", { message: String(err) });
  } finally {
    clearTimeout(timer);
  }
}

export function createSupabaseFileStore(config: { url: string; secretKey: string }): FileStore {
  const client: SupabaseClient = createClient(config.url, config.secretKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // Node 20 has no global WebSocket; supabase-js's realtime client needs one to construct.
    realtime: { transport: WebSocket as never },
  });
  const from = (bucket: Bucket) => client.storage.from(bucket);

  return {
    async createUploadUrl(bucket, path) {
      const { data, error } = await from(bucket).createSignedUploadUrl(path);
      if (error) throw unavailable("createSignedUploadUrl", error as StorageErrorLike);
      return { url: data.signedUrl, path: data.path, token: data.token };
    },

    async statObject(bucket, path) {
      const { data, error } = await from(bucket).info(path);
      if (error) {
        if (isNotFound(error as StorageErrorLike)) return null;
        throw unavailable("info", error as StorageErrorLike);
      }
      return { size: Number(data.size ?? 0), contentType: data.contentType ?? null };
    },

    async readHead(bucket, path, bytes) {
      // A Range request on a short-lived signed URL (storage-js's download() has no range). The body
      // of a 206 is small and read whole: cancelling a streamed body mid-way hangs under Next's
      // patched fetch, so a stream is only ever cut short by aborting the request.
      const { data, error } = await from(bucket).createSignedUrl(path, HEAD_URL_TTL_SECONDS);
      if (error) {
        if (isNotFound(error as StorageErrorLike)) return null;
        throw unavailable("createSignedUrl", error as StorageErrorLike);
      }
      return readRange(data.signedUrl, Math.max(1, bytes)).then(
        (head) => head?.slice(0, bytes) ?? null,
      );
    },

    async createDownloadUrl(bucket, path, expiresInSeconds) {
      const { data, error } = await from(bucket).createSignedUrl(path, expiresInSeconds);
      if (error) throw unavailable("createSignedUrl", error as StorageErrorLike);
      return data.signedUrl;
    },

    async createDownloadUrls(bucket, paths, expiresInSeconds) {
      const urls: (string | null)[] = [];
      for (let i = 0; i < paths.length; i += SIGN_BATCH) {
        const batch = paths.slice(i, i + SIGN_BATCH);
        const { data, error } = await from(bucket).createSignedUrls(batch, expiresInSeconds);
        if (error) throw unavailable("createSignedUrls", error as StorageErrorLike);
        const byPath = new Map(data.map((d) => [d.path, d.error ? null : d.signedUrl]));
        urls.push(...batch.map((p) => byPath.get(p) ?? null));
      }
      return urls;
    },

    async remove(bucket, paths) {
      if (paths.length === 0) return;
      const { error } = await from(bucket).remove(paths);
      if (error) throw unavailable("remove", error as StorageErrorLike);
    },
  };
}

let store: FileStore | undefined;

/** The FileStore for this process, from SUPABASE_URL and SUPABASE_SECRET_KEY. */
export function getFileStore(): FileStore {
  if (store) return store;
  const env = getEnv();
  if (!env.SUPABASE_SECRET_KEY) {
    throw new Error(
      "SUPABASE_SECRET_KEY is not set: file uploads need it (Supabase → Project Settings → API Keys → secret key)",
    );
  }
  store = createSupabaseFileStore({ url: env.SUPABASE_URL, secretKey: env.SUPABASE_SECRET_KEY });
  return store;
}
