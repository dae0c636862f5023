/** Typed errors of the use-cases: the edges (CLI, API, pages) map them to messages and statuses. */

export interface Problem {
  /** Where: "line 3", "record 2", "areas[2] (area 3)", a query parameter … */
  location?: string;
  field?: string;
  /** Words for a person, or a code the edges put into words (a catalog key under `problem.` …). */
  message: string;
  /** What the words need: the item's maximum, the other person's name … */
  values?: Record<string, string | number>;
}

/** The part of a zod issue that a problem needs (zod 3 and 4 alike, without importing zod here). */
export interface ZodIssueLike {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  keys?: readonly string[];
}

/**
 * Zod issues as problems, the one mapping every edge and service uses: the issue's path is the
 * field ("evaluatorIds.0"), unknown keys at the top are named as the field, and `fallbackField`
 * names issues about the whole input.
 */
export function problemsFromZod(issues: readonly ZodIssueLike[], options: { location?: string; fallbackField?: string } = {}): Problem[] {
  return issues.map((issue) => {
    const field =
      issue.path.length > 0
        ? issue.path.map(String).join(".")
        : issue.code === "unrecognized_keys" && issue.keys?.length
          ? issue.keys.join(", ")
          : options.fallbackField;
    return {
      ...(options.location ? { location: options.location } : {}),
      ...(field !== undefined ? { field } : {}),
      message: issue.message,
    };
  });
}

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[],
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly what: string,
    readonly key: string,
  ) {
    super(`${what} ${key} was not found`);
    this.name = "NotFoundError";
  }
}

export function describeProblem(problem: Problem): string {
  const where = [problem.location, problem.field ? `field ${problem.field}` : undefined].filter(Boolean).join(", ");
  return where ? `${where}: ${problem.message}` : problem.message;
}

/** The actor may not do this: pages answer 403 (or send an anonymous visitor to sign in). */
export class ForbiddenError extends Error {
  constructor(readonly action: string) {
    super(`not allowed: ${action}`);
    this.name = "ForbiddenError";
  }
}

/** Someone else saved first: the caller shows both versions and lets the user choose. */
export class ConflictError<T = unknown> extends Error {
  constructor(
    readonly current: T,
    readonly currentVersion: number,
  ) {
    super("edited by someone else since it was loaded");
    this.name = "ConflictError";
  }
}
