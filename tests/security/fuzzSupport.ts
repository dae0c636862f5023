import { Agent, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import type { Db } from "../../src/db/client.server.ts";

/**
 * The machinery of the fuzz suites (fuzz-*.test.ts): one seed, a raw HTTP client that sends
 * exactly the bytes it is given, a fingerprint of the database, and a runner that sends cases a
 * few at a time and collects every server error and every refused request that changed a row.
 */

/** FUZZ_SEED replays a run; without it each run draws a new seed, printed with any failure. */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
/** FUZZ_SCALE multiplies the number of cases (0.1 for a quick look, 10 for a long night). */
export const FUZZ_SCALE = process.env.FUZZ_SCALE ? Number(process.env.FUZZ_SCALE) : 1;

export function runs(count: number): number {
  return Math.max(1, Math.round(count * FUZZ_SCALE));
}

/** Cases drawn from an arbitrary with the run's seed (offset per suite, so suites differ). */
export function sample<T>(arbitrary: fc.Arbitrary<T>, count: number, offset: number): T[] {
  return fc.sample(arbitrary, { seed: FUZZ_SEED + offset, numRuns: runs(count) });
}

/** The list in an order fixed by the seed: the routes' cases mixed, so that a batch holds several routes. */
export function shuffled<T>(list: T[]): T[] {
  let state = FUZZ_SEED >>> 0;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// HTTP exactly as given: the path is sent as it is (percent escapes, invalid UTF-8 and all).

export interface RawRequest {
  method: string;
  /** Path and query as sent on the request line. */
  path: string;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body's first `keep` bytes (8 KB unless asked for more), as text: for the failure report. */
  body: string;
}

// A connection per request: a kept-alive socket that the server closes as it is reused would
// show as a failure of the request that happened to be sent on it.
const agent = new Agent({ keepAlive: false });

export function send(base: string, req: RawRequest, keep = 8192): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  const headers = { ...req.headers };
  if (req.body !== undefined && !headers["transfer-encoding"]) headers["content-length"] = String(Buffer.byteLength(req.body));
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: hostname, port, method: req.method, path: req.path, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        if (size < keep) chunks.push(chunk);
        size += chunk.length;
      });
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).subarray(0, keep).toString("utf8"),
        }),
      );
      response.on("error", reject);
    });
    outgoing.on("error", reject);
    if (req.body !== undefined) outgoing.write(req.body);
    outgoing.end();
  });
}

export function baseOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

// ---------------------------------------------------------------------------------------------
// Who sends: cookies and the CSRF token of one browser.

export interface Identity {
  name: string;
  /** The Cookie header: the CSRF cookie, and the session when signed in. */
  cookie: string;
  /** The form token that belongs to the CSRF cookie. */
  token: string;
}

function cookiesOf(response: RawResponse, kept: Map<string, string>) {
  const set = response.headers["set-cookie"];
  for (const cookie of Array.isArray(set) ? set : set ? [set] : []) {
    const [pair] = cookie.split(";");
    const [name, ...value] = pair!.split("=");
    if (/Max-Age=0/i.test(cookie)) kept.delete(name!.trim());
    else kept.set(name!.trim(), value.join("="));
  }
}

/** A browser that has loaded the sign-in page (CSRF cookie and token), then signed in if an e-mail is given. */
export async function identity(base: string, name: string, email?: string, password?: string): Promise<Identity> {
  const kept = new Map<string, string>();
  const header = () => [...kept].map(([k, v]) => `${k}=${v}`).join("; ");
  const page = await send(base, { method: "GET", path: "/logga-in" }, 1 << 20);
  cookiesOf(page, kept);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error("no CSRF token on /logga-in");
  if (email) {
    const body = new URLSearchParams({ email, password: password ?? "", tillbaka: "/arbetsyta", _csrf: token }).toString();
    const signedIn = await send(base, {
      method: "POST",
      path: "/logga-in",
      headers: { cookie: header(), "content-type": "application/x-www-form-urlencoded", origin: base },
      body,
    });
    if (signedIn.status !== 302) throw new Error(`sign-in as ${email} failed: ${signedIn.status}`);
    cookiesOf(signedIn, kept);
  }
  return { name, cookie: header(), token };
}

// ---------------------------------------------------------------------------------------------
// The database's fingerprint: every row of every table a request may change.

/**
 * Tables a refused request may change by design, left out of the fingerprint: sessions (reading
 * a page refreshes its expiry; signing in and out is what they are for), better-auth's
 * verifications, and the sign-in throttle and rate-limit counters (a refused sign-in counts).
 */
export const VOLATILE_TABLES = ["sessions", "verifications", "rate_counters"];

/** One SQL statement that gives each table's row count and an order-free hash of its rows. */
export async function fingerprinter(db: Db): Promise<() => Promise<Record<string, string>>> {
  const { rows } = (await db.execute(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  )) as unknown as { rows: { name: string }[] };
  const tables = rows.map((r) => r.name).filter((name) => !VOLATILE_TABLES.includes(name));
  const parts = tables.map(
    (name) => `'${name}', (select count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0) from "${name}" t)`,
  );
  const query = sql.raw(`select json_build_object(${parts.join(", ")}) as fingerprint`);
  return async () => {
    const result = (await db.execute(query)) as unknown as { rows: { fingerprint: Record<string, string> }[] };
    const value = result.rows[0]!.fingerprint;
    return typeof value === "string" ? JSON.parse(value) : value;
  };
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}

// ---------------------------------------------------------------------------------------------
// The runner.

export interface FuzzCase {
  /** Groups failures in the report: the route pattern (and what kind of case it is). */
  target: string;
  request: RawRequest;
  /** A case that must change nothing whatever it is answered (a forged or wrong-method post). */
  mustNotChange?: boolean;
}

export interface Failure {
  target: string;
  kind: "server error" | "changed rows" | "no answer";
  status?: number;
  detail: string;
  request: RawRequest;
}

export interface FuzzOutcome {
  /** Requests sent, not counting those sent again to pin a change on one of them. */
  cases: number;
  resent: number;
  statuses: Record<string, Record<number, number>>;
  /** Milliseconds spent per target and on fingerprints (FUZZ_VERBOSE shows where the time goes). */
  time: Record<string, number>;
  /** The whole run: wall-clock and this process's CPU milliseconds (server and database included). */
  ms: number;
  cpuMs: number;
  failures: Failure[];
}

const refused = (status: number) => status >= 400 && status < 500;

/**
 * Sends the cases `concurrency` at a time, and takes the database's fingerprint around every
 * `window` batches (1 for forms; more where every case must change nothing, which is cheaper). A
 * server error is a failure; so is a change to the database in a window whose requests were all
 * refused or must change nothing. When some request of a window was accepted (and may have
 * changed rows), its refused ones are sent again one at a time with the fingerprint taken around
 * each, so that a change is pinned on the request that made it. `every` runs a set-up step
 * between windows now and then.
 */
export async function runCases(
  base: string,
  cases: FuzzCase[],
  takeFingerprint: () => Promise<Record<string, string>>,
  options: { concurrency?: number; window?: number; every?: { windows: number; run: () => Promise<void> } } = {},
): Promise<FuzzOutcome> {
  const concurrency = options.concurrency ?? 8;
  const size = concurrency * (options.window ?? 1);
  const outcome: FuzzOutcome = { cases: 0, resent: 0, statuses: {}, time: {}, ms: 0, cpuMs: 0, failures: [] };
  const [started, cpu] = [performance.now(), process.cpuUsage()];
  const fingerprint = async () => {
    const started = performance.now();
    const value = await takeFingerprint();
    outcome.time.fingerprint = (outcome.time.fingerprint ?? 0) + performance.now() - started;
    return value;
  };
  const record = (c: FuzzCase, status: number) => {
    const counts = outcome.statuses[c.target] ?? {};
    counts[status] = (counts[status] ?? 0) + 1;
    outcome.statuses[c.target] = counts;
    outcome.cases++;
  };
  const attempt = async (c: FuzzCase, again = false): Promise<RawResponse | null> => {
    const started = performance.now();
    try {
      const response = await send(base, c.request);
      outcome.time[c.target] = (outcome.time[c.target] ?? 0) + performance.now() - started;
      if (process.env.FUZZ_DEBUG && c.target.includes(process.env.FUZZ_DEBUG))
        console.log(
          "DEBUG",
          c.request.method,
          c.request.path,
          String(c.request.body).slice(0, 300),
          "→",
          response.status,
          response.body.slice(0, 300),
        );
      if (again) outcome.resent++;
      else record(c, response.status);
      if (response.status >= 500)
        outcome.failures.push({
          target: c.target,
          kind: "server error",
          status: response.status,
          detail: response.body.slice(0, 300),
          request: c.request,
        });
      return response;
    } catch (error) {
      if (!again) record(c, 0);
      outcome.failures.push({ target: c.target, kind: "no answer", detail: String(error), request: c.request });
      return null;
    }
  };
  const shouldHold = (c: FuzzCase, r: RawResponse | null) => r !== null && (c.mustNotChange === true || refused(r.status));

  for (let i = 0; i < cases.length; i += size) {
    if (options.every && (i / size) % options.every.windows === options.every.windows - 1) await options.every.run();
    const window = cases.slice(i, i + size);
    const before = await fingerprint();
    const answers: (RawResponse | null)[] = [];
    for (let j = 0; j < window.length; j += concurrency)
      answers.push(...(await Promise.all(window.slice(j, j + concurrency).map((c) => attempt(c)))));
    const changed = changedTables(before, await fingerprint());
    if (changed.length === 0) continue;
    const held = window.filter((c, j) => shouldHold(c, answers[j]!));
    let pinned = false;
    for (const c of held) {
      const first = await fingerprint();
      const again = await attempt(c, true);
      const tables = changedTables(first, await fingerprint());
      if (tables.length > 0 && shouldHold(c, again)) {
        pinned = true;
        outcome.failures.push({
          target: c.target,
          kind: "changed rows",
          status: again!.status,
          detail: `answered ${again!.status} (${c.mustNotChange ? "must change nothing" : "refused"}) but changed ${tables.join(", ")}`,
          request: c.request,
        });
      }
    }
    if (!pinned && held.length === window.length) {
      // Not reproduced alone (a used token, a step already taken): name the requests that were
      // answered as if accepted although they must change nothing, or else the whole window.
      const suspects = window.filter((c, j) => c.mustNotChange && answers[j]!.status < 400);
      for (const c of suspects.length > 0 ? suspects : window)
        outcome.failures.push({
          target: c.target,
          kind: "changed rows",
          status: answers[window.indexOf(c)]!.status,
          detail: `${changed.join(", ")} changed while all requests sent with this one were refused or must change nothing${suspects.length > 0 ? "; this one was answered as if accepted" : ""}`,
          request: c.request,
        });
    }
  }
  outcome.ms = performance.now() - started;
  outcome.cpuMs = process.cpuUsage(cpu).user / 1000;
  return outcome;
}

/** Statuses and time per target: what FUZZ_VERBOSE prints, to see what the cases reach. */
export function describeOutcome(outcome: FuzzOutcome): string {
  const head = `${outcome.cases} cases (${outcome.resent} sent again) in ${Math.round(outcome.ms)} ms, CPU ${Math.round(outcome.cpuMs)} ms`;
  const rows = Object.entries(outcome.time)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([target, ms]) => `${target}: ${JSON.stringify(outcome.statuses[target] ?? {})} ${Math.round(ms)} ms`);
  return [head, ...rows].join("\n");
}

function shown(value: RawRequest["body"]): string {
  if (value === undefined) return "";
  const text = typeof value === "string" ? value : Buffer.from(value).toString("latin1");
  const escaped = JSON.stringify(text.length > 240 ? `${text.slice(0, 240)}…(${text.length} chars)` : text);
  return ` body ${escaped}`;
}

/** The failures grouped by route, kind and status, with one example each: the message of a failed run. */
export function report(title: string, outcome: FuzzOutcome): string {
  const groups = new Map<string, Failure[]>();
  for (const failure of outcome.failures) {
    const key = `${failure.kind} ${failure.status ?? ""} on ${failure.target}`;
    groups.set(key, [...(groups.get(key) ?? []), failure]);
  }
  const size = (f: Failure) => f.request.path.length + (f.request.body?.length ?? 0);
  const lines = [...groups].map(([key, list]) => {
    // The shortest example of the group: the easiest to read and to replay.
    const f = list.reduce((a, b) => (size(b) < size(a) ? b : a));
    const headers = f.request.headers?.["content-type"] ? ` (${f.request.headers["content-type"]})` : "";
    const path = f.request.path.length > 300 ? `${f.request.path.slice(0, 300)}…` : f.request.path;
    return `- ${list.length}× ${key}\n    e.g. ${f.request.method} ${path}${headers}${shown(f.request.body)}\n    → ${f.detail.replace(/\s+/g, " ").slice(0, 200)}`;
  });
  return (
    `${title}: ${outcome.failures.length} failures in ${outcome.cases} requests (FUZZ_SEED=${FUZZ_SEED} replays this run)\n` +
    lines.join("\n")
  );
}
