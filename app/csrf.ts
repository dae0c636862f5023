/**
 * The form side of CSRF protection, without Node's crypto so that modules shared with the
 * browser (app/forms.tsx) can import it. The token itself is made in src/web/csrf.ts.
 */
export const CSRF_FIELD = "_csrf";

/** Compares in constant time for strings of equal length. */
export function csrfMatches(expected: string, given: unknown): boolean {
  if (typeof given !== "string" || given.length !== expected.length || expected.length === 0) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ given.charCodeAt(i);
  return difference === 0;
}
