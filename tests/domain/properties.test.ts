import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInstrumentDefinition } from "../../src/domain/instrument-definition.ts";
import { allSubareas, type InstrumentVersion } from "../../src/domain/instrument.ts";
import { points, pointsText, roundHalfUp, sum, type Points } from "../../src/domain/points.ts";
import { rankByTotal } from "../../src/domain/ranking.ts";
import { scoreSheet, type ScoreSheet } from "../../src/domain/scoring.ts";

const parsed = parseInstrumentDefinition(
  JSON.parse(readFileSync(new URL("../../reference/instruments/2010.json", import.meta.url), "utf8")),
);
if (!parsed.ok) throw new Error(`2010 instrument does not parse: ${JSON.stringify(parsed.problems)}`);
const instrument: InstrumentVersion = parsed.instrument;
const subareas = allSubareas(instrument);

/** Exact points with up to two decimals, within 0..max of each sub-area of the 2010 version. */
const exactPointsArb: fc.Arbitrary<[string, Points][]> = fc.tuple(
  ...subareas.map((s) =>
    fc
      .integer({ min: 0, max: s.maxPoints.times(100).toNumber() })
      .map((hundredths): [string, Points] => [s.id, points(hundredths).dividedBy(100)]),
  ),
);

/** Sheet figures as text, for equality checks with readable diffs. */
function sheetText(sheet: ScoreSheet) {
  return {
    total: pointsText(sheet.total),
    exact: pointsText(sheet.exact),
    areas: sheet.areas.map((a) => ({
      number: a.number,
      exact: pointsText(a.exact),
      points: pointsText(a.points),
      percent: pointsText(a.percent),
      subareas: Object.fromEntries(a.subareas.map((s) => [s.id, `${pointsText(s.points)} ${pointsText(s.percent)}%`])),
    })),
  };
}

describe("scoreSheet properties (2010 instrument, random exact points)", () => {
  it("printed sub-area points lie in 0..max and percents in 0..100", () => {
    fc.assert(
      fc.property(exactPointsArb, (entries) => {
        for (const s of scoreSheet(instrument, new Map(entries)).areas.flatMap((a) => a.subareas)) {
          expect(s.points.greaterThanOrEqualTo(0) && s.points.lessThanOrEqualTo(s.max)).toBe(true);
          expect(s.percent.greaterThanOrEqualTo(0) && s.percent.lessThanOrEqualTo(100)).toBe(true);
          expect(s.points.isInteger() && s.percent.isInteger()).toBe(true);
        }
      }),
    );
  });

  it("an area's exact points are the sum of its sub-areas' exact points", () => {
    fc.assert(
      fc.property(exactPointsArb, (entries) => {
        for (const area of scoreSheet(instrument, new Map(entries)).areas) {
          expect(pointsText(area.exact)).toBe(pointsText(sum(area.subareas.map((s) => s.exact))));
          expect(pointsText(area.points)).toBe(pointsText(roundHalfUp(area.exact)));
        }
      }),
    );
  });

  it("the total is the rounded sum of exact area points, within 0..800 and at most 4 from the printed areas' sum", () => {
    fc.assert(
      fc.property(exactPointsArb, (entries) => {
        const sheet = scoreSheet(instrument, new Map(entries));
        expect(pointsText(sheet.total)).toBe(pointsText(roundHalfUp(sum(sheet.areas.map((a) => a.exact)))));
        expect(sheet.total.greaterThanOrEqualTo(0) && sheet.total.lessThanOrEqualTo(800)).toBe(true);
        // Each of 8 areas rounds by at most 0.5 and the total by at most 0.5: |diff| ≤ 4.5, so ≤ 4.
        const printedAreas = sum(sheet.areas.map((a) => a.points));
        expect(sheet.total.minus(printedAreas).abs().lessThanOrEqualTo(4)).toBe(true);
      }),
    );
  });

  it("does not depend on the order in which sub-area points are given", () => {
    fc.assert(
      fc.property(
        exactPointsArb.chain((entries) =>
          fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length })),
        ),
        ([entries, shuffled]) => {
          expect(sheetText(scoreSheet(instrument, new Map(shuffled)))).toEqual(sheetText(scoreSheet(instrument, new Map(entries))));
        },
      ),
    );
  });

  it("does not depend on the order of sub-areas within the instrument's areas", () => {
    const reversed: InstrumentVersion = {
      ...instrument,
      areas: instrument.areas.map((a) => ({ ...a, subareas: [...a.subareas].reverse() })),
    };
    fc.assert(
      fc.property(exactPointsArb, (entries) => {
        const a = scoreSheet(instrument, new Map(entries));
        const b = scoreSheet(reversed, new Map(entries));
        expect(pointsText(b.total)).toBe(pointsText(a.total));
        expect(b.areas.map((x) => [pointsText(x.exact), pointsText(x.points), pointsText(x.percent)])).toEqual(
          a.areas.map((x) => [pointsText(x.exact), pointsText(x.points), pointsText(x.percent)]),
        );
      }),
    );
  });
});

describe("exact decimals", () => {
  it("0.1 + 0.2 is exactly 0.3", () => {
    expect(points("0.1").plus(points("0.2")).equals(points("0.3"))).toBe(true);
    expect(points(0.1).plus(points(0.2)).equals(points(0.3))).toBe(true);
  });

  it("sums of two-decimal figures are exact", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 50 }), (hundredths) => {
        const total = sum(hundredths.map((h) => points((h / 100).toString())));
        const expected = hundredths.reduce((acc, h) => acc + h, 0);
        expect(pointsText(total.times(100))).toBe(String(expected));
      }),
    );
  });

  it("roundHalfUp rounds x.5 up (away from zero for negatives)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        expect(pointsText(roundHalfUp(points(`${n}.5`)))).toBe(String(n + 1));
        expect(pointsText(roundHalfUp(points(`${n}.49`)))).toBe(String(n));
        expect(pointsText(roundHalfUp(points(`-${n}.5`)))).toBe(String(-(n + 1)));
      }),
    );
  });

  it("roundHalfUp to two decimals rounds a trailing 5 up", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (n) => {
        const value = points(n).dividedBy(100).plus(points("0.005"));
        expect(pointsText(roundHalfUp(value, 2))).toBe(pointsText(points(n + 1).dividedBy(100)));
      }),
    );
  });
});

describe("rankByTotal properties", () => {
  // Totals with up to one decimal, so that ties both before and after rounding occur.
  const itemsArb = fc.array(fc.record({ name: fc.string({ maxLength: 4 }), tenths: fc.integer({ min: 0, max: 8000 }) }), { maxLength: 40 });
  const rank = (items: { name: string; tenths: number }[]) =>
    rankByTotal(
      items,
      (i) => points(i.tenths).dividedBy(10),
      (a, b) => a.name.localeCompare(b.name),
    );
  const shown = (i: { tenths: number }) => roundHalfUp(points(i.tenths).dividedBy(10)).toNumber();

  it("keeps every item, ranks from 1, ranks never decrease and totals never increase", () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const ranked = rank(items);
        expect(ranked).toHaveLength(items.length);
        if (ranked.length > 0) expect(ranked[0]!.rank).toBe(1);
        for (let i = 1; i < ranked.length; i++) {
          expect(ranked[i]!.rank).toBeGreaterThanOrEqual(ranked[i - 1]!.rank);
          expect(shown(ranked[i]!.item)).toBeLessThanOrEqual(shown(ranked[i - 1]!.item));
        }
      }),
    );
  });

  it("equal displayed totals share a rank, and rank = 1 + number of strictly better totals", () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const ranked = rank(items);
        for (const { rank: r, item } of ranked) {
          expect(r).toBe(1 + items.filter((other) => shown(other) > shown(item)).length);
          for (const other of ranked) if (shown(other.item) === shown(item)) expect(other.rank).toBe(r);
        }
      }),
    );
  });

  it("breaks ties with the tie-break, without changing ranks", () => {
    const ranked = rank([
      { name: "b", tenths: 6150 },
      { name: "a", tenths: 6154 },
      { name: "c", tenths: 6500 },
      { name: "d", tenths: 5150 },
    ]);
    expect(ranked.map((r) => [r.rank, r.item.name])).toEqual([
      [1, "c"],
      [2, "a"],
      [2, "b"],
      [4, "d"],
    ]);
  });
});
