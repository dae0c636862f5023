import { sql } from "drizzle-orm";
import type { Db } from "./client.server.ts";
import { logger } from "../logger.server.ts";

/**
 * Whether a database is out of reach, as the web server sees it: set when a query fails because
 * the connection failed (not because the query was wrong), cleared by a probe once a query
 * succeeds again. While it is set, pages that need the database answer 503 and cached public
 * pages keep being served; nothing needs a restart when the database returns.
 */
interface Health {
  down: boolean;
  probe?: NodeJS.Timeout;
}

const states = new WeakMap<Db, Health>();
const PROBE_MS = 1000;

// Node's network errors and PostgreSQL's connection-exception (08…) and operator-intervention
// (57P01–57P03: shut down, crashed, starting) classes: the database, not the request, is at fault.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);
const LOST_MESSAGE =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed|Cannot use a pool after calling end|the database system is (?:starting up|shutting down)/i;

type ErrorLike = { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };

/**
 * An error and the errors behind it: its causes (drizzle wraps the driver's error) and, for an
 * AggregateError (a host name with several addresses, each refused), each of its errors.
 */
function* chainOf(error: unknown, depth = 0): Generator<ErrorLike> {
  if (!error || typeof error !== "object" || depth >= 8) return;
  const link = error as ErrorLike;
  yield link;
  if (Array.isArray(link.errors)) for (const inner of link.errors) yield* chainOf(inner, depth + 1);
  yield* chainOf(link.cause, depth + 1);
}

/** Whether an error (or one behind it) says the database could not be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const { code, message } of chainOf(error)) {
    if (typeof code === "string" && (NETWORK_CODES.has(code) || code.startsWith("08") || /^57P0[123]$/.test(code))) return true;
    if (typeof message === "string" && LOST_MESSAGE.test(message)) return true;
  }
  return false;
}

export function databaseIsDown(db: Db): boolean {
  return states.get(db)?.down ?? false;
}

/**
 * Notes a failed query's error: when it says the database is out of reach, the database is
 * marked down (a probe then checks every second) and true is returned.
 */
export function noteDatabaseError(db: Db, error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  const state = states.get(db) ?? { down: false };
  states.set(db, state);
  if (state.down) return true;
  state.down = true;
  logger.warn({ err: error }, "database out of reach: pages answer 503 and cached public pages are served until it is back");
  const health = state;
  const probe = () => {
    db.execute(sql`select 1`).then(
      () => {
        health.down = false;
        health.probe = undefined;
        logger.info("database reachable again");
      },
      () => {
        health.probe = setTimeout(probe, PROBE_MS);
        health.probe.unref();
      },
    );
  };
  health.probe = setTimeout(probe, PROBE_MS);
  health.probe.unref();
  return true;
}

/**
 * One line for an operator when the database cannot be opened at start: which server, what went
 * wrong and what to check; null when the error is something else (then it is a bug, with its
 * stack). Never the password.
 */
export function describeConnectionFailure(error: unknown, databaseUrl: string | undefined): string | null {
  if (!databaseUrl) return null;
  let where = "the PostgreSQL server in DATABASE_URL";
  try {
    const url = new URL(databaseUrl);
    where = `PostgreSQL at ${url.hostname || "localhost"}:${url.port || "5432"} (database ${url.pathname.slice(1) || url.username || "?"})`;
  } catch {
    return "DATABASE_URL is not a valid URL: expected postgres://user:password@host:5432/database.";
  }
  const code = codeOf(error);
  if (isDatabaseUnavailable(error))
    return `Cannot reach ${where} (${code || "connection lost"}). Check that PostgreSQL is running and that the host and port in DATABASE_URL are right.`;
  if (code.startsWith("28")) return `${where} refused the sign-in (${code}): check the user name and password in DATABASE_URL.`;
  if (code === "3D000") return `${where} has no such database (${code}): create it (createdb) or correct DATABASE_URL.`;
  return null;
}

/** The first error code behind an error. */
function codeOf(error: unknown): string {
  for (const { code } of chainOf(error)) if (typeof code === "string" && code) return code;
  return "";
}
