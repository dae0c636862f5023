import i18next, { type TFunction } from "i18next";
import { LRUCache } from "lru-cache";
import type { sv } from "./sv.ts";

export type Language = "sv" | "en";
export type Catalog = typeof sv;

/**
 * The message catalogs in use. The server registers both (src/i18n/catalogs.server.ts); the
 * browser loads only the visitor's language before it hydrates the page (app/entry.client.tsx),
 * so nobody downloads the other language's messages.
 */
const catalogs = new Map<Language, object>();
const instances = new Map<Language, TFunction>();

export function registerCatalog(language: Language, messages: object): void {
  catalogs.set(language, messages);
  instances.clear();
}

/** Loads and registers one language's catalog (the browser's way: each is a chunk of its own). */
export async function loadCatalog(language: Language): Promise<void> {
  if (catalogs.has(language)) return;
  registerCatalog(language, language === "en" ? (await import("./en.ts")).en : (await import("./sv.ts")).sv);
}

/** A translate function for a language; Swedish is the default and, where loaded, the fallback. */
export function translator(language: Language = "sv"): TFunction {
  let t = instances.get(language);
  if (!t) {
    if (!catalogs.has(language)) throw new Error(`The ${language} messages are not loaded (see src/i18n/index.ts)`);
    const instance = i18next.createInstance();
    void instance.init({
      lng: language,
      fallbackLng: "sv",
      resources: Object.fromEntries([...catalogs].map(([code, messages]) => [code, { translation: messages }])),
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    t = memoized(instance.t.bind(instance) as TFunction);
    instances.set(language, t);
  }
  return t;
}

const isPrimitive = (value: unknown) => typeof value === "string" || typeof value === "number" || typeof value === "boolean";

/**
 * The catalogs never change while the process runs, so a key with the same simple options always
 * gives the same text. Large tables call t() once per row with a few distinct values; i18next's
 * lookup and interpolation were a tenth of such a page's render.
 */
function memoized(t: TFunction): TFunction {
  const texts = new LRUCache<string, { text: unknown }>({ max: 20_000 });
  const call = t as unknown as (key: unknown, options?: unknown) => unknown;
  return ((key: unknown, options?: unknown) => {
    const simple =
      typeof key === "string" &&
      (options === undefined || (typeof options === "object" && options !== null && Object.values(options).every(isPrimitive)));
    if (!simple) return call(key, options);
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    const known = texts.get(id);
    if (known) return known.text;
    const text = call(key, options);
    texts.set(id, { text });
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
