// Browser side of the FileStore protocol: PUT the bytes straight to the signed upload URL, with upload
// progress (XMLHttpRequest: fetch has no upload progress) and cancellation. Client-safe: no secrets.

export type UploadResult =
  | { ok: true }
  | { ok: false; aborted: boolean; status: number; code: string | null; message: string };

/** Storage answers errors as JSON `{ statusCode, error, message }` (statusCode is a string). */
function describeFailure(status: number, body: string): { code: string | null; message: string } {
  let code: string | null = null;
  let detail = "";
  try {
    const parsed = JSON.parse(body) as { statusCode?: string; message?: string };
    code = parsed.statusCode ?? null;
    detail = parsed.message ?? "";
  } catch {
    // not JSON (a proxy's HTML page, an empty body)
  }
  if (code === "413") return { code, message: "That file is larger than storage accepts." };
  if (code === "415") return { code, message: "Storage does not accept this type of file." };
  if (code === "409") return { code, message: "That upload link was already used. Try again." };
  if (/expired/i.test(detail))
    return { code, message: "The upload link expired before the upload finished. Try again." };
  return {
    code,
    message: `The upload failed${status ? ` (${status}${detail ? `: ${detail}` : ""})` : ""}. Check your connection and try again.`,
  };
}

export function uploadToSignedUrl(
  url: string,
  file: Blob,
  contentType: string,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    xhr.setRequestHeader("Content-Type", contentType);
    xhr.setRequestHeader("x-upsert", "false");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) options.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(1);
        resolve({ ok: true });
      } else {
        resolve({
          ok: false,
          aborted: false,
          status: xhr.status,
          ...describeFailure(xhr.status, xhr.responseText),
        });
      }
    };
    xhr.onerror = () =>
      resolve({
        ok: false,
        aborted: false,
        status: 0,
        code: null,
        message: "The upload could not reach storage. Check your connection and try again.",
      });
    xhr.onabort = () =>
      resolve({ ok: false, aborted: true, status: 0, code: null, message: "Upload cancelled." });
    if (options.signal) {
      if (options.signal.aborted) return xhr.abort();
      options.signal.addEventListener("abort", () => xhr.abort(), { once: true });
    }
    xhr.send(file);
  });
}
