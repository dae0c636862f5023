import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Database, type Db, openPostgres, pgliteExtensions, wrapPglite } from "../../src/db/client.server.ts";
import { dataVersionOf, watchDataVersion } from "../../src/db/dataVersion.server.ts";
import { evaluations, evidence, interviews, rateCounters, sessions } from "../../src/db/schema.server.ts";
import { backupDatabase } from "../../src/services/backup/backupDatabase.server.ts";
import { readCatalog } from "../../src/services/backup/catalog.server.ts";
import { BackupFileError, RestoreTargetError } from "../../src/services/backup/errors.server.ts";
import { appLevel, appMigrations, migrateTo, readMigrationLevel } from "../../src/services/backup/migrations.server.ts";
import { checkBackup, restoreDatabase } from "../../src/services/backup/restoreDatabase.server.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { transitionEvaluation } from "../../src/services/evaluations/transitionEvaluation.server.ts";
import { uploadDocument } from "../../src/services/evidence/index.server.ts";
import { importResults } from "../../src/services/results/importResults.server.ts";
import { saveMyScore } from "../../src/services/scoring/myScoring.server.ts";
import { saveText } from "../../src/services/writing/saveText.server.ts";
import { createTestDatabase, type TestDatabase, type TestDatabaseKind, testDatabaseKinds } from "../support/database.ts";
import { addFictionalMunicipalities, TESTKOPING } from "../support/fictional.ts";
import { importDemo } from "../support/fixtures.ts";
import { createCast, createTestEvaluation } from "../support/workspace.ts";

// Syntetiska testdata: every figure and text written here is made up for the test, and every
// figure belongs to a fictional municipality (tests/support/fictional.ts).
const folder = mkdtempSync(join(tmpdir(), "kompass-backup-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let fileCount = 0;
const newFile = (name = "backup") => join(folder, `${name}-${++fileCount}.kompass.gz`);

/** Bytes that are not UTF-8 (lone continuation bytes, an overlong form, a surrogate, NUL) behind a PDF's signature. */
const documentBytes = (size: number, seed: number) => {
  const body = Buffer.alloc(size);
  for (let i = 0; i < size; i++) body[i] = (i * 31 + seed) & 0xff;
  return Buffer.concat([
    Buffer.from("%PDF-1.7\n"),
    Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
    body,
    Buffer.from("\n%%EOF"),
  ]);
};
const documents = [
  documentBytes(300, 1),
  documentBytes(5 * 1024 * 1024, 7),
  ...[2, 3, 4, 5, 6].map((seed) => documentBytes(1000 * seed, seed)),
];
const trickyText = 'Syntetisk text: "citat", \\ omvänt snedstreck, tab\there, ny rad\nåäö ÅÄÖ 😀 \u2028 slut';

/** A database with results, published and ongoing evaluations, scores, texts, audit log, documents and sign-in data. */
async function fill(db: Db): Promise<void> {
  await importDemo(db);
  await seedDemoWithPracticePoints(db);
  const cast = await createCast(db, "backup");
  const id = await createTestEvaluation(db, cast);
  const move = async (to: string) => {
    const [row] = await db.select({ v: evaluations.version }).from(evaluations).where(eq(evaluations.id, id));
    await transitionEvaluation(db, cast.admin, id, { to, version: row!.v });
  };
  await move("preparation");
  await db.insert(interviews).values({ evaluationId: id, groupKind: "politicians", title: "Syntetisk intervju" });
  await move("visit");
  await move("scoring");
  await saveMyScore(db, cast.eva, id, { itemId: "1", points: "12,5", justification: trickyText, version: 0 });
  await saveText(db, cast.eva, id, { key: "area.1.general", body: trickyText, version: 0 });
  for (const [i, bytes] of documents.entries()) {
    await uploadDocument(db, cast.eva, id, { fileName: `underlag-${i}.pdf`, mediaType: "application/pdf", bytes, title: `Underlag ${i}` });
  }
  await db.insert(rateCounters).values({ key: "api:192.0.2.1", hits: 7, resetAt: new Date("2026-01-02T03:05:00Z") });
  await db
    .insert(sessions)
    .values({ id: "s1", token: "syntetisk-token", userId: cast.eva.id, expiresAt: new Date("2030-01-01T00:00:00Z") });
}

/** Every table's rows as the database prints them (generated columns included), sorted; data_version apart. */
async function contents(db: Db): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone to 'UTC'`);
    const result: Record<string, string[]> = {};
    for (const table of await readCatalog(tx)) {
      if (table.name === "data_version") continue;
      const { rows } = (await tx.execute(sql.raw(`select (t.*)::text as row from "${table.name}" t`))) as unknown as {
        rows: { row: string }[];
      };
      result[table.name] = rows.map((r) => r.row).sort();
    }
    return result;
  });
}

/** The value each serial or identity column would get next. */
async function nextIds(db: Db): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of await readCatalog(db)) {
    for (const column of table.columns.filter((c) => c.sequence)) {
      const { rows } = (await db.execute(
        sql.raw(`select (case when is_called then last_value + 1 else last_value end)::text as next from ${column.sequence}`),
      )) as unknown as { rows: { next: string }[] };
      result[`${table.name}.${column.name}`] = rows[0]!.next;
    }
  }
  return result;
}

const documentsOf = async (db: Db) =>
  (await db.select({ id: evidence.id, content: evidence.content }).from(evidence).where(sql`${evidence.content} is not null`)).sort(
    (a, b) => a.id - b.id,
  );

const dataVersion = async (db: Db) =>
  BigInt(((await db.execute(sql`select version::text as v from data_version`)) as unknown as { rows: { v: string }[] }).rows[0]!.v);

interface EmptyDatabase extends TestDatabase {
  url?: string;
}

/** A database nothing was ever done to: a new PGlite, or a new PostgreSQL database. */
async function emptyDatabase(kind: TestDatabaseKind): Promise<EmptyDatabase> {
  if (kind === "pglite") {
    const database = wrapPglite(await PGlite.create({ extensions: pgliteExtensions }), "memory (new)");
    return { ...database, dispose: () => database.close() };
  }
  const adminUrl = process.env.TEST_POSTGRES_URL!;
  const name = `kompass_restore_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 4);
  return {
    ...database,
    url: url.toString(),
    dispose: async () => {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(text: string) {
  const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

async function restore(database: Database, file: string) {
  return restoreDatabase(database, await checkBackup(file));
}

/** The file's lines, uncompressed; and a file made of lines. */
const linesOf = (file: string) => gunzipSync(readFileSync(file)).toString("utf8").split("\n").slice(0, -1);
const writeLines = (lines: string[]) => {
  const file = newFile("edited");
  writeFileSync(file, gzipSync(`${lines.join("\n")}\n`));
  return file;
};

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => error,
  );

const kinds = testDatabaseKinds();

describe.each(kinds)("a backup of %s", (sourceKind) => {
  let source: TestDatabase;
  let file: string;
  let expected: Record<string, string[]>;

  beforeAll(async () => {
    source = await createTestDatabase(sourceKind);
    await fill(source.db);
    file = newFile(sourceKind);
    const summary = await backupDatabase(source, file);
    expect(summary.header.migration.createdAt).toBe(appLevel().createdAt);
    expected = await contents(source.db);
  });
  afterAll(() => source.dispose());

  it("holds every kind of row that was written", () => {
    for (const table of [
      "results",
      "result_area_points",
      "evaluations",
      "evaluation_texts",
      "scores",
      "audit_log",
      "evidence",
      "search_passages",
      "sessions",
      "rate_counters",
    ]) {
      expect(expected[table]!.length, table).toBeGreaterThan(0);
    }
  });

  it.each(kinds)("restores into an empty %s database identically, row by row and byte by byte", async (targetKind) => {
    const target = await emptyDatabase(targetKind);
    try {
      const versionBefore = await dataVersion(source.db);
      const summary = await restore(target, file);
      expect(summary.migration?.createdAt).toBe(appLevel().createdAt);
      expect(await contents(target.db)).toEqual(expected);
      const restored = await documentsOf(target.db);
      const original = await documentsOf(source.db);
      expect(restored.map((d) => d.id)).toEqual(original.map((d) => d.id));
      for (const [i, document] of restored.entries()) expect(document.content!.equals(original[i]!.content!)).toBe(true);
      for (const [i, bytes] of documents.entries())
        expect(original[original.length - documents.length + i]!.content!.equals(bytes)).toBe(true);
      expect(await nextIds(target.db)).toEqual(await nextIds(source.db));
      expect(await dataVersion(target.db)).toBe(versionBefore + 1n);
      // Ids go on where they stopped, and the audit log is append-only again.
      await target.db.execute(
        sql`insert into interviews (evaluation_id, group_kind, title) select evaluation_id, group_kind, 'Efter återläsning' from interviews limit 1`,
      );
      await expect(target.db.execute(sql`update audit_log set action = 'changed'`)).rejects.toThrow();
      await expect(target.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    } finally {
      await target.dispose();
    }
  });

  it("refuses a database that holds anything, naming what is there, and changes nothing", async () => {
    const target = await createTestDatabase(sourceKind);
    try {
      const before = await contents(target.db);
      const error = await refusal(restore(target, file));
      expect(error).toBeInstanceOf(RestoreTargetError);
      const problem = (error as RestoreTargetError).problem;
      expect(problem.code).toBe("not_empty");
      expect(problem.code === "not_empty" && problem.tables).toContainEqual({ name: "municipalities", rows: 290 });
      expect(await contents(target.db)).toEqual(before);
    } finally {
      await target.dispose();
    }
  });

  it("refuses a truncated file, a file that is not a backup, and one from a newer schema, before opening a database", async () => {
    const whole = readFileSync(file);
    const cut = newFile("cut");
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const plainCut = newFile("plain-cut");
    writeFileSync(plainCut, linesOf(file).slice(0, -1).join("\n"));
    const csv = join(folder, "results.csv");
    writeFileSync(csv, `municipality,instrument,year,total\n${TESTKOPING.code},2010,2012,600\n`);
    const json = join(folder, "other.json");
    writeFileSync(json, '{"format":"something else"}\n');
    const lines = linesOf(file);
    const header = JSON.parse(lines[0]!);
    const newer = writeLines([
      JSON.stringify({ ...header, migration: { ...header.migration, count: 99, createdAt: "9999999999999", tag: "0099_future" } }),
      ...lines.slice(1),
    ]);
    const cases: [string, string][] = [
      [cut, "truncated"],
      [plainCut, "truncated"],
      [csv, "not_backup"],
      [json, "not_backup"],
      [join(folder, "missing.gz"), "unreadable"],
      [newer, "newer_migration"],
    ];
    for (const [path, code] of cases) {
      const error = await refusal(checkBackup(path));
      expect(error, path).toBeInstanceOf(BackupFileError);
      expect((error as BackupFileError).problem.code, path).toBe(code);
      expect((error as BackupFileError).file).toBe(path);
    }
  });

  it("restores all or nothing: a damaged row late in the file leaves the database without rows", async () => {
    const lines = linesOf(file);
    const at = lines.lastIndexOf('{"table":"search_passages"}') + 1;
    const row = JSON.parse(lines[at]!) as string[];
    row[1] = "987654"; // an evaluation that does not exist
    const damaged = writeLines([...lines.slice(0, at), JSON.stringify(row), ...lines.slice(at + 1)]);
    const wrongWidth = writeLines([...lines.slice(0, at), JSON.stringify(row.slice(1)), ...lines.slice(at + 1)]);
    expect(((await refusal(checkBackup(wrongWidth))) as BackupFileError).problem).toMatchObject({ code: "damaged", line: at + 1 });

    const target = await emptyDatabase(sourceKind);
    try {
      const error = await refusal(restore(target, damaged));
      expect(error).toBeInstanceOf(BackupFileError);
      const problem = (error as BackupFileError).problem;
      expect(problem).toMatchObject({ code: "damaged", detail: expect.stringContaining("987654") });
      expect(problem.code === "damaged" && problem.line).toBeLessThanOrEqual(at + 1);
      for (const [table, rows] of Object.entries(await contents(target.db))) expect(rows, table).toEqual([]);
      // Nothing is left half-done: the same database takes the good file afterwards.
      await restore(target, file);
      expect(await contents(target.db)).toEqual(expected);
    } finally {
      await target.dispose();
    }
  });
});

describe.each(kinds)("restoring on %s", (kind) => {
  it("tells running servers: the data version goes past both the database's and the file's", async () => {
    const source = await createTestDatabase(kind);
    const target = await emptyDatabase(kind);
    const watcher = kind === "postgres" ? await openPostgres(target.url!, 2) : target;
    try {
      const file = newFile("version");
      await backupDatabase(source, file);
      await target.migrate();
      const watch = await watchDataVersion(watcher);
      const summary = await restore(target, file);
      await vi.waitFor(() => expect(dataVersionOf(watcher.db)).toBe(summary.dataVersion));
      expect(BigInt(summary.dataVersion!)).toBe((await dataVersion(source.db)) + 1n);
      await watch.stop();
    } finally {
      if (watcher !== target) await watcher.close();
      await target.dispose();
      await source.dispose();
    }
  });

  it("restores a backup from an older schema at its level, then migrates it", async () => {
    const old = await emptyDatabase(kind);
    const target = await emptyDatabase(kind);
    try {
      const level = appMigrations().findIndex((m) => m.tag === "0004_search");
      await migrateTo(old, { count: level + 1, createdAt: appMigrations()[level]!.createdAt, tag: null, hash: "" });
      await old.db.execute(sql`insert into counties (code, name) values ('99', 'Syntetiska länet')`);
      await old.db.execute(sql`insert into municipalities (code, name, county_code) values ('9999', 'Syntetiska kommunen', '99')`);
      const file = newFile("old");
      expect((await backupDatabase(old, file)).header.migration.tag).toBe("0004_search");
      const summary = await restore(target, file);
      expect(summary.dataVersion).toBeNull();
      expect((await readMigrationLevel(target.db))?.createdAt).toBe(appLevel().createdAt);
      expect((await contents(target.db)).municipalities).toEqual(['(9999,"Syntetiska kommunen",,99,f)']);
      // A database already past the file's level is refused rather than migrated backwards.
      const ahead = await emptyDatabase(kind);
      try {
        await ahead.migrate();
        expect(((await refusal(restore(ahead, file))) as RestoreTargetError).problem.code).toBe("ahead");
      } finally {
        await ahead.dispose();
      }
    } finally {
      await old.dispose();
      await target.dispose();
    }
  });
});

describe.runIf(kinds.includes("postgres"))("a backup while PostgreSQL is written to", () => {
  it("is one consistent snapshot: rows committed during the backup are absent, and every foreign key resolves", async () => {
    const source = await createTestDatabase("postgres");
    const target = await emptyDatabase("postgres");
    try {
      await importDemo(source.db);
      await addFictionalMunicipalities(source.db, [TESTKOPING]);
      const synthetic = (year: number) =>
        JSON.stringify({
          municipality: TESTKOPING.code,
          instrument: "2010",
          year,
          areas: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [String(n), 50])),
          source: "Syntetiska testdata",
        });
      let stop = false;
      let year = 1991;
      // A writer that keeps committing results (each with its area points) through the backup.
      const writer = (async () => {
        while (!stop && year < 2090) await importResults(source.db, { name: "writer.json", text: synthetic(year++) });
      })();
      const file = newFile("concurrent");
      let resultsInFile = -1;
      await backupDatabase(source, file, {
        onTable: async (table, rows) => {
          if (table !== "results") return;
          resultsInFile = rows;
          // Between the parents and their children, a parent with children is committed for certain.
          await importResults(source.db, { name: "between.json", text: synthetic(2095) });
        },
      });
      stop = true;
      await writer;

      const lines = linesOf(file);
      const section = (name: string) => {
        const start = lines.indexOf(JSON.stringify({ table: name })) + 1;
        const end = lines.findIndex((l, i) => i >= start && l.startsWith('{"tableEnd"'));
        return lines.slice(start, end).map((l) => JSON.parse(l) as (string | null)[]);
      };
      const resultIds = new Set(section("results").map((r) => r[0]));
      expect(resultIds.size).toBe(resultsInFile);
      expect(section("results").some((r) => r[3] === "2095")).toBe(false);
      for (const table of ["result_area_points", "result_subarea_points", "result_revisions"]) {
        const column = table === "result_revisions" ? 1 : 0;
        for (const row of section(table)) expect(resultIds.has(row[column]!), `${table} → results ${row[column]}`).toBe(true);
      }
      // PostgreSQL checks every foreign key again as it restores.
      await restore(target, file);
      expect((await contents(target.db)).results!.length).toBe(resultsInFile);
    } finally {
      await target.dispose();
      await source.dispose();
    }
  });
});
