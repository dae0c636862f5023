import type { Db } from "../../db/client.server.ts";
import type { Municipality } from "../../db/repositories/municipalities.server.ts";
import { findResultKeys } from "../../db/repositories/results.server.ts";
import { evaluationHref, yearsWithTwoVersions } from "../../domain/paths.ts";
import { publicDataCache } from "../publicDataCache.server.ts";
import { municipalityList, municipalityListWithPractice } from "../results/queries.server.ts";

/** A municipality with how many published results it has and where its latest is. */
export interface DirectoryEntry extends Municipality {
  evaluations: number;
  latest: { year: number; instrument: string; path: string } | null;
}

/** One choice of a municipality picker: evaluated when it has published results. */
export interface MunicipalityChoice {
  code: string;
  name: string;
  evaluated: boolean;
}

const compareInstrumentKeys = (a: string, b: string) => a.localeCompare(b, "sv", { numeric: true });

async function loadDirectory(db: Db): Promise<DirectoryEntry[]> {
  const [list, keys] = await Promise.all([municipalityList(db), findResultKeys(db)]);
  const shared = yearsWithTwoVersions(keys.map((k) => ({ municipality: k.municipalityCode, year: k.year })));
  // Newest first; in a year with two versions, the newer version first (as the comparison chooses).
  const newestFirst = [...keys].sort((a, b) => b.year - a.year || -compareInstrumentKeys(a.instrumentKey, b.instrumentKey));
  const counts = new Map<string, number>();
  const latestOf = new Map<string, (typeof keys)[number]>();
  for (const k of newestFirst) {
    counts.set(k.municipalityCode, (counts.get(k.municipalityCode) ?? 0) + 1);
    if (!latestOf.has(k.municipalityCode)) latestOf.set(k.municipalityCode, k);
  }
  return list.map((municipality) => {
    const latest = latestOf.get(municipality.code);
    return {
      ...municipality,
      evaluations: counts.get(municipality.code) ?? 0,
      latest: latest
        ? {
            year: latest.year,
            instrument: latest.instrumentKey,
            path: evaluationHref(shared, municipality.code, municipality.name, latest.year, latest.instrumentKey),
          }
        : null,
    };
  });
}

const directories = publicDataCache<DirectoryEntry[]>({ max: 4, load: (db) => loadDirectory(db) });

/** Every municipality, in Swedish order, with its number of published results and its latest. */
export function municipalityDirectory(db: Db): Promise<DirectoryEntry[]> {
  return directories.get(db, "all");
}

const collator = new Intl.Collator("sv");

/**
 * What a municipality picker offers: every municipality, marked evaluated when it has published
 * results. With `practice` (the administrator planning an evaluation) also the practice
 * municipalities, which the public directory leaves out.
 */
export async function municipalityChoices(db: Db, { practice = false }: { practice?: boolean } = {}): Promise<MunicipalityChoice[]> {
  const choices = (await municipalityDirectory(db)).map((m) => ({ code: m.code, name: m.name, evaluated: m.evaluations > 0 }));
  if (!practice) return choices;
  const listed = new Set(choices.map((c) => c.code));
  const made = (await municipalityListWithPractice(db)).filter((m) => !listed.has(m.code));
  return [...choices, ...made.map((m) => ({ code: m.code, name: m.name, evaluated: false }))].sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}
