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
    t = instance.t.bind(instance) as TFunction;
    instances.set(language, t);
  }
  return t;
}

export function parseLanguage(value: string | null | undefined): Language {
  return value === "en" ? "en" : "sv";
}

/** BCP 47 locale for Intl formatting. */
export function localeOf(language: Language): string {
  return language === "en" ? "en-GB" : "sv-SE";
}
