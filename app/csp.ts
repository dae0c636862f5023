/**
 * The Content Security Policy of every page: scripts only from this site or carrying the page's
 * nonce (React Router's inline hydration scripts get it; see app/entry.server.tsx), nothing
 * framed, forms only to this site. Styles may be inline: Designsystemet and the report's own
 * stylesheet set them, and a style cannot run code. Answers that are not pages get `strict`.
 */
export function contentSecurityPolicy(nonce?: string): string {
  return [
    "default-src 'self'",
    `script-src 'self'${nonce ? ` 'nonce-${nonce}'` : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For answers that are data, not pages (API, files): nothing may run or be framed. */
export const STRICT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
