import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getComparison, slotsFromQuery } from "../../src/services/portal/compare.server.ts";
import { getEvaluationPage } from "../../src/services/portal/evaluationPage.server.ts";
import { importResults } from "../../src/services/results/importResults.server.ts";
import { getHistoryFacts } from "../../src/services/results/rankings.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";

// Örebro has 2010, 2012 and 2015 under the 2010 version; here 2012 also under 2016 (area points
// only) and 2010 under 2016 with one area only (no total), so that those years hold two versions.
const twice = [
  {
    municipality: "1880",
    instrument: "2016",
    year: 2012,
    date: "2012-11-01",
    areas: { "1": 60, "2": 70, "3": 80, "4": 60, "5": 60, "6": 70, "7": 60, "8": 80 },
  },
  { municipality: "1880", instrument: "2016", year: 2010, areas: { "1": 50 } },
];

describe.each(testDatabaseKinds())("links to an evaluation in a year with two versions, on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    await importResults(database.db, { name: "twice.ndjson", text: twice.map((r) => JSON.stringify(r)).join("\n") });
  });
  afterAll(() => database.dispose());

  it("knows every such year, also one whose second result has no total", async () => {
    const { shared } = await getHistoryFacts(database.db);
    expect([...shared].sort()).toEqual(["1880/2010", "1880/2012"]);
  });

  it("names the version in the links from another year's page", async () => {
    const page = await getEvaluationPage(database.db, "1880", 2015, { language: "sv" });
    expect(page.others.map((o) => o.path).sort()).toEqual([
      "/kommun/1880-orebro/2010?version=2010",
      "/kommun/1880-orebro/2010?version=2016",
      "/kommun/1880-orebro/2012?version=2010",
      "/kommun/1880-orebro/2012?version=2016",
    ]);
    const older = await getEvaluationPage(database.db, "1880", 2012, { instrument: "2010", language: "sv" });
    expect(older.result.instrument.key).toBe("2010");
    expect(older.others.map((o) => o.path)).toContain("/kommun/1880-orebro/2012?version=2016");
  });

  it("links a compared evaluation to the version chosen, and marks the mix of versions", async () => {
    const comparison = await getComparison(
      database.db,
      slotsFromQuery(new URLSearchParams("k1=1880&u1=2012:2010&k2=1880&u2=2012:2016")),
      "sv",
    );
    expect(comparison.compared.map((c) => [c.label, c.instrument, c.path])).toEqual([
      ["Örebro 2012", "2010", "/kommun/1880-orebro/2012?version=2010"],
      ["Örebro 2012", "2016", "/kommun/1880-orebro/2012?version=2016"],
    ]);
    expect(comparison.table.mixed).toBe(true);
    expect(comparison.table.rows[0]).toMatchObject({ number: 1, name: null, values: [68, 60] });
  });
});
