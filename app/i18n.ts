import { useRouteLoaderData } from "react-router";
import { localeOf, parseLanguage, translator, type Language } from "../src/i18n/index.ts";

export const LANGUAGE_COOKIE = "kompass_lang";

export function languageFromRequest(request: Request): Language {
  const cookie = request.headers.get("cookie") ?? "";
  const match = new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=(\\w+)`).exec(cookie);
  return parseLanguage(match?.[1]);
}

export function useLanguage(): Language {
  const data = useRouteLoaderData("root") as { language?: Language } | undefined;
  return data?.language ?? "sv";
}

type Tools = {
  t: ReturnType<typeof translator>;
  language: Language;
  formatNumber: (value: number | null | undefined) => string;
  formatDate: (iso: string | null | undefined) => string;
};

/** Made once per language: Intl formatters are costly to create, and pages call useT() per row. */
const toolsByLanguage = new Map<Language, Tools>();

function toolsFor(language: Language): Tools {
  let tools = toolsByLanguage.get(language);
  if (!tools) {
    const locale = localeOf(language);
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
    tools = {
      t: translator(language),
      language,
      formatNumber: (value) => (value === null || value === undefined ? "" : number.format(value)),
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
