import type { TFunction } from "i18next";
import { type Language, localeOf, translator } from "../src/i18n/index.ts";
import { LANGUAGE_PARAMETER } from "./i18n.ts";

/**
 * What search engines and link previews read of a page, made in one place for every route (the
 * root's Layout renders it): a description per page, Open Graph tags, the canonical address and
 * the address of the page in each language. The title stays each route's own meta(); the share
 * title here repeats its words without the site's name (og:site_name carries that), and
 * tests/integration/about-open-data.test.ts checks that the two agree on every public page.
 */

/** The card shown where a page is shared (public/delningsbild.png). */
export const SHARE_IMAGE = { path: "/delningsbild.png", width: 1200, height: 630 } as const;

interface Words {
  title: string;
  description: string;
}

/** A value inside loader data, if it is text or a number: the pages' data is read, never trusted. */
function textAt(data: unknown, ...path: string[]): string | null {
  const value = path.reduce<unknown>(
    (inner, key) => (inner !== null && typeof inner === "object" ? (inner as Record<string, unknown>)[key] : undefined),
    data,
  );
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
}

/** Words of a page that names something (a municipality, a year): generic ones when its data is missing. */
function named(t: TFunction, values: Record<string, string | null>, title: string, description: string): Words | null {
  if (Object.values(values).some((value) => value === null || value === "")) return null;
  return { title: t(title, values), description: t(description, values) };
}

const PAGES: Record<string, (t: TFunction, data: unknown) => Words | null> = {
  "routes/home": (t) => ({ title: t("app.tagline"), description: t("about.seo.home") }),
  "routes/results": (t) => ({ title: t("home.title"), description: t("about.seo.results") }),
  "routes/rankings": (t, data) =>
    named(t, { instrument: textAt(data, "instrumentName") }, "portal.rankings.title", "about.seo.rankingsOf") ?? {
      title: t("portal.rankings.title"),
      description: t("about.seo.rankings"),
    },
  "routes/municipalities": (t) => ({ title: t("municipalities.title"), description: t("about.seo.municipalities") }),
  "routes/municipality": (t, data) =>
    named(
      t,
      { name: textAt(data, "municipality", "name"), count: textAt(data, "resultCount") },
      "municipality.title",
      "about.seo.municipality",
    ),
  "routes/evaluation": (t, data) =>
    named(
      t,
      {
        name: textAt(data, "municipality", "name"),
        year: textAt(data, "result", "year"),
        instrument: textAt(data, "result", "instrument", "name"),
      },
      "pages.evaluation.title",
      "about.seo.evaluation",
    ),
  "routes/report/view": (t, data) =>
    named(t, { name: textAt(data, "name"), year: textAt(data, "year") }, "report.pageTitle", "about.seo.report"),
  "routes/compare": (t) => ({ title: t("pages.compare.title"), description: t("about.seo.compare") }),
  "routes/trend": (t) => ({ title: t("trend.title"), description: t("about.seo.trend") }),
  "routes/search": (t) => ({ title: t("pages.search.title"), description: t("about.seo.search") }),
  "routes/about": (t) => ({ title: t("about.page.title"), description: t("about.seo.about") }),
  "routes/open-data": (t) => ({ title: t("about.openData.title"), description: t("about.seo.openData") }),
  "routes/auth/sign-in": (t) => ({ title: t("auth.signIn"), description: t("about.seo.signIn") }),
};

/** A page's share title and description; generic ones for a page without words of its own. */
function pageWords(routeId: string, data: unknown, language: Language): Words {
  const t = translator(language);
  return PAGES[routeId]?.(t, data) ?? { title: t("app.name"), description: t("about.seo.default") };
}

/** The address of a page in a language: Swedish without ?lang= (the default), English with ?lang=en. */
export function addressFor(origin: string, pathname: string, search: string, language: Language): string {
  const query = new URLSearchParams(search);
  query.delete(LANGUAGE_PARAMETER);
  if (language === "en") query.set(LANGUAGE_PARAMETER, "en");
  const rest = query.toString();
  return `${origin}${pathname}${rest ? `?${rest}` : ""}`;
}

export interface HeadTags {
  meta: ({ name: string; content: string } | { property: string; content: string })[];
  links: { rel: string; href: string; hrefLang?: string; type?: string }[];
}

/**
 * The head of a page: its description, Open Graph and Twitter tags, canonical address, and the
 * alternates in Swedish and English (absolute, as hreflang asks). `matches` are the route
 * matches, the last the page itself.
 */
export function headTags(
  matches: readonly { id: string; data: unknown }[],
  place: { origin: string; pathname: string; search: string },
  language: Language,
): HeadTags {
  const leaf = matches.at(-1);
  const t = translator(language);
  const words = pageWords(leaf?.id ?? "", leaf?.data, language);
  const { origin, pathname, search } = place;
  const here = addressFor(origin, pathname, search, language);
  const other: Language = language === "sv" ? "en" : "sv";
  return {
    meta: [
      { name: "description", content: words.description },
      { property: "og:site_name", content: t("app.name") },
      { property: "og:title", content: words.title },
      { property: "og:description", content: words.description },
      { property: "og:type", content: "website" },
      { property: "og:url", content: here },
      { property: "og:locale", content: localeOf(language).replace("-", "_") },
      { property: "og:locale:alternate", content: localeOf(other).replace("-", "_") },
      { property: "og:image", content: `${origin}${SHARE_IMAGE.path}` },
      { property: "og:image:width", content: String(SHARE_IMAGE.width) },
      { property: "og:image:height", content: String(SHARE_IMAGE.height) },
      { property: "og:image:alt", content: t("about.seo.imageAlt") },
      { name: "twitter:card", content: "summary_large_image" },
    ],
    links: [
      { rel: "canonical", href: here },
      { rel: "alternate", hrefLang: "sv", href: addressFor(origin, pathname, search, "sv") },
      { rel: "alternate", hrefLang: "en", href: addressFor(origin, pathname, search, "en") },
      { rel: "alternate", hrefLang: "x-default", href: addressFor(origin, pathname, search, "sv") },
    ],
  };
}
