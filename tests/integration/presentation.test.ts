import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_AVERAGED } from "../../src/domain/report/compare.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { ValidationError } from "../../src/services/errors.ts";
import { getEvaluationPage } from "../../src/services/portal/evaluationPage.server.ts";
import { getReport, parseCompare } from "../../src/services/reports/getReport.server.ts";
import { importResults } from "../../src/services/results/importResults.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { addFictionalMunicipalities, FICTIONAL } from "../support/fictional.ts";
import { createCast, type Cast } from "../support/workspace.ts";

// The comparison on the evaluation page and in the report: an average only of MIN_AVERAGED (3)
// or more evaluations, printed with one decimal; the report's choice of N only for the team.
const published = readFileSync(new URL("../../reference/demo/published-results.json", import.meta.url), "utf8");

/**
 * SYNTHETIC results of the three fictional municipalities (tests/support/fictional.ts), made up for this test: three evaluations with the
 * 2010 version dated 2011, so that Örebro 2012 has four earlier ones to average (with Karlskrona
 * 2011's real 48, 49, 62, 44 … points). Area 4's 44,99 makes the exact mean 44,2475: rounded once
 * to one decimal 44,2 (rounding to two decimals first would give 44,25 and then 44,3).
 */
const synthetic = JSON.stringify(
  FICTIONAL.map(({ code: municipality }, i) => ({
    municipality,
    instrument: "2010",
    year: 2011,
    areas: { 1: 50 + i, 2: 50, 3: 62, 4: i === 2 ? 44.99 : 44, 5: 46, 6: 46, 7: 49, 8: 70 },
    source: "Synthetic test data (tests/integration/presentation.test.ts), not a published result",
  })),
);

describe.each(testDatabaseKinds())("the comparison on the evaluation and report pages on %s", (kind) => {
  let database: TestDatabase;
  let cast: Cast;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    await addFictionalMunicipalities(database.db);
    await importResults(database.db, { name: "published-results.json", text: published });
    await seedDemoWithPracticePoints(database.db);
    cast = await createCast(database.db);
  }, 60_000);
  afterAll(() => database.dispose());

  it("Örebro 2012 has one earlier evaluation with area points: too few to average, so the profile is drawn alone", async () => {
    const page = await getEvaluationPage(database.db, "1880", 2012, { language: "sv" });
    expect(MIN_AVERAGED).toBe(3);
    expect(page.comparedWith).toEqual(["Karlskrona 2011"]);
    expect(page.averaged).toBe(false);
    expect(page.profile.series.map((s) => s.name)).toEqual(["Örebro 2012"]);
    expect(page.profile.table.columns.map((c) => c.label)).toEqual(["Område", "Örebro 2012"]);
  });

  it("the public report shows the published comparison whatever ?jamfor= says; the team (administrator) may choose", async () => {
    const anonymous = await getReport(database.db, null, 1, { compare: 5 });
    expect(anonymous.compare).toBe(27);
    expect(anonymous.comparison).toEqual({ mayChoose: false, used: 1, averaged: false, instrument: "2010" });
    expect(anonymous.model.summary.comparisonNote).toContain("Profilen visas utan medelvärde");
    expect(anonymous.model.summary.radarChart!.series).toHaveLength(1);
    // An evaluator of another team and a contact of the municipality are not this evaluation's team.
    for (const outsider of [cast.outsider, cast.otherContact]) {
      const report = await getReport(database.db, outsider, 1, { compare: 5 });
      expect(report.compare).toBe(27);
      expect(report.comparison.mayChoose).toBe(false);
    }
    const team = await getReport(database.db, cast.admin, 1, { compare: 5 });
    expect(team.compare).toBe(5);
    expect(team.comparison.mayChoose).toBe(true);
  });

  it("fewer than three evaluations cannot be asked for: the lowest N is the threshold", () => {
    expect(parseCompare("3")).toBe(3);
    expect(parseCompare("290")).toBe(290);
    for (const bad of ["1", "2", "291", "tre"]) expect(() => parseCompare(bad)).toThrow(ValidationError);
  });

  describe("with three more (synthetic) earlier evaluations", () => {
    beforeAll(async () => {
      await importResults(database.db, { name: "synthetic.json", text: synthetic });
    });

    it("the evaluation page draws the average of the four, every figure with one decimal, rounded once", async () => {
      const page = await getEvaluationPage(database.db, "1880", 2012, { language: "sv" });
      expect(page.averaged).toBe(true);
      expect(page.comparedWith).toHaveLength(4);
      const average = page.profile.series[1]!;
      expect(average.name).toBe("Medelvärde, 4 utvärderingar");
      // (48 + 50 + 51 + 52) / 4 = 50,25; 49,75; 62; 44,2475 …; 70,25.
      expect(average.texts).toEqual(["50,3", "49,8", "62,0", "44,2", "46,0", "46,0", "49,0", "70,3"]);
      expect(average.values.slice(0, 4)).toEqual([50.3, 49.8, 62, 44.2]);
      expect(page.profile.table.rows[2]!.cells.map((c) => c.text)).toEqual(["3. Politisk styrning och kontroll", "86", "62,0"]);
    });

    it("so does the report, and the English page names the average in English", async () => {
      const report = await getReport(database.db, null, 1);
      expect(report.comparison).toEqual({ mayChoose: false, used: 4, averaged: true, instrument: "2010" });
      expect(report.model.summary.radarChart!.series[1]!.texts).toEqual(["50,3", "49,8", "62,0", "44,2", "46,0", "46,0", "49,0", "70,3"]);
      const english = await getEvaluationPage(database.db, "1880", 2012, { language: "en" });
      expect(english.profile.series[1]!.name).toBe("Average, 4 evaluations");
    });
  });
});
