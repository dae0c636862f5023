import { itemsOf } from "../report/format.ts";

/**
 * Follow-up at the next evaluation: the evaluators mark each improvement opportunity of the
 * municipality's previous published evaluation as resolved (åtgärdad), partly (delvis) or
 * remaining (kvarstår).
 */
export const VERDICTS = ["resolved", "partly", "remains"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const isVerdict = (value: string): value is Verdict => (VERDICTS as readonly string[]).includes(value);

/** One improvement opportunity of a published evaluation: its area and its line in the area's list. */
export interface ImprovementRef {
  areaNumber: number;
  /** 0-based position in "area.N.improvements". */
  index: number;
  text: string;
}

/** The improvement opportunities of an evaluation's texts ("area.N.improvements", one per line), in area order. */
export function improvementsOf(texts: Readonly<Record<string, string>>): ImprovementRef[] {
  const refs: ImprovementRef[] = [];
  const keys = Object.keys(texts)
    .map((key) => /^area\.(\d+)\.improvements$/.exec(key))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]));
  for (const match of keys) {
    for (const [index, text] of itemsOf(texts[match[0]]).entries()) refs.push({ areaNumber: Number(match[1]), index, text });
  }
  return refs;
}

/** What a published revision keeps of the follow-up (report section "Sedan förra utvärderingen"). */
export interface FollowupEntry {
  areaNumber: number;
  improvementIndex: number;
  improvementText: string;
  verdict: Verdict;
  comment: string;
}

/** The previous evaluation the follow-up looks back at, as the report names it. */
export interface FollowupBasis {
  year: number;
  instrumentKey: string;
  /** Same instrument version: areas map line by line; otherwise shown as "tidigare version". */
  sameVersion: boolean;
}
