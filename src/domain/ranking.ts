import { comparePoints, roundHalfUp, sum, type Points } from "./points.ts";

export interface Ranked<T> {
  rank: number;
  item: T;
}

/**
 * Best first by total; equal totals share a rank and the next rank skips ("1, 2, 2, 4").
 * Totals are compared as displayed (rounded half up), since that is what a reader sees.
 * Ties keep a stable order given by `tieBreak`.
 */
export function rankByTotal<T>(items: readonly T[], totalOf: (item: T) => Points, tieBreak: (a: T, b: T) => number): Ranked<T>[] {
  // Round once per item, not once per comparison.
  const rounded = items.map((item) => ({ item, shown: roundHalfUp(totalOf(item)) }));
  rounded.sort((a, b) => comparePoints(b.shown, a.shown) || tieBreak(a.item, b.item));
  const ranked: Ranked<T>[] = [];
  rounded.forEach(({ item, shown }, index) => {
    const previous = index > 0 ? rounded[index - 1]! : undefined;
    const rank = previous?.shown.equals(shown) ? ranked[index - 1]!.rank : index + 1;
    ranked.push({ rank, item });
  });
  return ranked;
}

/** Keeps the latest item of each key, by a sort key (year, then date). */
export function latestPerKey<T>(items: readonly T[], keyOf: (item: T) => string, isLater: (a: T, b: T) => boolean): T[] {
  const latest = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    const current = latest.get(key);
    if (!current || isLater(item, current)) latest.set(key, item);
  }
  return [...latest.values()];
}

/** Average of exact values; the caller decides how to round for display. */
export function average(values: readonly Points[]): Points | null {
  if (values.length === 0) return null;
  return sum(values).dividedBy(values.length);
}
