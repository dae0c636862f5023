import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleApiRequest } from "../../src/api/router.server.ts";
import { ValidationError } from "../../src/services/errors.ts";
import { importResults } from "../../src/services/results/importResults.server.ts";
import { getRankingChoices, listResultsOrdered, listResultsPage } from "../../src/services/results/portal.server.ts";
import { getRankings } from "../../src/services/results/rankings.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { addFictionalMunicipalities, PROVSTAD, TESTKOPING } from "../support/fictional.ts";
import { importDemo } from "../support/fixtures.ts";

/**
 * Örebro (county 18) 2010, 2012, 2015 from the demo; synthetic results of two fictional
 * municipalities: Testköping (county 04) 2014; Provstad (14) 2011 and, in 2016's version, 2017.
 */
const moreResults = [
  { municipality: TESTKOPING.code, instrument: "2010", year: 2014, date: "2014-05-01", total: 650 },
  {
    municipality: PROVSTAD.code,
    instrument: "2010",
    year: 2011,
    date: "2011-10-01",
    areas: { "1": 50, "2": 60, "3": 70, "4": 40, "5": 50, "6": 60, "7": 70, "8": 61 },
  },
  { municipality: PROVSTAD.code, instrument: "2016", year: 2017, total: 555 },
];

describe.each(testDatabaseKinds())("filtered rankings on %s", (kind) => {
  let database: TestDatabase;
  const get = (path: string) => handleApiRequest(database.db, new Request(`http://localhost${path}`));
  const json = async (path: string) => {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    return (await response.json()) as any;
  };
  const problemOf = async (path: string) => {
    const response = await get(path);
    expect(response.status, path).toBe(400);
    return ((await response.json()) as any).errors as { parameter: string; message: string }[];
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    await addFictionalMunicipalities(database.db);
    await importResults(database.db, { name: "more.ndjson", text: moreResults.map((d) => JSON.stringify(d)).join("\n") });
  });
  afterAll(() => database.dispose());

  it("gives each entry its change since the municipality's previous result", async () => {
    const ranking = await getRankings(database.db, { instrument: "2010" });
    expect(ranking.map((e) => [e.rank, e.name, e.year, e.total, e.change, e.previousYear, e.previousInstrument])).toEqual([
      [1, TESTKOPING.name, 2014, 650, null, null, null],
      [1, "Örebro", 2015, 650, 35, 2012, "2010"],
      [3, PROVSTAD.name, 2011, 461, null, null, null],
    ]);
    const v2016 = await getRankings(database.db, { instrument: "2016" });
    expect(v2016).toEqual([expect.objectContaining({ name: PROVSTAD.name, change: null, previousYear: 2011, previousInstrument: "2010" })]);
  });

  it("filters by county, group and years, ranking within the filtered list", async () => {
    const orebro = await json("/api/v1/rankings?instrument=2010&county=18");
    expect(orebro.map((e: any) => [e.rank, e.municipality, e.year])).toEqual([[1, "1880", 2015]]);
    // Within 2012–2014 Örebro's latest is 2012 (615): second after Testköping.
    const years = await json("/api/v1/rankings?instrument=2010&yearFrom=2012&yearTo=2014");
    expect(years.map((e: any) => [e.rank, e.municipality, e.year, e.change])).toEqual([
      [1, TESTKOPING.code, 2014, null],
      [2, "1880", 2012, 100],
    ]);
    expect((await json("/api/v1/rankings?instrument=2010&group=3")).length).toBe(3);
    expect(await json("/api/v1/rankings?instrument=2010&group=1")).toEqual([]);
    const limited = await json("/api/v1/rankings?instrument=2010&all=true&limit=2");
    expect(limited.map((e: any) => e.year)).toEqual([2014, 2015]);
    const csv = await (await get("/api/v1/rankings.csv?instrument=2010&county=18")).text();
    expect(csv.split("\r\n")[0]).toBe("rank,municipality,name,year,date,total,total_published,change,previous_year,previous_instrument");
    expect(parse(csv, { columns: true })).toEqual([
      {
        rank: "1",
        municipality: "1880",
        name: "Örebro",
        year: "2015",
        date: "",
        total: "650",
        total_published: "true",
        change: "35",
        previous_year: "2012",
        previous_instrument: "2010",
      },
    ]);
  });

  it("answers bad filters with a problem naming the parameter", async () => {
    expect((await problemOf("/api/v1/rankings?instrument=2010&county=1"))[0]).toMatchObject({ parameter: "county" });
    expect((await problemOf("/api/v1/rankings?instrument=2010&county=99"))[0]).toMatchObject({
      parameter: "county",
      message: expect.stringContaining("99"),
    });
    expect((await problemOf("/api/v1/rankings?instrument=2010&group=x"))[0]).toMatchObject({ parameter: "group" });
    expect((await problemOf("/api/v1/rankings?instrument=2010&group=42"))[0]).toMatchObject({ parameter: "group" });
    expect((await problemOf("/api/v1/rankings?instrument=2010&yearFrom=2015&yearTo=2012"))[0]).toMatchObject({ parameter: "yearTo" });
    expect((await problemOf("/api/v1/rankings?instrument=2010&limit=0"))[0]).toMatchObject({ parameter: "limit" });
    await expect(getRankings(database.db, { instrument: "2010", county: "99" })).rejects.toBeInstanceOf(ValidationError);
    expect((await get("/api/v1/rankings?instrument=1999")).status).toBe(404);
  });

  it("lists results latest first by date, then year, with a limit", async () => {
    const latest = await listResultsOrdered(database.db, { sort: "latest", limit: 3 });
    // Undated results count as of 31 December: Provstad 2017, Örebro 2015, then Testköping's 1 May 2014.
    expect(latest.map((r) => [r.municipality, r.year])).toEqual([
      [PROVSTAD.code, 2017],
      ["1880", 2015],
      [TESTKOPING.code, 2014],
    ]);
    expect((await json("/api/v1/results?sort=latest&limit=1")).map((r: any) => r.year)).toEqual([2017]);
    expect((await problemOf("/api/v1/results?sort=newest"))[0]).toMatchObject({ parameter: "sort" });
  });

  it("reads only the results shown, in the same order as the whole list", async () => {
    const all = await listResultsOrdered(database.db, { sort: "latest" });
    const order = all.map((r) => r.id);
    expect(order.length).toBeGreaterThan(4);
    for (const limit of [1, 2, 4, order.length + 5])
      expect((await listResultsOrdered(database.db, { sort: "latest", limit })).map((r) => r.id)).toEqual(order.slice(0, limit));
    const pages = [];
    const count = Math.ceil(order.length / 2);
    for (let n = 1; n <= count; n++) {
      const page = await listResultsPage(database.db, {}, { page: n, size: 2 });
      expect(page).toMatchObject({ total: order.length, page: n, pages: count, from: 2 * n - 1 });
      pages.push(...page.rows.map((r) => r.id));
    }
    expect(pages).toEqual(order);
    expect(await listResultsPage(database.db, { instrument: "2016" }, { page: 1, size: 10 })).toMatchObject({
      total: 1,
      pages: 1,
      rows: [{ municipality: PROVSTAD.code }],
    });
    // Past the end: the last page; before the start: the first.
    const last = await listResultsPage(database.db, {}, { page: 100, size: 2 });
    expect(last).toMatchObject({
      page: count,
      rows: [{ id: order[2 * count - 2] }, ...(order.length % 2 === 0 ? [{ id: order.at(-1) }] : [])],
    });
    expect(await listResultsPage(database.db, {}, { page: -3, size: 2 })).toMatchObject({ page: 1, from: 1 });
  });

  it("offers the filter choices that exist", async () => {
    const choices = await getRankingChoices(database.db);
    expect(choices.instruments.map((i) => i.key)).toEqual(["2010", "2016"]);
    expect(choices.counties).toHaveLength(21);
    expect(choices.counties[0]!.name).toBe("Blekinge län");
    expect(choices.counties.at(-1)!.name).toBe("Östergötlands län");
    expect(choices.groups.map((g) => g.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(choices.years).toEqual({ first: 2010, last: 2017 });
  });
});
