import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { contentSecurityPolicy, STRICT_CSP } from "../app/csp.ts";

/**
 * Headers on every answer (helmet): no sniffing of content types, no framing by any site,
 * Referrer-Policy strict-origin-when-cross-origin, and HSTS when the site is served over https
 * (KOMPASS_URL). The Content Security Policy set here is the fallback for answers that are not
 * rendered pages (refusals, static files; the API gets a stricter one); a rendered page carries
 * its own, with the nonce of its inline scripts (app/entry.server.tsx), which replaces it.
 */
export function securityHeaders(options: { https: boolean; development: boolean }) {
  const base = helmet({
    // Set below: helmet's one policy cannot tell pages from the API.
    contentSecurityPolicy: false,
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginResourcePolicy: { policy: "same-origin" },
    // Set below: helmet's "0" reads as missing to scanners (wapiti) that public buyers run.
    xXssProtection: false,
  });
  const pagePolicy = contentSecurityPolicy();
  return (request: Request, response: Response, next: NextFunction) => {
    base(request, response, () => {
      // Current browsers ignore it (their XSS filters are gone; the CSP does that work); in an old
      // one, "mode=block" stops the page rather than letting the filter edit it, which could be abused.
      response.setHeader("X-XSS-Protection", "1; mode=block");
      const api = request.path.startsWith("/api/");
      // Open data: any site may load it (CORS decides what scripts may read).
      if (api) response.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
      if (!options.development) response.setHeader("Content-Security-Policy", api ? STRICT_CSP : pagePolicy);
      next();
    });
  };
}
