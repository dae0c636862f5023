import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { problemsFromZod, ValidationError, type Problem } from "../src/services/errors.ts";

/**
 * Reads a posted form with its route's schema, one discriminated union of the route's intents
 * (conform turns the form's strings into numbers, arrays and files and empty fields into
 * nothing). A form that does not fit throws ValidationError with the problems, as a service
 * would, so that an action maps both in one place. The CSRF check (readForm) comes first.
 */
export function parseForm<Schema extends z.ZodType>(form: FormData, schema: Schema): z.output<Schema> {
  const submission = parseWithZod(form, { schema, formatError: (issues: z.core.$ZodIssue[]): Problem[] => problemsFromZod(issues) });
  if (submission.status === "success") return submission.value as z.output<Schema>;
  const problems = Object.values(submission.error ?? {}).flatMap((found) => found ?? []);
  throw new ValidationError("the form does not fit", problems.length ? problems : [{ field: "intent", message: "unknown_intent" }]);
}

/** A row's id as the form posts it. */
export const formId = z.number({ error: "unknown_intent" }).int().positive();
/** The version a form was loaded with (optimistic concurrency: see docs/workspace.md). */
export const formVersion = z.number({ error: "version_invalid" }).int().min(0);

/** The text fields of a posted form as typed, for showing them again after a refused save. */
export function typedValues<const Name extends string>(form: FormData, names: readonly Name[]): Record<Name, string> {
  return Object.fromEntries(names.map((name) => [name, typeof form.get(name) === "string" ? (form.get(name) as string) : ""])) as Record<
    Name,
    string
  >;
}
