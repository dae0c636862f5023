import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { type Database, type Db, migrationsFolder, type Tx } from "../../db/client.server.ts";

/**
 * How far a database's schema has come: drizzle records each applied migration in
 * drizzle.__drizzle_migrations with the `when` of its journal entry as `created_at`, and decides
 * what to apply by the latest one alone. So the latest `created_at` is the level; `count` and
 * the journal's tag are for people reading a backup's header.
 */
export interface MigrationLevel {
  count: number;
  /** The journal's `when` of the latest applied migration (milliseconds, as text). */
  createdAt: string;
  /** Its tag ("0006_rate_counters"), when this version of the app knows it. */
  tag: string | null;
  hash: string;
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

function journal(): JournalEntry[] {
  return (JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")) as { entries: JournalEntry[] }).entries;
}

/** The migrations this version of the app brings, in order. */
export function appMigrations(): { createdAt: string; tag: string }[] {
  return journal().map((entry) => ({ createdAt: String(entry.when), tag: entry.tag }));
}

/** The level this version of the app migrates to. */
export function appLevel(): MigrationLevel {
  const entries = journal();
  const last = entries[entries.length - 1]!;
  return { count: entries.length, createdAt: String(last.when), tag: last.tag, hash: "" };
}

/** A database's level, or null when no migration was ever applied to it. */
export async function readMigrationLevel(db: Db | Tx): Promise<MigrationLevel | null> {
  const { rows: exists } = (await db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  )) as unknown as { rows: { present: boolean }[] };
  if (!exists[0]?.present) return null;
  const { rows } = (await db.execute(
    sql`select count(*) over ()::int as count, created_at::text as created_at, hash
          from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  )) as unknown as { rows: { count: number; created_at: string; hash: string }[] };
  const last = rows[0];
  if (!last) return null;
  const tag = appMigrations().find((m) => m.createdAt === last.created_at)?.tag ?? null;
  return { count: Number(last.count), createdAt: last.created_at, tag, hash: last.hash };
}

/** Compares two levels by their latest migration's time (what drizzle itself compares). */
export function compareLevels(a: MigrationLevel, b: MigrationLevel): number {
  const [x, y] = [BigInt(a.createdAt), BigInt(b.createdAt)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Applies the app's migrations up to and including `level` (which must be one of them), and no
 * further: a backup is restored into the schema it was taken from, and the later migrations
 * then bring data and schema up to date together, as they would have on the running server.
 * Drizzle's migrator reads a folder, so the journal is cut at the level in a temporary copy.
 */
export async function migrateTo(database: Database, level: MigrationLevel): Promise<void> {
  const entries = journal();
  const index = entries.findIndex((entry) => String(entry.when) === level.createdAt);
  if (index < 0) throw new Error(`migration ${level.createdAt} is not one of this app's migrations`);
  const folder = mkdtempSync(join(tmpdir(), "kompass-migrations-"));
  try {
    mkdirSync(join(folder, "meta"));
    const kept = entries.slice(0, index + 1);
    const full = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(folder, "meta/_journal.json"), JSON.stringify({ ...full, entries: kept }));
    for (const entry of kept) copyFileSync(join(migrationsFolder, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
    if (database.kind === "pglite") await migratePglite(database.db as never, { migrationsFolder: folder });
    else await migratePg(database.db as never, { migrationsFolder: folder });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
