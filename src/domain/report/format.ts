import { points, pointsNumber, roundHalfUp, type Points } from "../points.ts";
import type { Figure } from "./model.ts";

// Swedish number formatting: space as thousands separator, comma as decimal sign.
const whole = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const signed = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0, signDisplay: "exceptZero" });
const dayMonthYear = new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const dayMonth = new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", timeZone: "UTC" });

export const DASH = "–";

/** Printed points: rounded half up to whole points (the only rounding a report does). */
export function printedPoints(value: Points | null | undefined): Figure {
  if (value === null || value === undefined) return { text: DASH, value: null };
  const rounded = roundHalfUp(value);
  return { text: whole.format(pointsNumber(rounded)), value: pointsNumber(rounded) };
}

/**
 * An average of points: always one decimal ("57,3", "67,0"), rounded half up once, here, so
 * that every average on a page or in a report has the same precision. The averages service
 * already gives one decimal (getAverages with decimals: 1), so this rounding changes nothing
 * then; it is here for any other caller.
 */
export function printedAverage(value: Points | number | null | undefined): Figure {
  if (value === null || value === undefined) return { text: DASH, value: null };
  const rounded = roundHalfUp(typeof value === "number" ? points(value) : value, 1);
  return { text: oneDecimal.format(pointsNumber(rounded)), value: pointsNumber(rounded) };
}

/** Exact points as given (up to two decimals in practice), for the workbook's exact column. */
export function exactPoints(value: Points | null | undefined): Figure {
  if (value === null || value === undefined) return { text: DASH, value: null };
  return { text: decimals.format(pointsNumber(value)), value: pointsNumber(value) };
}

/** A percent already rounded by the caller, printed "60 %". */
export function printedPercent(value: Points | null | undefined): Figure {
  if (value === null || value === undefined) return { text: DASH, value: null };
  const rounded = roundHalfUp(value);
  return { text: `${whole.format(pointsNumber(rounded))}\u00a0%`, value: pointsNumber(rounded) };
}

export function count(value: number): string {
  return whole.format(value);
}

export function signedCount(value: number): string {
  return signed.format(value);
}

/** "2012-11-12" → "12 november 2012". */
export function longDate(iso: string): string {
  return dayMonthYear.format(new Date(`${iso}T00:00:00Z`));
}

/** A visit from one date to another, without repeating the year when both share it. */
export function dateRange(from: string, to: string): { from: string; to: string } {
  const start = new Date(`${from}T00:00:00Z`);
  if (from.slice(0, 7) === to.slice(0, 7)) return { from: String(start.getUTCDate()), to: longDate(to) };
  return { from: from.slice(0, 4) === to.slice(0, 4) ? dayMonth.format(start) : longDate(from), to: longDate(to) };
}

/** "A, B och C". */
export function joinSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

/** Fills {{name}} placeholders; an unknown placeholder is a programming error. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!(key in values)) throw new Error(`no value for {{${key}}} in "${template}"`);
    return String(values[key]);
  });
}

/** Running text: paragraphs separated by blank lines; single line breaks kept within one. */
export function paragraphsOf(body: string | undefined): string[] {
  if (!body) return [];
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** List texts: one item per line, blank lines and leading bullets left out. */
export function itemsOf(body: string | undefined): string[] {
  if (!body) return [];
  return body
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/^\s*[-•*]\s*/, "").trim())
    .filter((line) => line.length > 0);
}
