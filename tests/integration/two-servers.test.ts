import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "../../src/db/client.server.ts";
import { addFictionalMunicipalities, TESTKOPING } from "../support/fictional.ts";

// Two `npm start` servers (the built app, as production runs it) on one PostgreSQL, and the CLI
// as a third process: what one of them changes must show in the others' pages and API at once.
// Needs the built app (npm test builds before running vitest) and TEST_POSTGRES_URL.
const root = new URL("../../", import.meta.url).pathname;
const adminUrl = process.env.TEST_POSTGRES_URL;
// Ports of their own per run, so that parallel runs on one machine do not meet.
// Below Linux's ephemeral range (32768 and up), so that no outgoing connection holds them.
const PORTS = [20_000 + (process.pid % 6_000) * 2, 20_001 + (process.pid % 6_000) * 2];

describe.skipIf(!adminUrl)("two servers and the CLI on one PostgreSQL", () => {
  const name = `kompass_two_${process.pid}`;
  const folder = mkdtempSync(join(tmpdir(), "kompass-two-"));
  let url = "";
  const servers: ChildProcess[] = [];

  const env = () => ({
    ...process.env,
    DATABASE_URL: url,
    KOMPASS_DEMO: "true",
    LOG_LEVEL: "warn",
    KOMPASS_DATA_DIR: join(folder, "unused"),
  });
  const start = async (port: number) => {
    const child = spawn(process.execPath, [join(root, "server/index.js")], {
      cwd: root,
      env: { ...env(), PORT: String(port) },
      stdio: "inherit",
    });
    servers.push(child);
    for (let i = 0; i < 300; i++) {
      if (child.exitCode !== null) throw new Error(`the server on port ${port} exited with ${child.exitCode}`);
      if ((await fetch(`http://127.0.0.1:${port}/`).catch(() => null))?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the server on port ${port} did not start`);
  };

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(adminUrl!);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    // One after the other: the first prepares the empty database (reference data and demo).
    for (const port of PORTS) await start(port);
    // The fictional municipality the CLI gives a synthetic result below.
    const database = await openPostgres(url, 1);
    await addFictionalMunicipalities(database.db, [TESTKOPING]);
    await database.close();
  }, 120_000);

  afterAll(async () => {
    const stopped = (child: ChildProcess) =>
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : new Promise((resolve) => {
            child.once("exit", resolve);
            child.kill("SIGTERM");
          });
    await Promise.all(servers.map(stopped));
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(folder, { recursive: true, force: true });
  });

  it("shows a result imported by the CLI in both servers' rankings page and API within a second", async () => {
    const api = (port: number) => fetch(`http://127.0.0.1:${port}/api/v1/rankings?instrument=2010`).then((r) => r.text());
    const page = (port: number) => fetch(`http://127.0.0.1:${port}/rankning?instrument=2010`).then((r) => r.text());
    // Warm both servers' caches: without the notification they would keep answering from them.
    for (const port of PORTS) {
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
    // Each server is given one second (the poll's limit) to show it in its page and its API.
    for (const port of PORTS) {
      await expect.poll(() => api(port), { timeout: 1000, interval: 25 }).toContain(`"municipality":"${TESTKOPING.code}"`);
      await expect.poll(() => page(port), { timeout: 1000, interval: 25 }).toContain(TESTKOPING.name);
    }
  });
});
