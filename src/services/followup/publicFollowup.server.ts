import type { Db } from "../../db/client.server.ts";
import type { EvaluationSnapshot } from "../../db/schema.server.ts";
import type { Verdict } from "../../domain/cycle/followup.ts";
import { getInstruments } from "../instruments/catalog.server.ts";

/** "Sedan förra utvärderingen" on the public evaluation page: the frozen marks, by area of the previous evaluation. */
export interface PublicFollowup {
  year: number;
  instrumentKey: string;
  sameVersion: boolean;
  areas: {
    number: number;
    /** As the previous evaluation's version names it. */
    name: string;
    entries: { improvementIndex: number; text: string; verdict: Verdict; comment: string }[];
  }[];
}

/** The published revision's follow-up as the public page shows it; null when nothing was followed up. */
export async function publishedFollowup(db: Db, followup: EvaluationSnapshot["followup"]): Promise<PublicFollowup | null> {
  if (!followup || followup.entries.length === 0) return null;
  const instrument = (await getInstruments(db)).get(followup.basis.instrumentKey);
  const numbers = [...new Set(followup.entries.map((e) => e.areaNumber))].sort((a, b) => a - b);
  return {
    year: followup.basis.year,
    instrumentKey: followup.basis.instrumentKey,
    sameVersion: followup.basis.sameVersion,
    areas: numbers.map((number) => ({
      number,
      name: instrument?.areas.find((a) => a.number === number)?.name ?? "",
      entries: followup.entries
        .filter((e) => e.areaNumber === number)
        .sort((a, b) => a.improvementIndex - b.improvementIndex)
        .map((e) => ({ improvementIndex: e.improvementIndex, text: e.improvementText, verdict: e.verdict, comment: e.comment })),
    })),
  };
}
