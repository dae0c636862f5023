import i18next, { type TFunction } from "i18next";
import { en } from "./en.ts";
import { sv } from "./sv.ts";

export type Language = "sv" | "en";

const instances = new Map<Language, TFunction>();

/** A translate function for a language; Swedish is the default and the fallback. */
export function translator(language: Language = "sv"): TFunction {
  let t = instances.get(language);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      lng: language,
      fallbackLng: "sv",
      resources: { sv: { translation: sv }, en: { translation: en } },
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    t = memoized(instance.t.bind(instance) as TFunction);
    instances.set(language, t);
  }
  return t;
}

const MAX_MEMOIZED = 20_000;
const isPrimitive = (value: unknown) => typeof value === "string" || typeof value === "number" || typeof value === "boolean";

/**
 * The catalogs never change while the process runs, so a key with the same simple options always
 * gives the same text. Large tables call t() once per row with a few distinct values; i18next's
 * lookup and interpolation were a tenth of such a page's render.
 */
function memoized(t: TFunction): TFunction {
  const texts = new Map<string, unknown>();
  const call = t as unknown as (key: unknown, options?: unknown) => unknown;
  return ((key: unknown, options?: unknown) => {
    const simple =
      typeof key === "string" &&
      (options === undefined || (typeof options === "object" && options !== null && Object.values(options).every(isPrimitive)));
    if (!simple) return call(key, options);
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    if (texts.has(id)) return texts.get(id);
    const text = call(key, options);
    if (texts.size >= MAX_MEMOIZED) texts.clear();
    texts.set(id, text);
    return text;
  }) as unknown as TFunction;
}

export function parseLanguage(value: string | null | undefined): Language {
  return value === "en" ? "en" : "sv";
}

/** BCP 47 locale for Intl formatting. */
export function localeOf(language: Language): string {
  return language === "en" ? "en-GB" : "sv-SE";
}
