/**
 * Why a backup or a restore was refused. The reasons are data, not sentences: the edge (the
 * CLI) puts them into words and names the file or the database; `message` is for logs.
 */
import type { MigrationLevel } from "./migrations.server.ts";

export type BackupFileProblem =
  | { code: "unreadable"; detail: string }
  | { code: "empty" }
  | { code: "not_backup" }
  | { code: "newer_format"; formatVersion: number }
  | { code: "truncated"; line: number }
  | { code: "damaged"; line: number; detail: string }
  | { code: "newer_migration"; file: MigrationLevel; app: MigrationLevel }
  | { code: "unknown_migration"; file: MigrationLevel }
  | { code: "schema_mismatch"; detail: string };

/** The file is not a backup this version can restore; nothing was changed. */
export class BackupFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: BackupFileProblem,
  ) {
    super(`${file}: ${problem.code}${"detail" in problem ? `: ${problem.detail}` : ""}`);
    this.name = "BackupFileError";
  }
}

export type RestoreTargetProblem =
  | { code: "not_empty"; tables: { name: string; rows: number }[] }
  | { code: "ahead"; target: MigrationLevel; file: MigrationLevel }
  | { code: "foreign"; tables: string[] };

/** The database to restore into is not an empty one; nothing was changed. */
export class RestoreTargetError extends Error {
  constructor(
    readonly location: string,
    readonly problem: RestoreTargetProblem,
  ) {
    super(`${location}: ${problem.code}`);
    this.name = "RestoreTargetError";
  }
}

/** The database to back up holds no Kommunkompassen schema (no migrations were ever applied). */
export class BackupSourceError extends Error {
  constructor(readonly location: string) {
    super(`${location}: no migrations applied`);
    this.name = "BackupSourceError";
  }
}
