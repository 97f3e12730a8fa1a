// Structured logs: one JSON object per line, with the request id when there is one.
import { getEnv } from "@/lib/env";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
type Fields = Record<string, unknown>;

function serializeError(err: unknown) {
  if (err instanceof Error) {
    return {
      name: err.name,
      message: err.message,
      stack: err.stack,
      code: (err as { code?: unknown }).code,
    };
  }
  return err;
}

function write(level: Level, bindings: Fields, msg: string, fields?: Fields) {
  let threshold: Level = "info";
  try {
    threshold = getEnv().LOG_LEVEL;
  } catch {
    // Logging must work even when the environment is invalid (that is what we may be logging).
  }
  if (order[level] < order[threshold]) return;
  const entry: Fields = { level, time: new Date().toISOString(), msg, ...bindings, ...fields };
  if (entry.err) entry.err = serializeError(entry.err);
  const line = JSON.stringify(entry);
  if (level === "error" || level === "warn") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}

export type Logger = {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(bindings: Fields): Logger;
};

export function createLogger(bindings: Fields = {}): Logger {
  return {
    debug: (msg, f) => write("debug", bindings, msg, f),
    info: (msg, f) => write("info", bindings, msg, f),
    warn: (msg, f) => write("warn", bindings, msg, f),
    error: (msg, f) => write("error", bindings, msg, f),
    child: (more) => createLogger({ ...bindings, ...more }),
  };
}

export const logger = createLogger();
