import type { NextFunction, Request, Response } from "express";
import { LANGUAGE_COOKIE, languageCookie, languageOfQuery } from "../app/i18n.ts";

const COOKIE = new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=(\\w+)`);
// The API and the browser's files have no language; /sprak sets the cookie itself.
const WITHOUT_LANGUAGE = /^\/(?:api|assets|sprak)(?:[/.]|$)/;

/**
 * An address with ?lang=en (or ?lang=sv) shows the page in that language (app/i18n.ts) and makes it
 * the visitor's choice: the cookie is set, so that the pages they go on to through plain links
 * stay in it. Set here, before the public page cache, because a stored page carries no cookie.
 */
export function rememberLanguage(https: boolean) {
  return (request: Request, response: Response, next: NextFunction) => {
    const query = request.url.indexOf("?");
    if (query < 0 || (request.method !== "GET" && request.method !== "HEAD") || WITHOUT_LANGUAGE.test(request.path)) return next();
    const language = languageOfQuery(new URLSearchParams(request.url.slice(query + 1)));
    if (language && COOKIE.exec(request.headers.cookie ?? "")?.[1] !== language)
      response.append("Set-Cookie", languageCookie(language, https));
    next();
  };
}
