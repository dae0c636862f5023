/**
 * The one check for every return address a request carries (after sign-in, after switching
 * language): it is resolved as a browser would resolve it against this site, and kept only if
 * it stays on the site. Browsers read "/\\host", "/\\t/host" and "//host" as another site, so
 * string tests on the raw value are not enough; the URL parser sees what the browser sees.
 */
const BASE = "http://kompass.invalid";

export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  // Only a path: a scheme ("https:", "javascript:") or anything before the first "/" is foreign.
  if (!value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // "/.//host" resolves to the path "//host", which a browser would take for another site.
  if (path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
