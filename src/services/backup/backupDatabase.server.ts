import { createWriteStream, readFileSync } from "node:fs";
import { open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.server.ts";
import { projectRoot } from "../../projectRoot.server.ts";
import { type CatalogTable, quoteIdent, readCatalog } from "./catalog.server.ts";
import { BackupSourceError } from "./errors.server.ts";
import { type BackupHeader, FORMAT, FORMAT_VERSION, line } from "./format.server.ts";
import { readMigrationLevel } from "./migrations.server.ts";

export interface BackupSummary {
  file: string;
  header: BackupHeader;
  rows: number;
  bytes: number;
}

export interface BackupOptions {
  /** Called after each table is written (progress; tests use it to write meanwhile). */
  onTable?: (table: string, rows: number) => void | Promise<void>;
}

/** Rows fetched at a time: few where uploaded documents (up to 25 MB each) make rows large. */
const FETCH_ROWS = 2000;
const FETCH_ROWS_WITH_FILES = 4;

export function appVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string }).version;
}

/**
 * Text forms that mean the same on any server: UTC, ISO dates, and the shortest exact floats.
 * Set in both the backup's and the restore's transaction, so neither depends on the server's
 * or the connection's settings.
 */
export async function useExactTextForms(tx: Tx): Promise<void> {
  await tx.execute(sql`set local timezone to 'UTC'`);
  await tx.execute(sql`set local datestyle to 'ISO, YMD'`);
  await tx.execute(sql`set local intervalstyle to 'postgres'`);
  await tx.execute(sql`set local extra_float_digits to 3`);
}

/**
 * Writes every table of the database to `file` (format.server.ts). The rows come from one
 * SERIALIZABLE READ ONLY DEFERRABLE transaction: on PostgreSQL, servers keep running and
 * writing while it reads, and the file holds the database as it was at one instant (DEFERRABLE
 * waits, if need be, for a snapshot that no concurrent transaction can make inconsistent, and
 * then never fails). On PGlite the caller holds the data folder's lock, so nothing else writes.
 * The file is written beside its final name and renamed when complete, so that an interrupted
 * backup never leaves a file that looks like a backup (nor replaces an earlier good one).
 */
export async function backupDatabase(database: Database, file: string, options: BackupOptions = {}): Promise<BackupSummary> {
  const target = resolve(file);
  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  try {
    const { header, rows } = await database.db.transaction(
      async (tx) => {
        await useExactTextForms(tx);
        const migration = await readMigrationLevel(tx);
        if (!migration) throw new BackupSourceError(database.location);
        const tables = await readCatalog(tx);
        const header: BackupHeader = {
          format: FORMAT,
          formatVersion: FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          app: { name: "kommunkompassen", version: appVersion() },
          source: database.kind,
          migration,
          tables: tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => ({ name: c.name, type: c.type })) })),
        };
        let total = 0;
        async function* lines() {
          yield line(header);
          for (const table of tables) {
            yield line({ table: table.name });
            let count = 0;
            for await (const row of tableRows(tx, table)) {
              count += 1;
              yield line(row);
            }
            yield line({ tableEnd: table.name, rows: count, sequences: await nextSequenceValues(tx, table) });
            total += count;
            await options.onTable?.(table.name, count);
          }
          yield line({ backupEnd: true, tables: tables.length, rows: total });
        }
        // 0600: the file holds password hashes, sessions, the signing secret and unpublished work.
        await pipeline(lines, createGzip(), createWriteStream(partial, { flags: "wx", mode: 0o600 }));
        return { header, rows: total };
      },
      { isolationLevel: "serializable", accessMode: "read only", deferrable: true },
    );
    const handle = await open(partial, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, target);
    return { file: target, header, rows, bytes: (await stat(target)).size };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * A table's rows as arrays of text forms (bytea in base64), through a cursor, in key order.
 * encode() breaks base64 into lines of 76 characters and the file keeps one line per row;
 * replace() removes them (translate() takes twice as long, and bytes through the driver
 * to base64 in Node take seven times as long on PGlite).
 */
async function* tableRows(tx: Tx, table: CatalogTable): AsyncGenerator<(string | null)[]> {
  const binary = table.columns.some((c) => c.type === "bytea");
  const select = table.columns
    .map((c, i) => {
      const column = quoteIdent(c.name);
      return `${c.type === "bytea" ? `replace(encode(${column}, 'base64'), E'\\n', '')` : `${column}::text`} as c${i}`;
    })
    .join(", ");
  const order = table.primaryKey.length ? ` order by ${table.primaryKey.map(quoteIdent).join(", ")}` : "";
  await tx.execute(sql.raw(`declare kompass_backup no scroll cursor for select ${select} from ${quoteIdent(table.name)}${order}`));
  const fetch = sql.raw(`fetch forward ${binary ? FETCH_ROWS_WITH_FILES : FETCH_ROWS} from kompass_backup`);
  for (;;) {
    const { rows } = (await tx.execute(fetch)) as unknown as { rows: Record<string, string | null>[] };
    if (rows.length === 0) break;
    for (const row of rows) yield table.columns.map((_, i) => row[`c${i}`] ?? null);
  }
  // Not in a finally: after a failure the transaction's end closes it, and a close in an
  // aborted transaction would hide the real error.
  await tx.execute(sql.raw("close kompass_backup"));
}

/**
 * The value each of the table's sequences would hand out next. Sequences are not
 * transactional, so this may be ahead of the snapshot's rows (ids taken meanwhile); that only
 * skips ids, never reuses one.
 */
async function nextSequenceValues(tx: Tx, table: CatalogTable): Promise<Record<string, string>> {
  const next: Record<string, string> = {};
  for (const column of table.columns) {
    if (!column.sequence) continue;
    const { rows } = (await tx.execute(
      sql.raw(`select (case when is_called then last_value + 1 else last_value end)::text as next from ${column.sequence}`),
    )) as unknown as { rows: { next: string }[] };
    next[column.name] = rows[0]!.next;
  }
  return next;
}
