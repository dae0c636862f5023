import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleApiRequest } from "../../src/api/router.server.ts";
import { importResults } from "../../src/services/results/importResults.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { addFictionalMunicipalities, FICTIONAL, isFictionalCode, PROVSTAD, TESTKOPING } from "../support/fictional.ts";
import { importDemo } from "../support/fixtures.ts";

describe.each(testDatabaseKinds())("open data API on %s", (kind) => {
  let database: TestDatabase;
  const get = (path: string, headers: Record<string, string> = {}) =>
    handleApiRequest(database.db, new Request(`http://localhost${path}`, { headers }));
  const json = async (path: string) => {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    return (await response.json()) as any;
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    // Two fictional municipalities with synthetic results under 2010's version: Testköping ties
    // with Örebro's 2015 total, Provstad is below.
    await addFictionalMunicipalities(database.db);
    await importResults(database.db, {
      name: "more.ndjson",
      text: [
        {
          municipality: TESTKOPING.code,
          instrument: "2010",
          year: 2014,
          date: "2014-05-01",
          total: 650,
          areas: { "1": 80, "2": 80, "3": 80, "4": 80, "5": 80, "6": 90, "7": 80, "8": 80 },
        },
        {
          municipality: PROVSTAD.code,
          instrument: "2010",
          year: 2011,
          date: "2011-10-01",
          areas: { "1": 50, "2": 60, "3": 70, "4": 40, "5": 50, "6": 60, "7": 70, "8": 61 },
        },
        { municipality: PROVSTAD.code, instrument: "2016", year: 2017, total: 555 },
      ]
        .map((d) => JSON.stringify(d))
        .join("\n"),
    });
  });
  afterAll(() => database.dispose());

  it("lists the instrument versions and describes one in full", async () => {
    const list = await json("/api/v1/instruments");
    expect(list.map((i: { key: string }) => i.key)).toEqual(["2010", "2016", "2020"]);
    const v2010 = await json("/api/v1/instruments/2010");
    expect(v2010.areas).toHaveLength(8);
    expect(v2010.subareaCount).toBe(45);
    expect(v2010.areas[0].subareas[1]).toMatchObject({ id: "1.2", question: "Hur informeras medborgarna?", maxPoints: 20 });
    expect((await get("/api/v1/instruments/1999")).status).toBe(404);
  });

  it("lists 290 municipalities in Swedish order with county and group, also as CSV", async () => {
    const list = await json("/api/v1/municipalities");
    // The 290 of the reference data, and this test's fictional ones.
    expect(list.filter((m: { code: string }) => !isFictionalCode(m.code))).toHaveLength(290);
    expect(list).toHaveLength(290 + FICTIONAL.length);
    const names = list.map((m: { name: string }) => m.name);
    expect(names.at(-1)).toBe("Övertorneå");
    expect(names.indexOf("Åre")).toBeGreaterThan(names.indexOf("Ystad"));
    expect(list.find((m: { code: string }) => m.code === "1880")).toMatchObject({
      name: "Örebro",
      county: { code: "18", name: "Örebro län" },
      groups: [expect.objectContaining({ grouping: "skl-2011", code: "3", name: "Större städer" })],
    });
    const csv = await get("/api/v1/municipalities.csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(1 + 290 + FICTIONAL.length);
    expect(lines[0]).toBe("code,name,official_name,county_code,county,skl-2011_group,skl-2011_group_name");
  });

  it("gives Örebro's three results oldest first, with levels, totals and the 2010 warning", async () => {
    const results = await json("/api/v1/municipalities/1880/results");
    expect(results.map((r: any) => [r.year, r.level, r.total])).toEqual([
      [2010, "area", 515],
      [2012, "subarea", 615],
      [2015, "total", 650],
    ]);
    expect(results[0].areas).toEqual({ "1": 52, "2": 80, "3": 66, "4": 59, "5": 51, "6": 71, "7": 55, "8": 82 });
    expect(results[0].warnings).toEqual([
      expect.objectContaining({ code: "total_differs_from_derived", field: "total", published: 515, derived: 516 }),
    ]);
    expect(results[1].warnings).toEqual([]);
    expect(results[1].subareas["1.2"]).toBe(15.51);
    expect(results[2].areas).toBeUndefined();
    expect(results[2].warnings).toEqual([]);
    expect((await get("/api/v1/municipalities/9999/results")).status).toBe(404);
    // One evaluation's row, as its page offers for download.
    expect((await json("/api/v1/municipalities/1880/results?year=2012&instrument=2010")).map((r: any) => r.year)).toEqual([2012]);
    expect(await json("/api/v1/municipalities/1880/results?year=2013")).toEqual([]);
    expect((await get("/api/v1/municipalities/1880/results?year=tolv")).status).toBe(400);
    const bad = await get("/api/v1/municipalities/abc/results");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
  });

  it("serves tables as CSV by Accept header or .csv suffix, with the same rows", async () => {
    const byHeader = await (await get("/api/v1/municipalities/1880/results", { Accept: "text/csv" })).text();
    const bySuffix = await (await get("/api/v1/municipalities/1880/results.csv")).text();
    expect(byHeader).toBe(bySuffix);
    expect(byHeader.split("\r\n")[0]).toBe(
      "municipality,name,instrument,year,date,level,total,total_published,area1,area2,area3,area4,area5,area6,area7,area8,source,warnings",
    );
    const [first] = parse(byHeader, { columns: true }) as Record<string, string>[];
    expect(first).toMatchObject({
      municipality: "1880",
      name: "Örebro",
      year: "2010",
      date: "",
      level: "area",
      total: "515",
      total_published: "true",
    });
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => first![`area${n}`])).toEqual(["52", "80", "66", "59", "51", "71", "55", "82"]);
    expect((await get("/api/v1/instruments/2010.csv")).status).toBe(406);
  });

  it("filters results by instrument, year and group", async () => {
    expect((await json("/api/v1/results")).length).toBe(6);
    expect((await json("/api/v1/results?instrument=2010")).length).toBe(5);
    expect((await json("/api/v1/results?instrument=2010&year=2012")).map((r: any) => r.municipality)).toEqual(["1880"]);
    // Örebro is "3. Större städer" in SKL's 2011 grouping; the fictional Testköping and Provstad too.
    expect((await json("/api/v1/results?group=3&year=2014")).map((r: any) => r.name)).toEqual([TESTKOPING.name]);
    expect((await json("/api/v1/results?group=skl-2011:1")).length).toBe(0);
    expect((await get("/api/v1/results?year=12")).status).toBe(400);
    expect((await get("/api/v1/results?instrument=1999")).status).toBe(404);
  });

  it("ranks the latest result per municipality by total, ties sharing a rank", async () => {
    const ranking = await json("/api/v1/rankings?instrument=2010");
    expect(ranking.map((r: any) => [r.rank, r.municipality, r.year, r.total])).toEqual([
      [1, TESTKOPING.code, 2014, 650],
      [1, "1880", 2015, 650],
      [3, PROVSTAD.code, 2011, 461],
    ]);
    expect(ranking[2].totalPublished).toBe(false);
    const all = await json("/api/v1/rankings?instrument=2010&all=true");
    expect(all.map((r: any) => [r.rank, r.year, r.total])).toEqual([
      [1, 2014, 650],
      [1, 2015, 650],
      [3, 2012, 615],
      [4, 2010, 515],
      [5, 2011, 461],
    ]);
    const csv = await (await get("/api/v1/rankings.csv?instrument=2010")).text();
    expect(csv.split("\r\n")[0]).toBe("rank,municipality,name,year,date,total,total_published,change,previous_year,previous_instrument");
  });

  it("answers bad parameters with an RFC 9457 problem that names them", async () => {
    const missing = await get("/api/v1/rankings");
    expect(missing.status).toBe(400);
    const problem = (await missing.json()) as any;
    expect(problem).toMatchObject({ type: "about:blank", title: "Bad Request", status: 400, instance: "/api/v1/rankings" });
    expect(problem.errors[0]).toMatchObject({ parameter: "instrument" });
    const unknown = (await (await get("/api/v1/rankings?instrument=2010&sort=name")).json()) as any;
    expect(unknown.errors[0]).toMatchObject({ parameter: "sort", message: expect.stringContaining("unknown parameter") });
    expect((await get("/api/v1/rankings?instrument=2010&all=yes")).status).toBe(400);
    expect((await get("/api/v1/averages?instrument=2010&latest=0")).status).toBe(400);
    expect((await get("/api/v1/averages?instrument=2010&latest=5&before=2012-02-30")).status).toBe(400);
    expect((await get("/api/v1/nothing-here")).status).toBe(404);
    const post = await handleApiRequest(database.db, new Request("http://localhost/api/v1/results", { method: "POST", body: "{}" }));
    expect(post.status).toBe(405);
  });

  it("averages the latest results with area points before a date, one per municipality", async () => {
    const all = await json("/api/v1/averages?instrument=2010&latest=10");
    // Örebro's latest with areas is 2012 (2015 has a total only); Testköping 2014; Provstad 2011.
    expect(all.results.map((r: any) => [r.municipality, r.year])).toEqual([
      [TESTKOPING.code, 2014],
      ["1880", 2012],
      [PROVSTAD.code, 2011],
    ]);
    expect(all.count).toBe(3);
    // Area 1: Örebro 2012's published 68 counts, not its unrounded sub-area sum: (80 + 68 + 50) / 3.
    expect(all.areas["1"]).toBe(66);
    // Area 8: (80 + 87 + 61) / 3 = 76; total (650 + 615 + 461) / 3 = 575.333… → 575.33
    expect(all.areas["8"]).toBe(76);
    expect(all.total).toBe(575.33);
    const before = await json("/api/v1/averages?instrument=2010&latest=27&before=2012-11-15&exclude=1880");
    expect(before.results.map((r: any) => r.municipality)).toEqual([PROVSTAD.code]);
    expect(before.areas["8"]).toBe(61);
    expect(before.total).toBe(461);
  });
});
