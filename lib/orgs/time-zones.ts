// IANA zones the runtime knows, for the time zone pickers (the database checks against its own list).
let cached: string[] | undefined;

export function listTimeZones(): string[] {
  cached ??= ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
  return cached;
}
