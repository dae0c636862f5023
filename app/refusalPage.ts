import { parseLanguage, translator } from "../src/i18n/index.ts";
import { LANGUAGE_COOKIE } from "./i18n.ts";

/**
 * The short page for an answer made before React Router is reached (a refused request, too
 * many requests, the database out of reach): in the visitor's language (its cookie), with its
 * title and a way back, and nothing else from the request. Plain HTML: it must not need the
 * database or the app's scripts.
 */
export type PageReason =
  | "badUrl"
  | "method"
  | "crossSite"
  | "contentType"
  | "tooLarge"
  | "fileTooLarge"
  | "badBody"
  | "rateLimited"
  | "unavailable"
  | "error";

const LANGUAGE = new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=(\\w+)`);

export function refusalPage(cookie: string | null | undefined, reason: PageReason, values: Record<string, unknown> = {}): string {
  const language = parseLanguage(LANGUAGE.exec(cookie ?? "")?.[1]);
  const t = translator(language);
  const title = escapeHtml(t(`error.refusal.${reason}.title`));
  const text = escapeHtml(t(`error.refusal.${reason}.text`, values));
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${title} – Kommunkompassen</title></head>` +
    `<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">` +
    `<main><h1>${title}</h1><p>${text}</p><p><a href="/">${escapeHtml(t("error.home"))}</a></p></main></body></html>`
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
