import { demoEnabled } from "../config.server.ts";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { DataFolderLockedError } from "../db/lock.server.ts";
import { describeConnectionFailure } from "../db/health.server.ts";
import { openDatabase, settingsFromEnv, type Database } from "../db/client.server.ts";
import { prepareDatabase } from "../services/bootstrap.server.ts";
import { describeProblem, ValidationError } from "../services/errors.ts";
import { getInstruments, sortInstrumentKeys } from "../services/instruments/catalog.server.ts";
import { loadInstrumentDefinition } from "../services/instruments/loadInstrumentDefinition.server.ts";
import { loadGroupingCsv } from "../services/reference/loadReferenceData.server.ts";
import { importResults } from "../services/results/importResults.server.ts";
import { BACKUP_USAGE, runBackupCommand } from "./backup.ts";
import { QUESTIONNAIRE_USAGE, runQuestionnaireCommand } from "./questionnaire.ts";
import { runUserCommand, USER_USAGE } from "./users.ts";

const USAGE = `Usage: kompass <command> [options]

Commands:
  import FILE...                 Import results (JSON, JSON array, NDJSON or CSV); each file all or nothing.
                                 "-" reads standard input (format detected from the content).
                                 UTF-8, UTF-16 with BOM or Windows-1252; CSV separated by "," ";" or tab.
  instrument list                List the instrument versions.
  instrument load FILE.json      Add an instrument version or extend one (validated first).
  grouping load FILE.csv --key KEY --name NAME [--valid-from YYYY-MM-DD] [--source TEXT]
                                 Load a dated municipality grouping (columns municipality,group,group_name).
${QUESTIONNAIRE_USAGE}
  setup                          Apply migrations and load reference data and the demo into an empty database.
${BACKUP_USAGE}
${USER_USAGE}

Settings (the same as the web server): DATABASE_URL for PostgreSQL, else PGlite in KOMPASS_DATA_DIR (./data).
On PGlite the CLI cannot run while the server uses the same data folder; stop the server first.
Formats: docs/import-formats.md, docs/instrument-format.md and docs/questionnaire-format.md.`;

class UsageError extends Error {}

function readInput(file: string): string {
  return readBytes(file).toString("utf8");
}

/** A file's bytes as they are: the import detects their encoding itself. */
function readBytes(file: string): Buffer {
  try {
    return readFileSync(file === "-" ? 0 : file);
  } catch (error) {
    throw new UsageError(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
    );
  }
}

async function withDatabase<T>(run: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(settingsFromEnv());
  try {
    await prepareDatabase(database, { demo: demoEnabled() });
    return await run(database);
  } finally {
    await database.close();
  }
}

function parseArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        key: { type: "string" },
        name: { type: "string" },
        "valid-from": { type: "string" },
        source: { type: "string" },
        role: { type: "string" },
        municipality: { type: "string" },
        organisation: { type: "string" },
        "password-stdin": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    // An unknown option or a missing value: say so, with the usage, instead of a stack trace.
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArguments(argv);
  const [command, ...rest] = positionals;
  if (!command || values.help || command === "help") {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case "import": {
      if (rest.length === 0) throw new UsageError("import needs at least one FILE");
      const files = rest.map((file) => ({ file, bytes: readBytes(file) }));
      return withDatabase(async ({ db }) => {
        let failed = 0;
        for (const { file, bytes } of files) {
          const name = file === "-" ? "standard input" : file;
          try {
            const summary = await importResults(db, { name: file === "-" ? "stdin" : basename(file), bytes });
            // Say how a file not in plain UTF-8 was read, so a wrong guess shows at once.
            const read = summary.encoding && summary.encoding !== "UTF-8" ? ` (read as ${summary.encoding})` : "";
            console.log(
              `${name}${read}: ${plural(summary.records, "result")}: ${summary.created} new, ${summary.updated} updated, ${summary.unchanged} unchanged.`,
            );
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            failed += 1;
            printProblems(name, error);
          }
        }
        return failed > 0 ? 1 : 0;
      });
    }
    case "instrument": {
      const [sub, file] = rest;
      if (sub === "list") {
        return withDatabase(async ({ db }) => {
          const instruments = await getInstruments(db);
          for (const key of sortInstrumentKeys(instruments.keys())) {
            const instrument = instruments.get(key)!;
            const subareas = instrument.areas.reduce((n, a) => n + a.subareas.length, 0);
            console.log(`${key}\t${instrument.name}\t${instrument.areas.length} areas, ${subareas} sub-areas`);
          }
          return 0;
        });
      }
      if (sub !== "load" || !file) throw new UsageError("usage: kompass instrument load FILE.json | kompass instrument list");
      let definition: unknown;
      try {
        definition = JSON.parse(readInput(file));
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
      }
      return withDatabase(async ({ db }) => {
        try {
          const { key, created } = await loadInstrumentDefinition(db, { name: file, definition });
          console.log(`${file}: instrument version ${key} ${created ? "added" : "updated"}.`);
          return 0;
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          printProblems(file, error);
          return 1;
        }
      });
    }
    case "grouping": {
      const [sub, file] = rest;
      if (sub !== "load" || !file || !values.key || !values.name)
        throw new UsageError("usage: kompass grouping load FILE.csv --key KEY --name NAME [--valid-from YYYY-MM-DD]");
      const csvText = readInput(file);
      return withDatabase(async ({ db }) => {
        try {
          const result = await loadGroupingCsv(db, {
            key: values.key!,
            name: values.name!,
            validFrom: values["valid-from"] ?? null,
            source: values.source ?? null,
            fileName: file,
            csvText,
          });
          console.log(`${file}: grouping ${result.key} loaded for ${result.municipalities} municipalities.`);
          return 0;
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          printProblems(file, error);
          return 1;
        }
      });
    }
    case "questionnaire":
      return runQuestionnaireCommand(rest, withDatabase);
    case "user":
      return runUserCommand(rest, values, withDatabase);
    case "backup":
    case "restore":
      return runBackupCommand(command, rest);
    case "setup":
      return withDatabase(async (database) => {
        console.log(`Database ready: ${database.kind} at ${database.location}.`);
        return 0;
      });
    default:
      throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

function printProblems(file: string, error: ValidationError) {
  console.error(`${file}: refused, nothing from it was stored. ${plural(error.problems.length, "problem")}:`);
  const shown = error.problems.slice(0, 50);
  for (const problem of shown) console.error(`  ${file} ${describeProblem(problem)}`);
  if (error.problems.length > shown.length) console.error(`  … and ${error.problems.length - shown.length} more`);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const unreachable = describeConnectionFailure(error, settingsFromEnv().databaseUrl);
  if (error instanceof UsageError || error instanceof DataFolderLockedError) {
    console.error(error.message);
    process.exitCode = error instanceof DataFolderLockedError ? 1 : 2;
  } else if (unreachable) {
    // The same line as the server's: which PostgreSQL, what went wrong, what to check.
    console.error(unreachable);
    process.exitCode = 1;
  } else if (
    error instanceof Error &&
    "code" in error &&
    typeof (error as { code?: unknown }).code === "string" &&
    /^[0-9A-Z]{5}$/.test(String((error as { code?: unknown }).code))
  ) {
    console.error(`Database error: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
