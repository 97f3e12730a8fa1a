// The server's "now" (DESIGN §4): code that compares with the current time (scheduling refuses the
// past) reads it here and passes it on — to SQL functions too — so tests can set it.
let fixed: Date | null = null;

export function getNow(): Date {
  return fixed ? new Date(fixed.getTime()) : new Date();
}

/** Tests only: freezes the clock at `at`, or back to real time with null. */
export function setNow(at: Date | string | null): void {
  fixed = at === null ? null : new Date(at);
  if (fixed && Number.isNaN(fixed.getTime())) throw new Error(`setNow: not a time: ${String(at)}`);
}
