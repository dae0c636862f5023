import type { Db } from "../../db/client.server.ts";
import { maxTotal } from "../../domain/instrument.ts";
import { municipalityPath } from "../../domain/paths.ts";
import { pointsNumber } from "../../domain/points.ts";
import { getInstruments, sortInstrumentKeys } from "../instruments/catalog.server.ts";
import { publicDataCache } from "../publicDataCache.server.ts";
import { listResults } from "../results/queries.server.ts";

const collator = new Intl.Collator("sv");

const span = (years: readonly number[]) => (years.length === 0 ? null : { first: Math.min(...years), last: Math.max(...years) });

/**
 * What the page about Kommunkompassen tells from the data rather than in fixed words: the
 * instrument versions with their areas, how many published results each has and from which
 * years, and which municipalities the results come from (each result names its source on the
 * municipality's page).
 */
export function getAboutFacts(db: Db): Promise<AboutFacts> {
  return aboutFacts.get(db, "all");
}

// Both read and present every published result (10,000 take seconds): once per data version.
const aboutFacts = publicDataCache({ max: 2, load: (db) => readAboutFacts(db) });
const catalogFacts = publicDataCache({ max: 2, load: (db) => readCatalogFacts(db) });

async function readAboutFacts(db: Db) {
  const [instruments, results] = await Promise.all([getInstruments(db), listResults(db)]);
  const versions = sortInstrumentKeys(instruments.keys()).map((key) => {
    const instrument = instruments.get(key)!;
    const own = results.filter((r) => r.instrument === key);
    return {
      key,
      name: instrument.name,
      description: instrument.description,
      maxTotal: pointsNumber(maxTotal(instrument)),
      areas: instrument.areas.map((area) => ({
        number: area.number,
        name: area.name,
        role: area.role,
        maxPoints: pointsNumber(area.maxPoints),
        subareas: area.subareas.length,
      })),
      results: own.length,
      years: span(own.map((r) => r.year)),
    };
  });
  const byCode = new Map<string, { code: string; name: string; path: string; years: number[] }>();
  for (const r of results) {
    const entry = byCode.get(r.municipality) ?? {
      code: r.municipality,
      name: r.name,
      path: municipalityPath(r.municipality, r.name),
      years: [],
    };
    entry.years.push(r.year);
    byCode.set(r.municipality, entry);
  }
  const municipalities = [...byCode.values()]
    .map((m) => ({ ...m, years: [...new Set(m.years)].sort((a, b) => a - b) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const levels = { subarea: 0, area: 0, total: 0 };
  for (const r of results) levels[r.level] += 1;
  return { versions, municipalities, levels, results: results.length, years: span(results.map((r) => r.year)) };
}

export type AboutFacts = Awaited<ReturnType<typeof readAboutFacts>>;

/** What the DCAT-AP-SE catalogue says of the data: the versions ranked, the years spanned, the last change. */
export function getCatalogFacts(db: Db): Promise<CatalogFacts> {
  return catalogFacts.get(db, "all");
}

export type CatalogFacts = Awaited<ReturnType<typeof readCatalogFacts>>;

async function readCatalogFacts(db: Db) {
  const [instruments, results] = await Promise.all([getInstruments(db), listResults(db)]);
  const changed = results.map((r) => r.updatedAt).sort();
  return {
    instruments: sortInstrumentKeys(instruments.keys()).map((key) => ({ key, name: instruments.get(key)!.name })),
    years: span(results.map((r) => r.year)),
    modified: changed.at(-1)?.slice(0, 10) ?? null,
  };
}
