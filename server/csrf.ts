import { createHmac, randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/**
 * CSRF protection for every form: a random cookie (HttpOnly, SameSite=Lax) and, in each form,
 * a token that is the HMAC of that cookie under the installation's secret. A forged form from
 * another site has neither the cookie's value nor the secret, so cannot carry the token.
 */
export const CSRF_COOKIE = "kompass_csrf";

export function csrfTokenFor(secret: string, cookieValue: string): string {
  return createHmac("sha256", secret).update(`csrf:${cookieValue}`).digest("base64url");
}

/** Makes sure the browser has a CSRF cookie; the value is kept on the request for the context. */
export function csrfCookie(secure: boolean) {
  return (request: Request, response: Response, next: NextFunction) => {
    const existing = /(?:^|;\s*)kompass_csrf=([A-Za-z0-9_-]{20,})/.exec(request.headers.cookie ?? "")?.[1];
    const value = existing ?? randomBytes(24).toString("base64url");
    if (!existing) {
      response.append("Set-Cookie", `${CSRF_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`);
    }
    (request as Request & { csrfCookie?: string }).csrfCookie = value;
    next();
  };
}
