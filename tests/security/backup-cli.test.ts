import { runKompass } from "../support/cli.ts";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "../../src/db/client.server.ts";
import { lockDataFolder } from "../../src/db/lock.server.ts";
import { prepareDatabase } from "../../src/services/bootstrap.server.ts";
import { uploadDocument } from "../../src/services/evidence/index.server.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { importDemo } from "../support/fixtures.ts";
import { FICTIONAL, TESTKOPING } from "../support/fictional.ts";
import { createCast, createTestEvaluation } from "../support/workspace.ts";

// Syntetiska testdata. `npx kompass backup` and `restore` end to end, through bin/kompass.mjs.
const folder = mkdtempSync(join(tmpdir(), "kompass-backup-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const kompass = (env: { dataDir?: string; databaseUrl?: string }, ...args: string[]) =>
  runKompass(
    { KOMPASS_DATA_DIR: env.dataDir ?? join(folder, "unused"), DATABASE_URL: env.databaseUrl ?? "", KOMPASS_DEMO: "false" },
    args,
    { timeout: 120_000 },
  );

const document = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.from([0xff, 0x00, 0xc3, 0x28, 0x80, 0xfe]), Buffer.alloc(5000, 0x9f)]);

/** The rows of a backup per table, sorted (row order follows the collation), without the data version. */
function rowsOf(file: string): Record<string, string[]> {
  const tables: Record<string, string[]> = {};
  let table = "";
  for (const line of gunzipSync(readFileSync(file)).toString("utf8").split("\n").slice(1)) {
    if (line.startsWith('{"table":')) {
      table = JSON.parse(line).table as string;
      tables[table] = [];
    } else if (line.startsWith("[") && table !== "data_version") tables[table]!.push(line);
    else if (line.startsWith('{"tableEnd":')) tables[table]!.sort().push(line);
  }
  return tables;
}

describe("kompass backup and restore", () => {
  const source = join(folder, "source");
  const copy = join(folder, "copy");
  const file = join(folder, "kompass.backup.gz");

  beforeAll(async () => {
    const database = await openPglite(source);
    try {
      await prepareDatabase(database, { demo: false });
      await importDemo(database.db);
      await seedDemoWithPracticePoints(database.db);
      const cast = await createCast(database.db, "cli");
      const id = await createTestEvaluation(database.db, cast);
      await uploadDocument(database.db, cast.eva, id, { fileName: "underlag.pdf", mediaType: "application/pdf", bytes: document });
    } finally {
      await database.close();
    }
  });

  it("backs up a PGlite folder and restores it into a new one, identically", () => {
    const backup = kompass({ dataDir: source }, "backup", file);
    expect(backup.stderr).toBe("");
    expect(backup.stdout).toMatch(/^Backed up .*source \(pglite, \d{4}_\w+ \(\d+ migrations\)\) to .*: \d+ tables, \d+ rows/);
    expect(backup.status).toBe(0);

    const restored = kompass({ dataDir: copy }, "restore", file);
    expect(restored.stderr).toBe("");
    expect(restored.stdout).toContain("Restored");
    expect(restored.status).toBe(0);

    const again = join(folder, "again.gz");
    expect(kompass({ dataDir: copy }, "backup", again).status).toBe(0);
    expect(rowsOf(again)).toEqual(rowsOf(file));
    expect(rowsOf(again).evidence!.some((row) => row.includes(document.toString("base64")))).toBe(true);
  });

  it("refuses a non-empty database, a truncated file and a file that is not a backup, changing nothing", () => {
    const full = kompass({ dataDir: source }, "restore", file);
    expect(full.status).toBe(1);
    expect(full.stderr).toContain(`The database ${source} is not empty: `);
    // The 290 of the reference data, the workspace tests' fictional ones and the demo's practice municipality.
    expect(full.stderr).toContain(`municipalities (${290 + FICTIONAL.length + 1} rows)`);
    expect(full.stderr).toContain("Nothing was changed.");

    const cut = join(folder, "cut.gz");
    const whole = readFileSync(file);
    writeFileSync(cut, whole.subarray(0, whole.length - 100));
    const csv = join(folder, "results.csv");
    writeFileSync(csv, `municipality,instrument,year,total\n${TESTKOPING.code},2010,2012,600\n`);
    const fresh = join(folder, "fresh");
    const truncated = kompass({ dataDir: fresh }, "restore", cut);
    expect(truncated.status).toBe(1);
    expect(truncated.stderr).toMatch(new RegExp(`^${cut} is incomplete: it ends at line \\d+ before the end of the backup`));
    expect(truncated.stderr).toContain("Nothing was restored.");
    const wrong = kompass({ dataDir: fresh }, "restore", csv);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(`${csv} is not a Kommunkompassen backup`);
    expect(existsSync(fresh)).toBe(false); // the file is refused before a database is opened

    expect(kompass({ dataDir: fresh }, "restore").status).toBe(2);
    const nothing = kompass({ dataDir: join(folder, "nothing") }, "backup", join(folder, "nothing.gz"));
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toContain("No database in");
    expect(existsSync(join(folder, "nothing.gz"))).toBe(false);
  });

  it("respects the data folder's lock: no backup while a server holds the folder", () => {
    const lock = lockDataFolder(source);
    try {
      const refused = kompass({ dataDir: source }, "backup", join(folder, "locked.gz"));
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`is in use by process ${process.pid}`);
      expect(existsSync(join(folder, "locked.gz"))).toBe(false);
    } finally {
      lock.release();
    }
  });

  it.runIf(process.env.TEST_POSTGRES_URL)("moves a PGlite backup to PostgreSQL, identically", async () => {
    const name = `kompass_cli_restore_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(process.env.TEST_POSTGRES_URL!);
      url.pathname = `/${name}`;
      const restored = kompass({ databaseUrl: url.toString() }, "restore", file);
      expect(restored.stderr).toBe("");
      expect(restored.status).toBe(0);
      const fromPostgres = join(folder, "postgres.gz");
      expect(kompass({ databaseUrl: url.toString() }, "backup", fromPostgres).status).toBe(0);
      expect(rowsOf(fromPostgres)).toEqual(rowsOf(file));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
