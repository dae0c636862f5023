import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRevisions, findResults } from "../../src/db/repositories/results.server.ts";
import { importResults } from "../../src/services/results/importResults.server.ts";
import { refusalOf } from "../support/errors.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { addFictionalMunicipalities, FICTIONAL, syntheticCodes, syntheticMunicipalities, TESTKOPING } from "../support/fictional.ts";
import { importDemo, resultTableCounts } from "../support/fixtures.ts";

const rejection = refusalOf;
// Every figure imported or refused here is synthetic, so every municipality is fictional.
const synthetic = syntheticMunicipalities(10);
const [a, b, c, d, e, f, g, h, i, j] = syntheticCodes(10);
const T = TESTKOPING.code;

describe.each(testDatabaseKinds())("importing results on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    await addFictionalMunicipalities(database.db, [...FICTIONAL, ...synthetic]);
  });
  afterAll(() => database.dispose());

  it("stores Örebro's demo results exactly as given", async () => {
    const results = await findResults(database.db, { municipalityCode: "1880" });
    expect(results.map((r) => [r.year, r.figures.total?.toFixed() ?? null])).toEqual([
      [2010, "515"],
      [2012, "615"],
      [2015, "650"],
    ]);
    const sub = results[1]!.figures.subareas;
    expect(sub.size).toBe(45);
    expect(sub.get("1.2")!.toFixed()).toBe("15.51");
    expect(sub.get("1.1")!.toFixed()).toBe("9");
  });

  it("imports CSV, JSON arrays and NDJSON, and counts what it did", async () => {
    const csv = `municipality,instrument,year,total,area1,area2,area3,area4,area5,area6,area7,area8\n${a},2016,2017,,60,61,62,63,64,65,66,67.5\n${b},2020,2021,512,,,,,,,,\n`;
    expect(await importResults(database.db, { name: "a.csv", text: csv })).toMatchObject({ records: 2, created: 2, updated: 0 });
    const ndjson = `{"municipality":"${c}","instrument":"2016","year":2018,"total":"433.5"}\n\n{"municipality":"${d}","instrument":"2016","year":2018,"total":401}\n`;
    expect(await importResults(database.db, { name: "b.ndjson", text: ndjson })).toMatchObject({ records: 2, created: 2 });
    const array = JSON.stringify([{ municipality: e, instrument: "2020", year: 2022, areas: { "1": 50 } }]);
    expect(await importResults(database.db, { name: "c.json", text: array })).toMatchObject({ created: 1 });

    const [first] = await findResults(database.db, { municipalityCode: a });
    expect(first!.figures.total).toBeNull();
    expect(first!.figures.areas.get(8)!.toFixed()).toBe("67.5");
  });

  it("updates an imported result on a second import, keeps the earlier values, and never duplicates", async () => {
    const first = { municipality: f, instrument: "2016", year: 2019, total: 400, source: "first" };
    await importResults(database.db, { name: "x.json", text: JSON.stringify(first) });
    const again = await importResults(database.db, { name: "x.json", text: JSON.stringify(first) });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const updated = await importResults(database.db, {
      name: "y.json",
      text: JSON.stringify({ ...first, total: 410, source: "corrected" }),
    });
    expect(updated).toMatchObject({ created: 0, updated: 1 });

    const results = await findResults(database.db, { municipalityCode: f });
    expect(results).toHaveLength(1);
    expect(results[0]!.figures.total!.toFixed()).toBe("410");
    const history = await findRevisions(database.db, results[0]!.id);
    expect(history).toHaveLength(1);
    expect(history[0]!.snapshot).toMatchObject({ total: "400", source: "first" });
  });

  it("refuses a file with one bad record, names it, and stores nothing from it", async () => {
    const before = await resultTableCounts(database.db);
    const csv = [
      "municipality,instrument,year,total,area1,area2,area3,area4,area5,area6,area7,area8",
      `${g},2016,2017,500,,,,,,,,`,
      `${h},2016,2017,5OO,,,,,,,,`,
      "",
      `${i},2016,2017,,101,,,,,,,`,
    ].join("\n");
    const error = await rejection(importResults(database.db, { name: "bad.csv", text: csv }));
    expect(error.problems).toEqual([
      expect.objectContaining({ location: "line 3", field: "total", message: expect.stringContaining('"5OO"') }),
      expect.objectContaining({ location: "line 5", field: "areas.1", message: expect.stringContaining("between 0 and 100") }),
    ]);
    expect(await resultTableCounts(database.db)).toEqual(before);
    expect(await findResults(database.db, { municipalityCode: g })).toHaveLength(0);
  });

  it.each([
    [
      "an unknown municipality",
      { municipality: "9999", instrument: "2010", year: 2012, total: 1 },
      "municipality",
      "no municipality has the code 9999",
    ],
    [
      "an unknown instrument",
      { municipality: T, instrument: "1999", year: 2012, total: 1 },
      "instrument",
      'unknown instrument version "1999"',
    ],
    [
      "a sub-area the instrument lacks",
      { municipality: T, instrument: "2010", year: 2013, subareas: { "1.9": 2 } },
      "subareas.1.9",
      "has no sub-area 1.9",
    ],
    [
      "sub-area points above max",
      { municipality: T, instrument: "2010", year: 2013, subareas: { "1.5": 10.5 } },
      "subareas.1.5",
      "between 0 and 10",
    ],
    ["a misspelt field", { municipality: T, instrument: "2010", year: 2013, total: 1, subarea: {} }, "subarea", "Unrecognized key"],
    ["no figures", { municipality: T, instrument: "2010", year: 2013 }, "total", "at least one of total, areas or subareas"],
    ["a numeric municipality code", { municipality: Number(T), instrument: "2010", year: 2013, total: 1 }, "municipality", "four-digit"],
    ["a bad date", { municipality: T, instrument: "2010", year: 2013, total: 1, date: "2013-13-01" }, "date", "YYYY-MM-DD"],
  ])("rejects %s with the field and reason", async (_label, document, field, message) => {
    const error = await rejection(
      importResults(database.db, {
        name: "one.json",
        text: JSON.stringify([{ municipality: h, instrument: "2016", year: 2016, total: 1 }, document]),
      }),
    );
    expect(error.problems).toEqual([expect.objectContaining({ location: "record 2", field, message: expect.stringContaining(message) })]);
    expect(await findResults(database.db, { municipalityCode: h })).toHaveLength(0);
  });

  it("rejects broken JSON with its line and the same key twice in one file", async () => {
    const broken = await rejection(importResults(database.db, { name: "broken.json", text: `[\n{"municipality": "${T}",\n"year": }\n]` }));
    expect(broken.problems[0]).toMatchObject({ location: "line 3", message: expect.stringContaining("not valid JSON") });
    const ndjson = `{"municipality":"${j}","instrument":"2016","year":2017,"total":1}\n{"municipality":"${j}","instrument":"2016","year":2017,"total":2}`;
    const twice = await rejection(importResults(database.db, { name: "twice.ndjson", text: ndjson }));
    expect(twice.problems[0]).toMatchObject({ location: "line 2", message: expect.stringContaining("line 1") });
  });

  it("rejects a CSV with an unknown column or a missing required column", async () => {
    const unknown = await rejection(
      importResults(database.db, { name: "u.csv", text: `municipality,instrument,year,totl\n${T},2010,2013,1\n` }),
    );
    expect(unknown.problems[0]).toMatchObject({ location: "line 1", field: "totl" });
    const missing = await rejection(importResults(database.db, { name: "m.csv", text: `municipality,year,total\n${T},2013,1\n` }));
    expect(missing.problems[0]).toMatchObject({ location: "line 1", message: expect.stringContaining('"instrument"') });
  });
});
