import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getComparison, slotsFromQuery } from "../../src/services/portal/compare.server.ts";
import { getEvaluationPage } from "../../src/services/portal/evaluationPage.server.ts";
import { importResults } from "../../src/services/results/importResults.server.ts";
import { getHistoryFacts } from "../../src/services/results/rankings.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { addFictionalMunicipalities, TESTKOPING } from "../support/fictional.ts";
import { importDemo } from "../support/fixtures.ts";

// The fictional Testköping, with synthetic results as Örebro's: 2010, 2012 and 2015 under the 2010
// version. Here 2012 also under 2016 (area points only) and 2010 under 2016 with one area only
// (no total), so that those years hold two versions.
const T = TESTKOPING.code;
const path = "/kommun/9901-fiktiva-testkoping";
const results = [
  {
    municipality: T,
    instrument: "2010",
    year: 2010,
    total: 500,
    areas: { "1": 50, "2": 70, "3": 60, "4": 60, "5": 50, "6": 70, "7": 60, "8": 80 },
  },
  {
    municipality: T,
    instrument: "2010",
    year: 2012,
    total: 600,
    areas: { "1": 70, "2": 80, "3": 80, "4": 70, "5": 70, "6": 70, "7": 70, "8": 90 },
  },
  { municipality: T, instrument: "2010", year: 2015, total: 640 },
  {
    municipality: T,
    instrument: "2016",
    year: 2012,
    date: "2012-11-01",
    areas: { "1": 60, "2": 70, "3": 80, "4": 60, "5": 60, "6": 70, "7": 60, "8": 80 },
  },
  { municipality: T, instrument: "2016", year: 2010, areas: { "1": 50 } },
];

describe.each(testDatabaseKinds())("links to an evaluation in a year with two versions, on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // Örebro's real results too: their years hold one version each.
    await importDemo(database.db);
    await addFictionalMunicipalities(database.db);
    await importResults(database.db, { name: "twice.ndjson", text: results.map((r) => JSON.stringify(r)).join("\n") });
  });
  afterAll(() => database.dispose());

  it("knows every such year, also one whose second result has no total", async () => {
    const { shared } = await getHistoryFacts(database.db);
    expect([...shared].sort()).toEqual([`${T}/2010`, `${T}/2012`]);
  });

  it("names the version in the links from another year's page", async () => {
    const page = await getEvaluationPage(database.db, T, 2015, { language: "sv" });
    expect(page.others.map((o) => o.path).sort()).toEqual([
      `${path}/2010?version=2010`,
      `${path}/2010?version=2016`,
      `${path}/2012?version=2010`,
      `${path}/2012?version=2016`,
    ]);
    const older = await getEvaluationPage(database.db, T, 2012, { instrument: "2010", language: "sv" });
    expect(older.result.instrument.key).toBe("2010");
    expect(older.others.map((o) => o.path)).toContain(`${path}/2012?version=2016`);
    // Örebro's pages link its years without a version.
    expect((await getEvaluationPage(database.db, "1880", 2015, { language: "sv" })).others.map((o) => o.path)).toEqual([
      "/kommun/1880-orebro/2010",
      "/kommun/1880-orebro/2012",
    ]);
  });

  it("links a compared evaluation to the version chosen, and marks the mix of versions", async () => {
    const comparison = await getComparison(
      database.db,
      slotsFromQuery(new URLSearchParams(`k1=${T}&u1=2012:2010&k2=${T}&u2=2012:2016`)),
      "sv",
    );
    expect(comparison.compared.map((c) => [c.label, c.instrument, c.path])).toEqual([
      [`${TESTKOPING.name} 2012`, "2010", `${path}/2012?version=2010`],
      [`${TESTKOPING.name} 2012`, "2016", `${path}/2012?version=2016`],
    ]);
    expect(comparison.table.mixed).toBe(true);
    expect(comparison.table.rows[0]).toMatchObject({ number: 1, name: null, values: [70, 60] });
  });
});
