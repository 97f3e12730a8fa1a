// The server's "now" (DESIGN §4): code that compares with the current time (scheduling refuses the
// past) reads it here and passes it on — to SQL functions too — so tests can set it: in process
// with setNow, or for a whole server with FIXED_NOW (browser tests).
import { getEnv } from "@/lib/env";

let fixed: Date | null = null;
let fromEnv: Date | null | undefined;

export function getNow(): Date {
  if (fixed) return new Date(fixed.getTime());
  if (fromEnv === undefined) {
    const at = getEnv().FIXED_NOW;
    fromEnv = at ? new Date(at) : null;
  }
  return fromEnv ? new Date(fromEnv.getTime()) : new Date();
}

/** Tests only: freezes the clock at `at`, or back to real time with null. */
export function setNow(at: Date | string | null): void {
  fixed = at === null ? null : new Date(at);
  if (fixed && Number.isNaN(fixed.getTime())) throw new Error(`setNow: not a time: ${String(at)}`);
}
