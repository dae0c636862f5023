import { type SQL, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.server.ts";
import { announceDataChange } from "../../db/dataVersion.server.ts";
import { useExactTextForms } from "./backupDatabase.server.ts";
import { type CatalogTable, nonEmptyTables, quoteIdent, readCatalog } from "./catalog.server.ts";
import { BackupFileError, RestoreTargetError } from "./errors.server.ts";
import { type BackupHeader, checkBackupFile, readBackup } from "./format.server.ts";
import { appLevel, appMigrations, compareLevels, type MigrationLevel, migrateTo, readMigrationLevel } from "./migrations.server.ts";

export interface RestoreSummary {
  file: string;
  header: BackupHeader;
  rows: number;
  /** The data version after the restore (announced to running servers). */
  dataVersion: string | null;
  /** The level the database is at afterwards (the app's). */
  migration: MigrationLevel | null;
}

export interface RestoreOptions {
  onTable?: (table: string, rows: number) => void | Promise<void>;
}

/**
 * Data version: one row that the migrations create and every public change raises. It is not
 * copied from the file; the restored database continues from the higher of its own and the
 * file's version, one up, so that a server that has cached pages under any earlier number
 * never mistakes them for the restored data.
 */
const DATA_VERSION = "data_version";

/** Rows per INSERT, and characters of values per INSERT; a row with a document goes alone. */
const BATCH_ROWS = 1000;
const BATCH_CHARS = 8_000_000;

/** A backup file read through once and found complete, from a schema this app knows. */
export interface CheckedBackup {
  file: string;
  header: BackupHeader;
}

/**
 * Reads the whole file and refuses it, before any database is opened, when it is not a complete
 * backup or comes from a newer schema than this app knows.
 */
export async function checkBackup(file: string): Promise<CheckedBackup> {
  const header = await checkBackupFile(file);
  const fileLevel = header.migration;
  const app = appLevel();
  if (compareLevels(fileLevel, app) > 0) throw new BackupFileError(file, { code: "newer_migration", file: fileLevel, app });
  if (!appMigrations().some((m) => m.createdAt === fileLevel.createdAt))
    throw new BackupFileError(file, { code: "unknown_migration", file: fileLevel });
  return { file, header };
}

/**
 * Restores a checked backup (checkBackup) into an EMPTY database, all or nothing. Refuses before
 * changing anything when the database holds data or is migrated past the backup. An empty database (new, or one whose tables are empty) is migrated to
 * the backup's level, filled in one transaction, parents before children so that every foreign
 * key holds as rows arrive, sequences set past the restored ids, the data version raised and
 * announced; then the app's later migrations bring it up to date, as on any old database.
 *
 * The audit log needs no exception: its triggers (migration 0002) forbid UPDATE, DELETE and
 * TRUNCATE, and a restore only inserts. There is no --replace: emptying a database would mean
 * switching those triggers off, and a restore into a new database loses nothing.
 */
export async function restoreDatabase(database: Database, backup: CheckedBackup, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const { file, header } = backup;
  const fileLevel = header.migration;

  // Refuse a database that holds anything, or is ahead of the file, before migrating it.
  const targetLevel = await readMigrationLevel(database.db);
  const existing = await readCatalog(database.db);
  if (!targetLevel && existing.length > 0) {
    throw new RestoreTargetError(database.location, { code: "foreign", tables: existing.map((t) => t.name) });
  }
  const filled = await nonEmptyTables(
    database.db,
    existing.filter((t) => t.name !== DATA_VERSION),
  );
  if (filled.length > 0) throw new RestoreTargetError(database.location, { code: "not_empty", tables: filled });
  if (targetLevel && compareLevels(targetLevel, fileLevel) > 0) {
    throw new RestoreTargetError(database.location, { code: "ahead", target: targetLevel, file: fileLevel });
  }

  await migrateTo(database, fileLevel);
  const tables = await readCatalog(database.db);
  checkSameSchema(file, header, tables);
  const byName = new Map(tables.map((t) => [t.name, t]));

  let rows = 0;
  const dataVersion = await database.db.transaction(async (tx) => {
    await useExactTextForms(tx);
    // Nobody writes while the tables are being filled (readers see them empty until commit).
    await tx.execute(sql.raw(`lock table ${tables.map((t) => quoteIdent(t.name)).join(", ")} in exclusive mode`));
    const filledNow = await nonEmptyTables(
      tx,
      tables.filter((t) => t.name !== DATA_VERSION),
    );
    if (filledNow.length > 0) throw new RestoreTargetError(database.location, { code: "not_empty", tables: filledNow });

    let fileDataVersion: string | null = null;
    let table: CatalogTable | null = null;
    let insert: ((rows: (string | null)[][]) => SQL) | null = null;
    let batchRows = BATCH_ROWS;
    let batch: (string | null)[][] = [];
    let batchChars = 0;
    let lines = { first: 0, last: 0 };
    const flush = async () => {
      if (batch.length === 0 || !insert || !table) return;
      try {
        await tx.execute(insert(batch));
      } catch (error) {
        throw dataError(file, table.name, lines, error);
      }
      batch = [];
      batchChars = 0;
    };
    for await (const item of readBackup(file)) {
      if (item.kind === "table") {
        table = byName.get(item.name)!;
        insert = table.name === DATA_VERSION ? null : insertStatement(table);
        batchRows = table.columns.some((c) => c.type === "bytea") ? 1 : BATCH_ROWS;
      } else if (item.kind === "row") {
        rows += 1;
        lines = { first: batch.length === 0 ? item.line : lines.first, last: item.line };
        if (table!.name === DATA_VERSION) {
          fileDataVersion = item.values[table!.columns.findIndex((c) => c.name === "version")] ?? null;
          continue;
        }
        batch.push(item.values);
        for (const value of item.values) batchChars += value?.length ?? 0;
        if (batch.length >= batchRows || batchChars >= BATCH_CHARS) await flush();
      } else if (item.kind === "tableEnd") {
        await flush();
        await setSequences(tx, table!, item.sequences);
        await options.onTable?.(item.name, item.rows);
        table = null;
        insert = null;
      }
    }
    if (!byName.has(DATA_VERSION)) return null; // a backup from before migration 0005
    if (fileDataVersion !== null) {
      await tx.execute(sql`update data_version set version = greatest(version, ${fileDataVersion}::bigint) where id = 1`);
    }
    return (await announceDataChange(tx)).toString();
  });

  await database.migrate();
  return { file, header, rows, dataVersion, migration: await readMigrationLevel(database.db) };
}

/** The file's tables must be the database's at that level, column for column, parents first. */
function checkSameSchema(file: string, header: BackupHeader, tables: CatalogTable[]): void {
  const mismatch = (detail: string) => new BackupFileError(file, { code: "schema_mismatch", detail });
  const byName = new Map(tables.map((t) => [t.name, t]));
  const inFile = new Set(header.tables.map((t) => t.name));
  const missing = tables.filter((t) => !inFile.has(t.name)).map((t) => t.name);
  if (missing.length > 0) throw mismatch(`the file has no table ${missing.join(", ")}`);
  const seen = new Set<string>();
  for (const fileTable of header.tables) {
    const table = byName.get(fileTable.name);
    if (!table) throw mismatch(`the database has no table ${fileTable.name}`);
    const want = table.columns.map((c) => `${c.name} ${c.type}`).join(", ");
    const have = fileTable.columns.map((c) => `${c.name} ${c.type}`).join(", ");
    if (want !== have) throw mismatch(`table ${table.name} has the columns (${have}) in the file, (${want}) in the database`);
    const later = table.references.filter((parent) => !seen.has(parent));
    if (later.length > 0) throw mismatch(`table ${table.name} comes before ${later.join(", ")}, which it refers to`);
    seen.add(table.name);
  }
}

/**
 * One INSERT … SELECT per batch: the rows travel as one JSON array and each text form is cast
 * back. A row with binary values (uploaded documents) goes alone, each binary value as a
 * parameter of its own in base64 for decode(): a many-megabyte string inside JSON takes the
 * database three times as long to take apart, and bytes as a parameter ten times as long on PGlite.
 */
function insertStatement(table: CatalogTable): (rows: (string | null)[][]) => SQL {
  const columns = table.columns.map((c) => quoteIdent(c.name)).join(", ");
  const overriding = table.columns.some((c) => c.identityAlways) ? " overriding system value" : "";
  const binary = table.columns.map((c) => c.type === "bytea");
  const head = `insert into ${quoteIdent(table.name)} (${columns})${overriding} select `;
  if (!binary.includes(true)) {
    const values = table.columns.map((c, i) => `(r->>${i})::${c.type}`).join(", ");
    return (rows) =>
      sql`${sql.raw(`${head}${values} from json_array_elements(`)}${`[${rows.map((r) => JSON.stringify(r)).join(",")}]`}${sql.raw("::json) as rows(r)")}`;
  }
  return (rows) => {
    const [row] = rows as [(string | null)[]];
    const values = sql.join(
      table.columns.map((c, i) => (binary[i] ? sql`decode(${row[i]}::text, 'base64')` : sql`${sql.raw(`(r->>${i})::${c.type}`)}`)),
      sql`, `,
    );
    const rest = JSON.stringify(row.map((value, i) => (binary[i] ? null : value)));
    return sql`${sql.raw(head)}${values} from json_array_elements(${`[${rest}]`}::json) as rows(r)`;
  };
}

/** Each sequence continues after both the restored ids and where it stood when backed up. */
async function setSequences(tx: Tx, table: CatalogTable, fromFile: Record<string, string>): Promise<void> {
  for (const column of table.columns) {
    if (!column.sequence) continue;
    const next = fromFile[column.name] ?? "1";
    await tx.execute(
      sql`select setval(${column.sequence}::regclass,
            greatest(coalesce((select max(${sql.raw(quoteIdent(column.name))}) from ${sql.raw(quoteIdent(table.name))}), 0) + 1,
                     ${next}::bigint, 1),
            false)`,
    );
  }
}

/**
 * A value the database refuses (a broken foreign key, a bad date) means a damaged file. Drizzle
 * wraps the driver's error with the query and its parameters, here megabytes of rows: the
 * driver's own error is what is passed on.
 */
function dataError(file: string, table: string, lines: { first: number; last: number }, error: unknown): unknown {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const { code, detail } = cause as { code?: unknown; detail?: unknown };
  if (typeof code === "string" && /^(22|23)/.test(code)) {
    // Rows go in batches: the database names the value, the lines name the batch.
    const where = lines.first === lines.last ? `the row of table ${table}` : `one of the rows of table ${table} up to line ${lines.last}`;
    const why = `${(cause as Error).message}${typeof detail === "string" ? ` (${detail})` : ""}`;
    return new BackupFileError(file, { code: "damaged", line: lines.first, detail: `${where}: ${why}` });
  }
  return cause;
}
