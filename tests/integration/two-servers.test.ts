import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Database } from "../../src/db/client.server.ts";
import { evaluations } from "../../src/db/schema.server.ts";
import { getAgreement } from "../../src/services/scoring/agreement.server.ts";
import { saveMyScore, submitMyScoring } from "../../src/services/scoring/myScoring.server.ts";
import { poolSizeFor, workerCount } from "../../server/cluster.ts";
import { completeTestEvaluation, moveTo, moveToScoring } from "../support/cycle.ts";
import { TESTKOPING } from "../support/fictional.ts";
import { TestClient } from "../support/http.ts";
import { type RoundRobinProxy, startRoundRobinProxy } from "../support/roundRobinProxy.ts";
import { type Cast, createCast, createTestEvaluation } from "../support/workspace.ts";

// Servers as production runs them (`node server/index.js`, the built app: npm test builds before
// vitest) on one PostgreSQL, behind a round-robin balancer with no stickiness, and the CLI as one
// more process: what one of them changes must hold in the others at once. Needs TEST_POSTGRES_URL.
const root = new URL("../../", import.meta.url).pathname;
const adminUrl = process.env.TEST_POSTGRES_URL;
// Ports of their own per run, so that parallel runs on one machine do not meet; below Linux's
// ephemeral range (32768 and up), so that no outgoing connection holds them. TEST_PORT_BASE
// chooses them where a machine's ports are shared out.
const base = Number(process.env.TEST_PORT_BASE) || 20_000 + (process.pid % 3_000) * 4;
const [A, B, PROXY, WORKERS] = [base, base + 1, base + 2, base + 3];
const local = (port: number) => `http://127.0.0.1:${port}`;
const PASSWORD = "ett-langt-losenord";

interface Started {
  child: ChildProcess;
  /** Everything the process wrote to stdout so far (pino's JSON lines). */
  lines: string[];
}

describe.skipIf(!adminUrl)("two servers, a balancer and the CLI on one PostgreSQL", () => {
  const name = `kompass_two_${process.pid}`;
  const folder = mkdtempSync(join(tmpdir(), "kompass-two-"));
  let url = "";
  let database: Database;
  let cast: Cast;
  let proxy: RoundRobinProxy;
  const started: Started[] = [];

  const env = (extra: Record<string, string> = {}) => ({
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url,
    KOMPASS_DEMO: "false",
    KOMPASS_REMINDERS: "off",
    KOMPASS_WORKERS: "1",
    LOG_LEVEL: "warn",
    KOMPASS_DATA_DIR: join(folder, "unused"),
    ...extra,
  });
  const start = async (port: number, extra: Record<string, string> = {}): Promise<Started> => {
    const child = spawn(process.execPath, [join(root, "server/index.js")], {
      cwd: root,
      env: { ...env(extra), PORT: String(port) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const server = { child, lines: [] as string[] };
    started.push(server);
    let rest = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      const text = rest + chunk.toString("utf8");
      const lines = text.split("\n");
      rest = lines.pop()!;
      server.lines.push(...lines);
    });
    for (let i = 0; i < 1200; i++) {
      if (child.exitCode !== null) throw new Error(`the server on port ${port} exited with ${child.exitCode}`);
      if ((await fetch(`${local(port)}/`).catch(() => null))?.ok) return server;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the server on port ${port} did not start`);
  };
  const stopped = ({ child }: Started) =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve(child.exitCode)
      : new Promise<number | null>((resolve) => {
          child.once("exit", (code) => resolve(code));
          child.kill("SIGTERM");
        });

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(adminUrl!);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    // Both at once on the empty database: one prepares it while the other waits (the start lock).
    await Promise.all([start(A), start(B)]);
    proxy = await startRoundRobinProxy([local(A), local(B)], { port: PROXY });
    // The people and the fictional Testköping, written by the test's own process as another server would.
    database = await openPostgres(url, 2);
    cast = await createCast(database.db);
  }, 240_000);

  afterAll(async () => {
    await proxy?.close();
    await Promise.all(started.map(stopped));
    await database?.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(folder, { recursive: true, force: true });
  });

  const signedIn = async (email: string, port: number) => {
    const client = new TestClient(local(port));
    await client.signIn(email, PASSWORD);
    return client;
  };
  // createCast names each person "<key> <tag>", with the address "<key>.<tag>@test.example".
  const emailOf = (who: keyof Cast) => `${cast[who].name.replace(" ", ".")}@test.example`;

  it("keeps a sign-in made on one server valid on the other and through the balancer, and a sign-out ends it everywhere", async () => {
    const onA = await signedIn(emailOf("eva"), A);
    const onB = onA.at(local(B));
    const page = await onB.get("/arbetsyta");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(cast.eva.name);
    // Round robin: consecutive requests through the balancer reach both servers.
    const balanced = onA.at(proxy.url);
    const before = [...proxy.counts];
    for (let i = 0; i < 2; i++) expect((await balanced.get("/arbetsyta")).status).toBe(200);
    expect(proxy.counts.map((n, i) => n - before[i]!)).toEqual([1, 1]);
    // Signed out on B, the session is gone on A too (onA still sends its cookie).
    expect((await onB.post("/logga-ut", {}, await onB.csrfToken("/arbetsyta"))).status).toBe(302);
    expect((await onA.get("/arbetsyta")).status).toBe(302);
  });

  it("shows a publication made through one server on the other and through the balancer within a second", async () => {
    const id = await createTestEvaluation(database.db, cast, 2017);
    await moveToScoring(database.db, cast, id);
    await completeTestEvaluation(database.db, cast, id);
    const location = (await fetch(`${local(A)}/kommuner/${TESTKOPING.code}`, { redirect: "manual" })).headers.get("location")!;
    const link = `href="${location}/2017"`;
    const page = (address: string) =>
      fetch(address + location).then(async (r) => ({ cache: r.headers.get("x-cache"), html: await r.text() }));
    // B keeps the page in memory: without the notification it would go on answering from there.
    for (const address of [local(B), proxy.url, proxy.url]) expect((await page(address)).html).not.toContain(link);
    expect(await page(local(B))).toMatchObject({ cache: "hit" });
    const admin = await signedIn(emailOf("admin"), A);
    const [row] = await database.db.select({ version: evaluations.version }).from(evaluations).where(eq(evaluations.id, id));
    const published = await admin.post(
      `/arbetsyta/${id}?index`,
      { intent: "transition", to: "published", version: String(row!.version) },
      await admin.csrfToken(`/arbetsyta/${id}`),
    );
    expect(published.status).toBe(302);
    // The one timed bound of the issue: visible elsewhere within a second (polled, not measured).
    for (const address of [local(B), proxy.url, proxy.url])
      await expect.poll(async () => (await page(address)).html, { timeout: 1000, interval: 25 }).toContain(link);
  });

  it("loses no update when two evaluators save one agreed score through different servers", async () => {
    const id = await createTestEvaluation(database.db, cast, 2018);
    await moveToScoring(database.db, cast, id);
    for (const evaluator of [cast.eva, cast.per]) {
      for (const itemId of ["1", "2", "3", "4", "5", "6", "7", "8"])
        await saveMyScore(database.db, evaluator, id, { itemId, points: "40", justification: "Syntetiska testdata", version: 0 });
      await submitMyScoring(database.db, evaluator, id);
    }
    await moveTo(database.db, cast, id, "agreement");
    const path = `/arbetsyta/${id}/samsyn`;
    const eva = await signedIn(emailOf("eva"), A);
    const per = await signedIn(emailOf("per"), B);
    // Both open the page before either saves: both forms carry the version they read.
    const [evaPage, perPage] = await Promise.all([eva.get(path), per.get(path)]);
    const evaForm = await formOf(evaPage!);
    const perForm = await formOf(perPage!);
    expect(evaForm.version).toBe("0");
    expect(perForm.version).toBe("0");
    const agree = (points: string, reason: string, version: string) => ({ intent: "agree", itemId: "1", points, reason, version });
    expect((await eva.post(path, agree("45", "Evas motivering", evaForm.version), evaForm.token)).status).toBe(302);
    // Per's save, read before Eva's, reaches the other server: a conflict, not an overwrite.
    const late = await per.post(path, agree("35", "Pers motivering", perForm.version), perForm.token);
    expect(late.status).toBe(409);
    const agreed = (await getAgreement(database.db, cast.eva, id)).items.find((item) => item.id === "1")!.agreed;
    expect(agreed).toEqual({ points: "45", reason: "Evas motivering", version: 1 });
  });

  it("counts one client's requests together on both servers (rate limits in the database)", async () => {
    const remaining = async (port: number) => {
      const header = (await fetch(`${local(port)}/sok?q=plan`)).headers.get("ratelimit") ?? "";
      return Number(/;r=(\d+)/.exec(header)?.[1]);
    };
    const first = await remaining(A);
    expect(await remaining(B)).toBe(first - 1);
    expect(await remaining(A)).toBe(first - 2);
  });

  it("shows a result imported by the CLI in both servers' rankings page and API within a second", async () => {
    const api = (port: number) => fetch(`${local(port)}/api/v1/rankings?instrument=2010`).then((r) => r.text());
    const page = (port: number) => fetch(`${local(port)}/rankning?instrument=2010`).then((r) => r.text());
    // Warm both servers' caches: without the notification they would keep answering from them.
    for (const port of [A, B]) {
      for (let i = 0; i < 2; i++) {
        expect(await api(port)).not.toContain(`"municipality":"${TESTKOPING.code}"`);
        expect(await page(port)).not.toContain(TESTKOPING.name);
      }
    }
    // Synthetic test data, of a fictional municipality.
    const file = join(folder, "synthetic.json");
    writeFileSync(
      file,
      JSON.stringify({ municipality: TESTKOPING.code, instrument: "2010", year: 2013, total: 777, source: "Syntetiska testdata" }),
    );
    const imported = spawnSync(process.execPath, [join(root, "bin/kompass.mjs"), "import", file], {
      cwd: root,
      env: env(),
      encoding: "utf8",
    });
    expect(imported.status, imported.stderr).toBe(0);
    for (const port of [A, B]) {
      await expect.poll(() => api(port), { timeout: 1000, interval: 25 }).toContain(`"municipality":"${TESTKOPING.code}"`);
      await expect.poll(() => page(port), { timeout: 1000, interval: 25 }).toContain(TESTKOPING.name);
    }
  });

  it("runs KOMPASS_WORKERS=2 as two worker processes that both answer, says it serves once, and stops them all", async () => {
    const server = await start(WORKERS, { KOMPASS_WORKERS: "2", LOG_LEVEL: "debug" });
    // The first worker answers before the second listens; the primary says it serves once both do.
    await expect.poll(() => server.lines.some((line) => line.includes("serves")), { timeout: 120_000, interval: 100 }).toBe(true);
    // Each request on a connection of its own: the primary hands connections to the workers in turn.
    for (let i = 0; i < 8; i++) await closedGet(`${local(WORKERS)}/om`);
    const logged = server.lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as { pid: number; msg: string; url?: string }];
      } catch {
        return [];
      }
    });
    const workers = new Set(logged.filter((entry) => entry.msg === "request" && entry.url === "/om").map((entry) => entry.pid));
    expect(workers.size).toBe(2);
    expect(workers.has(server.child.pid!)).toBe(false);
    expect(logged.filter((entry) => entry.msg.includes("serves")).map((entry) => entry.pid)).toEqual([server.child.pid]);
    expect(await stopped(server)).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  }, 240_000);
});

describe("KOMPASS_WORKERS", () => {
  it("runs one worker per core on PostgreSQL and one process on PGlite unless set, and refuses what is not a count", () => {
    expect(workerCount({}, "postgres")).toBeGreaterThanOrEqual(1);
    expect(workerCount({ KOMPASS_WORKERS: "3" }, "postgres")).toBe(3);
    expect(workerCount({}, "pglite")).toBe(1);
    expect(workerCount({ KOMPASS_WORKERS: "4" }, "pglite")).toBe(1);
    for (const value of ["0", "-1", "2.5", "many", "1e3"])
      expect(() => workerCount({ KOMPASS_WORKERS: value }, "postgres")).toThrow(/KOMPASS_WORKERS/);
  });

  it("keeps the workers' connections to PostgreSQL bounded together", () => {
    expect([1, 2, 4, 8, 16, 64].map(poolSizeFor)).toEqual([16, 16, 16, 8, 4, 4]);
  });
});

/** The CSRF token and the version of item 1's form on the agreement page. */
async function formOf(response: Response): Promise<{ token: string; version: string }> {
  const html = await response.text();
  const form = /<form[^>]*>(?:(?!<\/form>)[\s\S])*?name="itemId" value="1"[\s\S]*?<\/form>/.exec(html)?.[0] ?? "";
  return {
    token: /name="_csrf" value="([^"]+)"/.exec(form)?.[1] ?? "",
    version: /name="version" value="(\d+)"/.exec(form)?.[1] ?? "",
  };
}

/** A GET on a new connection, closed after the answer. */
function closedGet(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(address, { agent: false, headers: { connection: "close" } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    }).on("error", reject);
  });
}
