// What a logo may be: shared by the browser (early, friendly refusals) and the server (the real checks).
import { formatBytes, imageTypes } from "@/lib/media/image-types";

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

/** For <input type="file" accept>. */
export const logoAccept = Object.keys(imageTypes).join(",");

const labels = Object.values(imageTypes)
  .map((t) => t.label)
  .join(", ");

export const logoMessages = {
  type: `Use a ${labels} image. SVG is not accepted.`,
  empty: "That file is empty.",
  tooLarge: (size: number) => `That file is ${formatBytes(size)}. Logos can be up to 2 MB.`,
  notImage: `That file is not a ${labels} image.`,
};
