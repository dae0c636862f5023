import "../i18n/catalogs.server.ts";
import { readFileSync } from "node:fs";
import type { Database } from "../db/client.server.ts";
import { describeQuestionnaireProblem } from "../domain/cycle/questionnaireFile.ts";
import { pointsText } from "../domain/points.ts";
import { translator } from "../i18n/index.ts";
import { SYSTEM } from "../services/auth/users.server.ts";
import { NotFoundError, ValidationError } from "../services/errors.ts";
import { loadQuestionnaire, type QuestionnaireChange, resetQuestionnaire } from "../services/questionnaire/loadQuestionnaire.server.ts";
import { questionnaireFor } from "../services/questionnaire/items.server.ts";

/** `kompass questionnaire …`: a version's questionnaire (självvärdering) as data, docs/questionnaire-format.md. */
export const QUESTIONNAIRE_USAGE = `  questionnaire load FILE.json   Replace the questionnaire of the version the file names (all or nothing).
  questionnaire show VERSION     Print a version's questionnaire items (loaded, or the default from the instrument).
  questionnaire reset VERSION    Go back to the default questionnaire derived from the instrument.`;

type WithDatabase = <T>(run: (database: Database) => Promise<T>) => Promise<T>;

const english = translator("en");

function usage(message: string): number {
  console.error(`${message}\n\nUsage:\n${QUESTIONNAIRE_USAGE}`);
  return 2;
}

function printRefusal(what: string, error: ValidationError) {
  console.error(`${what}: refused, nothing was changed. ${error.problems.length} problem${error.problems.length === 1 ? "" : "s"}:`);
  const shown = error.problems.slice(0, 50);
  for (const problem of shown) console.error(`  ${describeQuestionnaireProblem(english, problem)}`);
  if (error.problems.length > shown.length) console.error(`  … and ${error.problems.length - shown.length} more`);
}

const summary = (change: QuestionnaireChange) =>
  `${change.count} items (${change.added.length} added, ${change.removed.length} removed, ${change.changed.length} changed)`;

/** Runs a change, printing its problems (exit 1) or an unknown version (exit 1) instead of a stack trace. */
async function changing(what: string, run: () => Promise<QuestionnaireChange>, done: (change: QuestionnaireChange) => string) {
  try {
    console.log(done(await run()));
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) printRefusal(what, error);
    else if (error instanceof NotFoundError) console.error(`${what}: there is no instrument version ${error.key}.`);
    else throw error;
    return 1;
  }
}

export async function runQuestionnaireCommand(args: string[], withDatabase: WithDatabase): Promise<number> {
  const [sub, argument, ...extra] = args;
  if (!sub) return usage("questionnaire needs a command: load, show or reset");
  if (!argument || extra.length > 0) return usage(`questionnaire ${sub} needs exactly one argument`);
  switch (sub) {
    case "load": {
      let bytes: Buffer;
      try {
        bytes = readFileSync(argument === "-" ? 0 : argument);
      } catch (error) {
        console.error(
          `Cannot read ${argument}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
        );
        return 2;
      }
      return withDatabase(({ db }) =>
        changing(
          argument,
          () => loadQuestionnaire(db, SYSTEM, { bytes }),
          (change) => `${argument}: questionnaire of version ${change.instrumentKey} loaded: ${summary(change)}.`,
        ),
      );
    }
    case "reset":
      return withDatabase(({ db }) =>
        changing(
          `questionnaire reset ${argument}`,
          () => resetQuestionnaire(db, SYSTEM, { instrumentKey: argument }),
          (change) => `Version ${change.instrumentKey} now has the default questionnaire: ${summary(change)}.`,
        ),
      );
    case "show":
      return withDatabase(async ({ db }) => {
        try {
          const { items, source } = await questionnaireFor(db, argument);
          console.log(
            `Version ${argument}: ${items.length} items (${source === "loaded" ? "loaded file" : "default, from the instrument"}).`,
          );
          console.log("id\tarea\tsub-area\tmax points\ttext");
          for (const item of items) {
            const max = item.maxPoints === null ? "-" : pointsText(item.maxPoints);
            console.log(`${item.id}\t${item.areaNumber}\t${item.subareaId ?? "-"}\t${max}\t${item.text.replace(/\s+/g, " ")}`);
          }
          return 0;
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          console.error(`questionnaire show: there is no instrument version ${argument}.`);
          return 1;
        }
      });
    default:
      return usage(`unknown questionnaire command "${sub}"`);
  }
}
