import type { InstrumentVersion } from "../../domain/instrument.ts";

/** The longest text the report takes in one field. */
export const MAX_TEXT_LENGTH = 20_000;
/** A good example is one sentence. */
export const MAX_SENTENCE_LENGTH = 500;

export const SUMMARY_KEY = "summary.evaluation";
export const generalKey = (area: number) => `area.${area}.general`;
export const strengthsKey = (area: number) => `area.${area}.strengths`;
export const improvementsKey = (area: number) => `area.${area}.improvements`;
export const subareaKey = (subareaId: string) => `subarea.${subareaId}`;

/** Every text key the report of an evaluation with this instrument version has, in report order. */
export function allowedTextKeys(instrument: InstrumentVersion): string[] {
  return [
    SUMMARY_KEY,
    ...instrument.areas.flatMap((area) => [
      generalKey(area.number),
      ...area.subareas.map((subarea) => subareaKey(subarea.id)),
      strengthsKey(area.number),
      improvementsKey(area.number),
    ]),
  ];
}

/** Browsers post a textarea's line breaks as CRLF: texts are stored with LF only. */
export function normaliseText(body: string): string {
  return body.replace(/\r\n?/g, "\n");
}

/** The items of a list text (strengths, improvements): one per line, blank lines left out, in order. */
export function listItems(body: string): string[] {
  return normaliseText(body)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
