import "../i18n/catalogs.server.ts";
import type { TFunction } from "i18next";
import type { Db } from "../db/client.server.ts";
import { evaluationPath, municipalityPath } from "../domain/paths.ts";
import { translator, type Language } from "../i18n/index.ts";
import { DEFAULT_GROUPING, municipalityList } from "../services/results/queries.server.ts";

/**
 * What people's downloads (/ladda-ned/…, src/api/download.server.ts) call a table, in each
 * language: the title above it, the words of its file name, and the page that shows it. The API
 * routes give it with their reply (Reply.download); the API itself never reads it.
 */
export interface DownloadNaming {
  /** "Kommunkompassen – rankning, 2010 års version, Örebro län". */
  title: Record<Language, string>;
  /** A short name for the sheet: the subject ("Rankning"). */
  sheet: Record<Language, string>;
  /** The file name's words after "kommunkompassen-", such as "rankning 2010" (the download makes them a file name). */
  file: Record<Language, string>;
  /** The public page that shows the table with these filters (a path), named as the source; absent when none does. */
  page?: string;
}

type Words = { subject: string; details?: readonly (string | false | undefined)[]; file: readonly (string | number | undefined)[] };

const LANGUAGES: readonly Language[] = ["sv", "en"];

/** A naming from its words, written once for both languages with each one's messages. */
function named(words: (t: TFunction) => Words, page?: string): DownloadNaming {
  const naming: DownloadNaming = { title: { sv: "", en: "" }, sheet: { sv: "", en: "" }, file: { sv: "", en: "" }, page };
  for (const language of LANGUAGES) {
    const t = translator(language);
    const { subject, details = [], file } = words(t);
    naming.title[language] = [t("downloads.title", { subject }), ...details.filter(Boolean)].join(", ");
    naming.sheet[language] = subject.charAt(0).toUpperCase() + subject.slice(1);
    naming.file[language] = file.filter((part) => part !== undefined).join(" ");
  }
  return naming;
}

/** "/rankning?instrument=2010&county=18": the given filters only. */
function pageWith(path: string, query: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams(
    Object.entries(query).flatMap(([key, value]) => (value === undefined || value === "" ? [] : [[key, String(value)]])),
  ).toString();
  return search ? `${path}?${search}` : path;
}

const version = (t: TFunction, key: string | undefined) => key !== undefined && t("downloads.detail.version", { key });

function years(t: TFunction, from: number | undefined, to: number | undefined) {
  if (from !== undefined && to !== undefined) return from === to ? String(from) : t("downloads.detail.years", { from, to });
  if (from !== undefined) return t("downloads.detail.yearFrom", { year: from });
  if (to !== undefined) return t("downloads.detail.yearTo", { year: to });
  return undefined;
}

/** The names behind codes in the filters: counties and municipality groups (the municipality list is kept in memory). */
async function placeNames(db: Db) {
  const list = await municipalityList(db);
  return {
    county: (code: string | undefined) =>
      code === undefined ? undefined : (list.find((m) => m.county.code === code)?.county.name ?? code),
    /** A group as the API takes it: "3" (SKL 2011) or "grouping:code". */
    group: (t: TFunction, group: string | undefined) => {
      if (group === undefined) return undefined;
      const [grouping, code] = group.includes(":") ? group.split(":", 2) : [DEFAULT_GROUPING, group];
      const name = list.flatMap((m) => m.groups).find((g) => g.grouping === grouping && g.code === code)?.name;
      return name ? t("downloads.detail.groupNamed", { code, name }) : t("downloads.detail.group", { code: group });
    },
    municipality: (code: string) => list.find((m) => m.code === code)?.name ?? code,
  };
}

/** One naming per table of the API (src/api/routes.server.ts), from the filters it was asked with. */
export const downloadNames = {
  municipalities: () =>
    named((t) => ({ subject: t("downloads.subject.municipalities"), file: [t("downloads.file.municipalities")] }), "/kommuner"),

  municipalityResults: (municipality: { code: string; name: string }, query: { instrument?: string; year?: number }) =>
    named(
      (t) => ({
        subject: t("downloads.subject.municipalityResults", { name: municipality.name }),
        details: [query.year !== undefined && String(query.year), version(t, query.instrument)],
        file: [municipality.name, t("downloads.file.results"), query.year],
      }),
      query.year === undefined
        ? municipalityPath(municipality.code, municipality.name)
        : evaluationPath(municipality.code, municipality.name, query.year, query.instrument),
    ),

  results: async (db: Db, query: { instrument?: string; year?: number; group?: string; sort?: "oldest" | "latest"; limit?: number }) => {
    const places = await placeNames(db);
    const latest = query.sort === "latest";
    return named(
      (t) => ({
        subject: t("downloads.subject.results"),
        details: [
          version(t, query.instrument),
          query.year !== undefined && String(query.year),
          places.group(t, query.group),
          query.limit !== undefined
            ? t(latest ? "downloads.detail.latest" : "downloads.detail.first", { count: query.limit })
            : latest && t("downloads.detail.latestFirst"),
        ],
        file: [t("downloads.file.results"), query.instrument, query.year],
      }),
      pageWith("/resultat", { instrument: query.instrument }),
    );
  },

  rankings: async (
    db: Db,
    query: { instrument: string; all?: boolean; county?: string; group?: string; yearFrom?: number; yearTo?: number; limit?: number },
  ) => {
    const places = await placeNames(db);
    return named(
      (t) => ({
        subject: t("downloads.subject.rankings"),
        details: [
          version(t, query.instrument),
          t(query.all ? "downloads.detail.allResults" : "downloads.detail.latestPerMunicipality"),
          places.county(query.county),
          places.group(t, query.group),
          years(t, query.yearFrom, query.yearTo),
          query.limit !== undefined && t("downloads.detail.top", { count: query.limit }),
        ],
        file: [t("downloads.file.rankings"), query.instrument],
      }),
      pageWith("/rankning", {
        instrument: query.instrument,
        all: query.all || undefined,
        county: query.county,
        group: query.group,
        yearFrom: query.yearFrom,
        yearTo: query.yearTo,
      }),
    );
  },

  averages: async (db: Db, query: { instrument: string; latest: number; before?: string; exclude?: string }) => {
    const places = await placeNames(db);
    return named((t) => ({
      subject: t("downloads.subject.averages"),
      details: [
        version(t, query.instrument),
        t("downloads.detail.averaged", { count: query.latest }),
        query.before !== undefined && t("downloads.detail.before", { date: query.before }),
        query.exclude !== undefined && t("downloads.detail.except", { name: places.municipality(query.exclude) }),
      ],
      file: [t("downloads.file.averages"), query.instrument],
    }));
  },

  compare: (compared: readonly { name: string; year: number }[], query: Record<string, string | undefined>) =>
    named(
      (t) => ({
        subject: t("downloads.subject.compare"),
        details: compared.map((c) => `${c.name} ${c.year}`),
        file: [t("downloads.file.compare"), ...compared.map((c) => c.name)],
      }),
      pageWith("/jamfor", query),
    ),

  search: async (
    db: Db,
    query: { q?: string; area?: string; instrument?: string; county?: string; group?: string; yearFrom?: string; yearTo?: string },
  ) => {
    const places = await placeNames(db);
    const words = query.q?.trim() ?? "";
    const year = (value: string | undefined) => (value === undefined || value === "" ? undefined : Number(value));
    return named(
      (t) => ({
        subject: words ? t("downloads.subject.search", { q: words }) : t("downloads.subject.searchAll"),
        details: [
          query.area && t("downloads.detail.area", { area: query.area }),
          version(t, query.instrument || undefined),
          places.county(query.county || undefined),
          places.group(t, query.group || undefined),
          years(t, year(query.yearFrom), year(query.yearTo)),
        ],
        file: [t("downloads.file.search"), words.slice(0, 40)],
      }),
      pageWith("/sok", {
        q: words,
        area: query.area,
        instrument: query.instrument,
        county: query.county,
        group: query.group,
        yearFrom: query.yearFrom,
        yearTo: query.yearTo,
      }),
    );
  },
};

/** A table without a naming of its own (a route added without one): named by the API's file name. */
export function fallbackNaming(name: string): DownloadNaming {
  return named(() => ({ subject: name, file: [name] }));
}
