import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { points, pointsText } from "../../src/domain/points.ts";
import {
  changeSince,
  changeText,
  previousResult,
  rankRecords,
  readRankingParams,
  selectForRanking,
  type TotalRecord,
} from "../../src/domain/rankingFilters.ts";

const record = (municipality: string, instrument: string, year: number, total: string, date: string | null = null): TotalRecord => ({
  municipality,
  instrument,
  year,
  date,
  total: points(total),
  published: true,
});

// Synthetic histories of fictional municipalities (codes 99xx, outside the real range; see
// tests/support/fictional.ts): Ödeby as far as 2015, Testköping in 2014, Provstad 2011–2018.
const ODEBY = "9904";
const TESTKOPING = "9901";
const PROVSTAD = "9902";

const history = [
  record(ODEBY, "2010", 2010, "515"),
  record(ODEBY, "2010", 2012, "615.4"),
  record(ODEBY, "2010", 2015, "650"),
  record(TESTKOPING, "2010", 2014, "650"),
  record(PROVSTAD, "2010", 2011, "461"),
  record(PROVSTAD, "2016", 2017, "555"),
  record(PROVSTAD, "2010", 2018, "500"),
];

describe("previous result and change", () => {
  it("compares with the latest earlier result: a number within a version, otherwise marked", () => {
    const odeby2015 = history[2]!;
    const change = changeSince(odeby2015, previousResult(history, odeby2015));
    expect(change.kind).toBe("points");
    if (change.kind === "points") expect(pointsText(change.points)).toBe("34.6");
    const provstad2018 = history[6]!;
    expect(changeSince(provstad2018, previousResult(history, provstad2018))).toMatchObject({
      kind: "otherVersion",
      previous: { year: 2017 },
    });
    expect(changeSince(history[0]!, previousResult(history, history[0]!))).toEqual({ kind: "none" });
  });

  it("prefers the same version in a year with two versions", () => {
    const current = record(ODEBY, "2016", 2020, "600");
    const previous = previousResult(
      [record(ODEBY, "2010", 2018, "500", "2018-12-01"), record(ODEBY, "2016", 2018, "550", "2018-01-01"), current],
      current,
    );
    expect(previous).toMatchObject({ instrument: "2010" });
    const tie = previousResult([record(ODEBY, "2010", 2018, "500"), record(ODEBY, "2016", 2018, "550"), current], current);
    expect(tie).toMatchObject({ instrument: "2016" });
  });

  it("shows changes rounded half up with a sign", () => {
    expect(changeText(points("34.6"))).toBe("+35");
    expect(changeText(points("34.5"))).toBe("+35");
    expect(changeText(points("-2.4"))).toBe("\u22122");
    expect(changeText(points("0.4"))).toBe("0");
  });
});

describe("selecting and ranking", () => {
  const names = new Map([
    [ODEBY, "Fiktiva Ödeby"],
    [TESTKOPING, "Fiktiva Testköping"],
    [PROVSTAD, "Fiktiva Provstad"],
  ]);
  const nameOf = (code: string) => names.get(code) ?? code;

  it("ranks the latest per municipality within the year range, ties sharing a rank", () => {
    const ranked = rankRecords(history, { instrument: "2010" }, nameOf);
    expect(ranked.map((r) => [r.rank, r.item.record.municipality, r.item.record.year])).toEqual([
      [1, TESTKOPING, 2014],
      [1, ODEBY, 2015],
      [3, PROVSTAD, 2018],
    ]);
    const upTo2013 = rankRecords(history, { instrument: "2010", yearTo: 2013 }, nameOf);
    expect(upTo2013.map((r) => [r.rank, r.item.record.municipality, r.item.record.year])).toEqual([
      [1, ODEBY, 2012],
      [2, PROVSTAD, 2011],
    ]);
    // Changes use the whole history, not only the years in the range.
    const from2015 = rankRecords(history, { instrument: "2010", yearFrom: 2015, all: true }, nameOf);
    expect(from2015.map((r) => [r.item.record.year, r.item.change.kind])).toEqual([
      [2015, "points"],
      [2018, "otherVersion"],
    ]);
  });

  it("ranks within the chosen municipalities", () => {
    const ranked = rankRecords(history, { instrument: "2010", municipalities: new Set([ODEBY, PROVSTAD]) }, nameOf);
    expect(ranked.map((r) => [r.rank, r.item.record.municipality])).toEqual([
      [1, ODEBY],
      [2, PROVSTAD],
    ]);
  });

  const recordArb = fc
    .record({
      municipality: fc.constantFrom("9901", "9902", "9903", "9904"),
      instrument: fc.constantFrom("2010", "2016"),
      year: fc.integer({ min: 2008, max: 2020 }),
      tenths: fc.integer({ min: 0, max: 8000 }),
    })
    .map((r) => record(r.municipality, r.instrument, r.year, String(r.tenths / 10)));

  it("selection: exactly the results that meet the criteria; latest keeps one per municipality, its latest", () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 40 }),
        fc.integer({ min: 2008, max: 2020 }),
        fc.integer({ min: 0, max: 6 }),
        (records, yearFrom, span) => {
          const criteria = { instrument: "2010", yearFrom, yearTo: yearFrom + span };
          const all = selectForRanking(records, { ...criteria, all: true });
          const meets = (r: (typeof records)[number]) => r.instrument === "2010" && r.year >= yearFrom && r.year <= yearFrom + span;
          // Every result that meets the criteria, and nothing else.
          expect(all).toEqual(records.filter(meets));
          const latest = selectForRanking(records, criteria);
          expect(new Set(latest.map((r) => r.municipality)).size).toBe(latest.length);
          expect(new Set(latest.map((r) => r.municipality))).toEqual(new Set(all.map((r) => r.municipality)));
          for (const r of latest)
            for (const other of all) if (other.municipality === r.municipality) expect(other.year).toBeLessThanOrEqual(r.year);
        },
      ),
    );
  });

  it("change: a number exactly when the previous result has the same version, and then total − previous", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 30 }), (records) => {
        for (const r of records) {
          const previous = previousResult(records, r);
          const change = changeSince(r, previous);
          if (previous) expect(previous.year).toBeLessThan(r.year);
          if (change.kind === "points") expect(pointsText(change.previous.total.plus(change.points))).toBe(pointsText(r.total));
          expect(change.kind === "points").toBe(previous !== null && previous.instrument === r.instrument);
        }
      }),
    );
  });
});

describe("rankings page parameters", () => {
  const allowed = { instruments: ["2010", "2016"], counties: ["18", "04"], groups: ["1", "3"], defaultInstrument: "2016" };
  const read = (query: string) => readRankingParams(new URLSearchParams(query), allowed);

  it("defaults to the newest version and keeps only the filters in use", () => {
    expect(read("")).toMatchObject({ problems: [], query: { instrument: "2016" }, values: { all: false } });
    expect(read("instrument=2010&all=true&county=18&group=&yearFrom=2010&yearTo=").query).toEqual({
      instrument: "2010",
      all: "true",
      county: "18",
      yearFrom: "2010",
    });
  });

  it("names each bad field", () => {
    expect(read("instrument=1999&county=99&group=11&yearFrom=12&yearTo=abcd").problems.map((p) => p.field)).toEqual([
      "instrument",
      "county",
      "group",
      "yearFrom",
      "yearTo",
    ]);
    expect(read("yearFrom=2015&yearTo=2012").problems).toEqual([{ field: "yearTo", problem: "yearOrder" }]);
  });
});
