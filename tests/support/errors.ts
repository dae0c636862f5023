import { expect } from "vitest";
import { ValidationError, type Problem } from "../../src/services/errors.ts";

/** The problems a use-case was refused with; fails the test when it was not refused with a ValidationError. */
export async function problemsOf(promise: Promise<unknown>): Promise<Problem[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).problems;
}

/** The ValidationError a use-case was refused with; fails the test when it was not refused so. */
export async function refusalOf(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}
