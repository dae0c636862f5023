import { useRouteLoaderData } from "react-router";
import { localeOf, parseLanguage, translator, type Language } from "../src/i18n/index.ts";

export const LANGUAGE_COOKIE = "kompass_lang";
/** The query parameter that names a page's language in a shareable address: ?lang=en or ?lang=sv. */
export const LANGUAGE_PARAMETER = "lang";

const LANGUAGE_IN_COOKIE = new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=(\\w+)`);

/** The language an address names (?lang=sv or ?lang=en), or undefined when it names none it knows. */
export function languageOfQuery(search: URLSearchParams): Language | undefined {
  const value = search.get(LANGUAGE_PARAMETER);
  return value === "sv" || value === "en" ? value : undefined;
}

/**
 * The page's language: the address's ?lang= first (a shared link shows what its sender saw),
 * then the visitor's cookie, then Swedish. The public page cache keys on the same choice.
 */
export function chooseLanguage(search: URLSearchParams, cookieHeader: string | null | undefined): Language {
  return languageOfQuery(search) ?? parseLanguage(cookieHeader ? LANGUAGE_IN_COOKIE.exec(cookieHeader)?.[1] : undefined);
}

export function languageFromRequest(request: Request): Language {
  return chooseLanguage(new URL(request.url).searchParams, request.headers.get("cookie"));
}

/**
 * The cookie that remembers a language choice: only the server reads it (pages get the language
 * from the root loader), so HttpOnly; Secure over https.
 */
export function languageCookie(language: Language, https: boolean): string {
  return `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${https ? "; Secure" : ""}`;
}

/** The address of the same page in another language: its query kept, ?lang= set. */
export function addressInLanguage(pathname: string, search: string, language: Language): string {
  const query = new URLSearchParams(search);
  query.set(LANGUAGE_PARAMETER, language);
  return `${pathname}?${query.toString()}`;
}

export function useLanguage(): Language {
  const data = useRouteLoaderData("root") as { language?: Language } | undefined;
  return data?.language ?? "sv";
}

export type Tools = {
  t: ReturnType<typeof translator>;
  language: Language;
  formatNumber: (value: number | null | undefined) => string;
  /** An average: always one decimal ("534,0", "57,3"), as every average on the pages and in the reports. */
  formatAverage: (value: number | null | undefined) => string;
  formatDate: (iso: string | null | undefined) => string;
};

/** How pages write a day (a YYYY-MM-DD at UTC midnight): "6 december 2026". */
export const DATE_STYLE: Intl.DateTimeFormatOptions = { dateStyle: "long", timeZone: "UTC" };

/** Made once per language: Intl formatters are costly to create, and pages call useT() per row. */
const toolsByLanguage = new Map<Language, Tools>();

/** The same tools outside a component: a loader making a page's table rows as HTML (app/components/tableHtml.ts). */
export function toolsFor(language: Language): Tools {
  let tools = toolsByLanguage.get(language);
  if (!tools) {
    const locale = localeOf(language);
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const date = new Intl.DateTimeFormat(locale, DATE_STYLE);
    tools = {
      t: translator(language),
      language,
      formatNumber: (value) => (value === null || value === undefined ? "" : number.format(value)),
      formatAverage: (value) => (value === null || value === undefined ? "" : oneDecimal.format(value)),
      formatDate: (iso) => (iso ? date.format(new Date(`${iso}T00:00:00Z`)) : ""),
    };
    toolsByLanguage.set(language, tools);
  }
  return tools;
}

/** The translate function and formatters for the page's language. */
export function useT(): Tools {
  return toolsFor(useLanguage());
}

/** A page title in the page's language, for meta(): the root loader carries the language. */
export function pageTitle(
  matches: readonly ({ id: string; data?: unknown } | undefined)[],
  key: string,
  options: Record<string, unknown> = {},
): string {
  const root = matches.find((match) => match?.id === "root")?.data as { language?: Language } | undefined;
  const t = translator(root?.language ?? "sv");
  return `${t(key, options)} – ${t("app.name")}`;
}
