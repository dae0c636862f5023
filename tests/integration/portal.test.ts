import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleApiRequest } from "../../src/api/router.server.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { NotFoundError, ValidationError } from "../../src/services/errors.ts";
import { getComparison, slotsFromQuery } from "../../src/services/portal/compare.server.ts";
import { getEvaluationPage } from "../../src/services/portal/evaluationPage.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo, importPublished } from "../support/fixtures.ts";

const query = (text: string) => new URLSearchParams(text);

describe.each(testDatabaseKinds())("the portal's evaluation and comparison pages on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    // Real published results of other municipalities, each with its source.
    await importPublished(database.db);
    await seedDemoWithPracticePoints(database.db);
  }, 60_000);
  afterAll(() => database.dispose());

  it("Örebro 2012: figures down to sub-areas, the profile against earlier evaluations, and the texts with anchors", async () => {
    const page = await getEvaluationPage(database.db, "1880", 2012, { language: "sv" });
    expect(page.municipality.path).toBe("/kommun/1880-orebro");
    expect(page.result.total).toEqual({ text: "615", value: 615 });
    expect(page.areas.map((a) => a.points.value)).toEqual([68, 85, 86, 74, 70, 74, 71, 87]);
    expect(page.areas[0]!.subareas.map((s) => [s.id, s.points.text, s.percent.text])[0]).toEqual(["1.1", "9", "60\u00a0%"]);
    // Before 2012-12-30, with the same version and area points, another municipality: Karlskrona
    // 2011 (Tyresö 2010 and Nacka 2011 were published as totals only).
    expect(page.comparedWith).toEqual(["Karlskrona 2011"]);
    // One is too few to average (MIN_AVERAGED): the profile is Örebro's alone (tests/integration/presentation.test.ts).
    expect(page.averaged).toBe(false);
    expect(page.profile.series.map((s) => s.name)).toEqual(["Örebro 2012"]);
    expect(page.texts!.reportPath).toBe("/rapport/1");
    expect(page.texts!.files.map((f) => f.fileName)).toEqual([
      "kommunkompassen-orebro-2012.pdf",
      "kommunkompassen-orebro-2012.docx",
      "kommunkompassen-orebro-2012.xlsx",
    ]);
    const area1 = page.texts!.areas.find((a) => a.number === 1)!;
    expect(area1.strengths[0]).toEqual({ anchor: "omrade-1-styrka-1", text: "Riktlinjer för medborgardialog" });
    expect(area1.goodExamples[0]).toMatchObject({
      anchor: "omrade-1-gott-exempel-1",
      municipality: "Stockholm",
      path: "/kommun/0180-stockholm",
    });
    expect(page.others.map((o) => o.year)).toEqual([2010, 2015]);
  });

  it("a result imported from elsewhere has figures but no texts", async () => {
    const page = await getEvaluationPage(database.db, "1080", 2014, { language: "sv" });
    expect(page.result.total.value).toBe(509);
    expect(page.texts).toBeNull();
  });

  it("an unknown year or municipality is not found, and the unpublished practice case Övningsköping 2026 has no page", async () => {
    await expect(getEvaluationPage(database.db, "1880", 2013, { language: "sv" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getEvaluationPage(database.db, "9999", 2012, { language: "sv" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getEvaluationPage(database.db, "9990", 2026, { language: "sv" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("compares chosen evaluations side by side, the latest by default", async () => {
    const comparison = await getComparison(database.db, slotsFromQuery(query("k1=1880&u1=2012:2010&k2=1080&k3=0486&k4=0484")), "sv");
    expect(comparison.compared.map((c) => c.label)).toEqual(["Örebro 2012", "Karlskrona 2014", "Strängnäs 2014"]);
    expect(comparison.table.mixed).toBe(false);
    expect(comparison.table.rows[0]).toEqual({ number: 1, name: "Offentlighet och demokrati", values: [68, 69, 54] });
    expect(comparison.table.totals).toEqual([615, 509, 437]);
    expect(comparison.chart!.series).toHaveLength(3);
    expect(comparison.slots[1]!.options.map((o) => o.value)).toEqual(["2014:2010", "2011:2010"]);
    // Eskilstuna has no published evaluation, so nothing to choose.
    expect(comparison.slots[3]!.options).toEqual([]);
  });

  it("a municipality without results is shown as such, and bad slots are named", async () => {
    const comparison = await getComparison(database.db, slotsFromQuery(query("k1=1880&k2=2584")), "sv");
    expect(comparison.compared).toHaveLength(1);
    expect(comparison.slots[1]!.options).toEqual([]);
    expect(() => slotsFromQuery(query("k1=18x0"))).toThrow(ValidationError);
    await expect(getComparison(database.db, slotsFromQuery(query("k1=1880&k2=9999")), "sv")).rejects.toMatchObject({
      problems: [{ field: "k2" }],
    });
  });

  it("the API answers the same comparison as JSON, CSV and Excel, and names a bad parameter", async () => {
    const get = (path: string) => handleApiRequest(database.db, new Request(`http://test/api/v1/${path}`));
    const json = (await (await get("compare?k1=1880&u1=2012:2010&k2=1080&u2=2011:2010")).json()) as { totals: number[] };
    expect(json.totals).toEqual([615, 415]);
    const csv = await (await get("compare.csv?k1=1880&u1=2012:2010&k2=1080&u2=2011:2010")).text();
    expect(csv.split("\r\n")[0]).toBe("area,name,1880 2012 (2010),1080 2011 (2010)");
    const total = (parse(csv, { columns: true }) as Record<string, string>[]).find((row) => row.area === "total");
    expect(total).toEqual({ area: "total", name: "", "1880 2012 (2010)": "615", "1080 2011 (2010)": "415" });
    const xlsx = await get("compare.xlsx?k1=1880&k2=1080");
    expect(xlsx.status).toBe(200);
    const bad = await get("compare?k1=abc");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("k1");
  });
});
