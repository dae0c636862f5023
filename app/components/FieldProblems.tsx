import { createContext, useContext } from "react";
import type { Problem } from "../../src/services/errors.ts";

/** The problems of the form around a field (an AutosaveForm's), by field name: what marks the field invalid. */
export const FieldProblems = createContext<Problem[] | undefined>(undefined);

/**
 * The problem of one field of the surrounding AutosaveForm, with or without JavaScript: a refused
 * save as you type marks the field just as a refused post does (aria-invalid, the message below
 * it). Undefined outside an AutosaveForm and while the field is fine.
 */
export function useFieldProblem(name: string | undefined): string | undefined {
  const problems = useContext(FieldProblems);
  if (!name || !problems) return undefined;
  const found = problems.filter((p) => p.field === name).map((p) => p.message);
  return found.length ? found.join(" ") : undefined;
}
