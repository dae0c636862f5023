import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client.server.ts";
import { evaluations } from "../../db/schema.server.ts";
import type { Municipality } from "../../db/repositories/municipalities.server.ts";
import { getInstruments, sortInstrumentKeys } from "../instruments/catalog.server.ts";
import type { ResultView } from "./presentResult.server.ts";
import { getMunicipalityResults } from "./queries.server.ts";

export interface MunicipalityProfile {
  municipality: Municipality;
  /** One block per instrument version the municipality was evaluated with: results are comparable within it. */
  versions: { key: string; name: string; areas: { number: number; name: string }[]; results: ResultView[] }[];
  resultCount: number;
  /** Result id → the evaluation whose published report it is (results imported from elsewhere have none). */
  reports: Record<number, number>;
}

/** A municipality with its results over time, grouped by instrument version, oldest first. */
export async function getMunicipalityProfile(db: Db, code: string): Promise<MunicipalityProfile> {
  const [{ municipality, results }, instruments] = await Promise.all([getMunicipalityResults(db, code), getInstruments(db)]);
  const keys = sortInstrumentKeys(new Set(results.map((r) => r.instrument)));
  // An evaluation points at its result from its first publication on, also during a correction.
  const published = await db
    .select({ id: evaluations.id, resultId: evaluations.resultId })
    .from(evaluations)
    .where(and(eq(evaluations.municipalityCode, code), isNotNull(evaluations.resultId)));
  return {
    municipality,
    resultCount: results.length,
    reports: Object.fromEntries(published.map((e) => [e.resultId!, e.id])),
    versions: keys.map((key) => {
      const instrument = instruments.get(key)!;
      return {
        key,
        name: instrument.name,
        areas: instrument.areas.map((a) => ({ number: a.number, name: a.name })),
        results: results.filter((r) => r.instrument === key),
      };
    }),
  };
}
