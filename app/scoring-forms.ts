import type { TFunction } from "i18next";
import type { Problem } from "../src/services/errors.ts";
import type { ScoringProblem } from "../src/services/scoring/shared.server.ts";

/**
 * What the scoring pages share between server and browser: no database here, so that the page
 * components may import it.
 */

/** A string field of a posted form (a file or a missing field is null). */
export function formText(form: FormData, name: string): string | null {
  const value = form.get(name);
  return typeof value === "string" ? value : null;
}

/** Exact points text as the page's language writes it: "12,5" in Swedish. */
export function pointsForInput(text: string | null | undefined, language: string): string {
  if (!text) return "";
  return language === "sv" ? text.replace(".", ",") : text;
}

/** A scoring problem in words: the scoring catalog first, then the shared problem catalog. */
export function problemMessage(t: TFunction, problem: Problem): string {
  const values = (problem as ScoringProblem).values ?? {};
  const shared = t(`problem.${problem.message}`, { ...values, defaultValue: problem.message });
  return t(`scoring.problem.${problem.message}`, { ...values, defaultValue: shared });
}

/** The problems of a failed save, translated, for <Problems />. */
export function translatedProblems(t: TFunction, problems: Problem[] | undefined): Problem[] | undefined {
  return problems?.map((problem) => ({ ...problem, message: problemMessage(t, problem) }));
}
