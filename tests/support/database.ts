import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { openPostgres, pgliteExtensions, wrapPglite, type Database } from "../../src/db/client.server.ts";
import { prepareDatabase } from "../../src/services/bootstrap.server.ts";
import { addPracticePoints } from "./practicePoints.ts";
import { inventedFigures } from "./realFigures.ts";

export type TestDatabaseKind = "pglite" | "postgres";

/**
 * Integration tests run on PGlite always, and on PostgreSQL too when TEST_POSTGRES_URL names a
 * server where databases may be created (.ci/run sets it). Use with describe.each.
 */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_POSTGRES_URL ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDatabase extends Database {
  /** PostgreSQL: the database's own URL (for what connects by itself, such as pg-boss). */
  url?: string;
  dispose(): Promise<void>;
}

/**
 * A fresh database with migrations and reference data (no demo results), or, with `demo`, one
 * prepared as a new installation with the demo is (prepareDatabase on an empty database), plus
 * the practice case's synthetic points (tests/support/practicePoints.ts) unless `practicePoints`
 * is false: then it is the demo exactly as shipped.
 * Disposing it checks that no real municipality was given invented figures
 * (tests/support/fictional.ts): a test that did fails there, naming the results.
 */
export async function createTestDatabase(
  kind: TestDatabaseKind,
  options: { demo?: boolean; practicePoints?: boolean } = {},
): Promise<TestDatabase> {
  const demo = options.demo ?? false;
  const withPracticePoints = demo && (options.practicePoints ?? true);
  if (kind === "pglite") {
    // The template holds the reference data already; the demo is loaded only into an empty database.
    const client = demo
      ? await PGlite.create({ extensions: pgliteExtensions })
      : await PGlite.create({ loadDataDir: new Blob([readFileSync(inject("pgliteTemplate"))]), extensions: pgliteExtensions });
    const database = wrapPglite(client, "memory");
    if (demo) await prepareDatabase(database, { demo: true });
    if (withPracticePoints) await addPracticePoints(database.db);
    return { ...database, dispose: () => checkedDispose(database, () => database.close()) };
  }
  const adminUrl = process.env.TEST_POSTGRES_URL!;
  const name = `kompass_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 8);
  await prepareDatabase(database, { demo });
  if (withPracticePoints) await addPracticePoints(database.db);
  return {
    ...database,
    url: url.toString(),
    dispose: () =>
      checkedDispose(database, async () => {
        await database.close();
        const cleanup = new pg.Client({ connectionString: adminUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      }),
  };
}

/**
 * Closes after looking for invented figures of real municipalities. A database a test has broken
 * on purpose (dropped tables, lost connections) cannot be read: then there is nothing to check.
 */
async function checkedDispose(database: Database, close: () => Promise<void>): Promise<void> {
  let problems: string[] = [];
  try {
    problems = await inventedFigures(database.db);
  } catch {
    problems = [];
  }
  await close();
  if (problems.length > 0)
    throw new Error(`Real municipalities were given figures that are not theirs (use tests/support/fictional.ts):\n${problems.join("\n")}`);
}
