import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { CONTROL_CHARACTERS, hasControlCharacters } from "../src/domain/text.ts";
import { problemsFromZod, ValidationError, type Problem } from "../src/services/errors.ts";

/**
 * The fields of a posted form that hold control characters (NUL and the like: see
 * src/domain/text.ts), one problem each. Checked before anything else, for every field of every
 * form: PostgreSQL refuses a NUL, and no field anywhere has a use for the others.
 */
export function controlCharacterProblems(form: FormData): Problem[] {
  const fields = new Set<string>();
  for (const [name, value] of form) if (typeof value === "string" && hasControlCharacters(value)) fields.add(name);
  return [...fields].map((field) => ({ field, message: CONTROL_CHARACTERS }));
}

/**
 * Reads a posted form with its route's schema, one discriminated union of the route's intents
 * (conform turns the form's strings into numbers, arrays and files and empty fields into
 * nothing). A form that does not fit throws ValidationError with the problems, as a service
 * would, so that an action maps both in one place. The CSRF check (readForm) comes first; a
 * field with control characters refuses the form before its schema is read (the page shows what
 * was typed again, as after any refused save).
 */
export function parseForm<Schema extends z.ZodType>(form: FormData, schema: Schema): z.output<Schema> {
  const unclean = controlCharacterProblems(form);
  if (unclean.length > 0) throw new ValidationError("a field holds control characters", unclean);
  // @conform-to/zod gathers the problems by field name in a plain object: a refused field named
  // like a member of Object.prototype ("constructor", "__proto__") makes it throw a TypeError (a
  // 500), e.g. as an extra field of a form that takes any (catchall). No form of ours has one.
  const inherited = [...new Set(form.keys())].filter((name) => name in Object.prototype);
  if (inherited.length > 0) {
    throw new ValidationError(
      "the form has a field of no form",
      inherited.map((field) => ({ field, message: "unknown_intent" })),
    );
  }
  const submission = parseWithZod(form, { schema, formatError: (issues: z.core.$ZodIssue[]): Problem[] => problemsFromZod(issues) });
  if (submission.status === "success") return submission.value as z.output<Schema>;
  const problems = Object.values(submission.error ?? {}).flatMap((found) => found ?? []);
  throw new ValidationError("the form does not fit", problems.length ? problems : [{ field: "intent", message: "unknown_intent" }]);
}

/** A row's id as the form posts it. */
// Ids and versions are PostgreSQL integers: a larger number is no row of ours, not a query to fail.
const PG_INT_MAX = 2_147_483_647;
export const formId = z.number({ error: "unknown_intent" }).int().positive().max(PG_INT_MAX, "unknown_intent");
/** The version a form was loaded with (optimistic concurrency: see docs/workspace.md). */
export const formVersion = z.number({ error: "version_invalid" }).int().min(0).max(PG_INT_MAX, "version_invalid");

/** The text fields of a posted form as typed, for showing them again after a refused save. */
export function typedValues<const Name extends string>(form: FormData, names: readonly Name[]): Record<Name, string> {
  return Object.fromEntries(names.map((name) => [name, typeof form.get(name) === "string" ? (form.get(name) as string) : ""])) as Record<
    Name,
    string
  >;
}
