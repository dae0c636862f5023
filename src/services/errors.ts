/** Typed errors of the use-cases: the edges (CLI, API, pages) map them to messages and statuses. */

export interface Problem {
  /** Where: "line 3", "record 2", "areas[2] (area 3)", a query parameter … */
  location?: string;
  field?: string;
  message: string;
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
