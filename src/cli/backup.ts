import { existsSync } from "node:fs";
import { join } from "node:path";
import { openDatabase, settingsFromEnv, type Database } from "../db/client.server.ts";
import { backupDatabase } from "../services/backup/backupDatabase.server.ts";
import { BackupFileError, BackupSourceError, RestoreTargetError } from "../services/backup/errors.server.ts";
import type { MigrationLevel } from "../services/backup/migrations.server.ts";
import { checkBackup, restoreDatabase } from "../services/backup/restoreDatabase.server.ts";

/** `kompass backup FILE` and `kompass restore FILE` (README: "Säkerhetskopiering / Backup and restore"). */
export const BACKUP_USAGE = `  backup FILE                    Write the whole database (results, evaluations, texts, audit log, uploaded
                                 documents, accounts) to FILE (gzip'd; replaced only once complete). On
                                 PostgreSQL while the servers run (one consistent snapshot).
  restore FILE                   Restore a backup into an EMPTY database (a new PostgreSQL database or a new
                                 KOMPASS_DATA_DIR folder), all or nothing; PGlite ↔ PostgreSQL either way.`;

const level = (l: MigrationLevel) => `${l.tag ?? `unknown migration ${l.createdAt}`} (${l.count} migrations)`;

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${bytes} bytes`;

function describeFileError(file: string, error: BackupFileError): string {
  const p = error.problem;
  switch (p.code) {
    case "unreadable":
      return `Cannot read ${file}: ${p.detail}.`;
    case "empty":
      return `${file} is empty: it is not a Kommunkompassen backup.`;
    case "not_backup":
      return `${file} is not a Kommunkompassen backup: it does not begin with a backup header (made by "kompass backup").`;
    case "newer_format":
      return `${file} is a backup in format version ${p.formatVersion}; this version of Kommunkompassen reads version 1. Restore it with a newer version.`;
    case "truncated":
      return `${file} is incomplete: it ends at line ${p.line} before the end of the backup (cut short while it was written or copied).`;
    case "damaged":
      return `${file} is damaged at line ${p.line}: ${p.detail}.`;
    case "newer_migration":
      return `${file} comes from a newer version of Kommunkompassen: its database is at ${level(p.file)}, this version knows up to ${level(p.app)}. Restore it with that version or a newer one.`;
    case "unknown_migration":
      return `${file} comes from a database at a migration this version of Kommunkompassen does not know (${level(p.file)}).`;
    case "schema_mismatch":
      return `${file} does not match the database schema it names: ${p.detail}.`;
  }
}

function describeTargetError(error: RestoreTargetError): string {
  const p = error.problem;
  const advice = "Restore into an empty database: a new PostgreSQL database (createdb) or a new folder in KOMPASS_DATA_DIR.";
  switch (p.code) {
    case "not_empty":
      return `The database ${error.location} is not empty: ${p.tables.map((t) => `${t.name} (${t.rows} ${t.rows === 1 ? "row" : "rows"})`).join(", ")}. ${advice}`;
    case "ahead":
      return `The database ${error.location} is already at ${level(p.target)}, past the backup's ${level(p.file)}. ${advice}`;
    case "foreign":
      return `The database ${error.location} holds tables that are not Kommunkompassen's (${p.tables.join(", ")}). ${advice}`;
  }
}

async function withOpenDatabase(run: (database: Database) => Promise<number>): Promise<number> {
  // No prepareDatabase: a backup changes nothing, and a restore migrates only as far as its file.
  const database = await openDatabase(settingsFromEnv());
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

export async function runBackupCommand(command: "backup" | "restore", args: string[]): Promise<number> {
  if (args.length !== 1) {
    console.error(`${command} needs exactly one FILE\n\nUsage:\n${BACKUP_USAGE}`);
    return 2;
  }
  const file = args[0]!;
  const settings = settingsFromEnv();
  try {
    if (command === "backup") {
      // Opening a PGlite folder creates a database there; a backup of nothing is a mistake.
      if (!settings.databaseUrl && !existsSync(join(settings.dataDir, "pgdata"))) {
        console.error(`No database in ${settings.dataDir} (KOMPASS_DATA_DIR): nothing to back up; nothing was written.`);
        return 1;
      }
      return await withOpenDatabase(async (database) => {
        const summary = await backupDatabase(database, file);
        console.log(
          `Backed up ${database.location} (${database.kind}, ${level(summary.header.migration)}) to ${file}: ` +
            `${summary.header.tables.length} tables, ${summary.rows} rows, ${size(summary.bytes)}.`,
        );
        return 0;
      });
    }
    // The whole file is checked before the database is opened (which creates a PGlite folder).
    const backup = await checkBackup(file);
    return await withOpenDatabase(async (database) => {
      const summary = await restoreDatabase(database, backup);
      const { header } = summary;
      console.log(
        `Restored ${file} (taken ${header.createdAt} from ${header.source} by Kommunkompassen ${header.app.version}) into ` +
          `${database.location}: ${header.tables.length} tables, ${summary.rows} rows` +
          (summary.migration ? `; now at ${level(summary.migration)}` : "") +
          (summary.dataVersion ? `; data version ${summary.dataVersion}.` : "."),
      );
      return 0;
    });
  } catch (error) {
    const nothing = command === "backup" ? "Nothing was written." : "Nothing was restored.";
    if (error instanceof BackupFileError) console.error(`${describeFileError(file, error)} ${nothing}`);
    else if (error instanceof RestoreTargetError) console.error(`${describeTargetError(error)} Nothing was changed.`);
    else if (error instanceof BackupSourceError)
      console.error(`${error.location} holds no Kommunkompassen database (no migrations applied). ${nothing}`);
    else if (command === "backup" && (error as NodeJS.ErrnoException).syscall && (error as NodeJS.ErrnoException).path) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === "ENOENT" ? "its folder does not exist" : code === "EACCES" ? "permission denied" : (error as Error).message;
      console.error(`Cannot write ${file}: ${why}. ${nothing}`);
    } else throw error;
    return 1;
  }
}
