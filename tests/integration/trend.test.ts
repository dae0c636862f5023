import type { Server } from "node:http";
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleApiRequest } from "../../src/api/router.server.ts";
import { trendSchema } from "../../src/domain/tables/trend.ts";
import { ValidationError } from "../../src/services/errors.ts";
import { getTrend } from "../../src/services/portal/trend.server.ts";
import { importResults } from "../../src/services/results/importResults.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { baseUrl } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";

// The demo: Örebro 2010 (515), 2012 (615, dated 30 December), 2015 (650), and the real published results of
// reference/demo/published-results.json, among them Karlskrona 2011 (415) and 2014 (509), Vallentuna 2017
// (555) and 2019 (603) with the 2016 version and 2021 (648, area points) with the 2020 version.
const others = readFileSync(new URL("../../reference/demo/published-results.json", import.meta.url), "utf8");

// Needs the built app (npm run build) for the pages.
describe.each(testDatabaseKinds())("the trend view on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;
  const page = async (path: string, language?: "en") => {
    const response = await fetch(baseUrl(server) + path, { headers: language ? { cookie: `kompass_lang=${language}` } : {} });
    return { status: response.status, html: await response.text() };
  };
  const api = (path: string) => handleApiRequest(database.db, new Request(`http://localhost/api/v1${path}`));
  const problems = async (path: string) => {
    const response = await api(path);
    expect(response.status, path).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    return ((await response.json()) as { errors: { parameter: string; message: string }[] }).errors;
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    await importResults(database.db, { name: "published-results.json", text: others });
    server = await startTestServer({ database, port: 0, host: "127.0.0.1", pageCache: false });
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.dispose();
  });

  it("follows the totals of Örebro, Karlskrona and Vallentuna across versions, with each version's period and average", async () => {
    const trend = await getTrend(database.db, { municipalities: ["1880", "1080", "0115"] });
    expect(trend.measure).toEqual({ key: "total", instrument: null, area: null, areaName: null, max: 800 });
    expect(trend.points.map((p) => [p.name, p.year, p.instrument, p.plotDate, p.value])).toEqual([
      ["Örebro", 2010, "2010", "2010-07-01", 515],
      ["Örebro", 2012, "2010", "2012-12-30", 615],
      ["Örebro", 2015, "2010", "2015-07-01", 650],
      ["Karlskrona", 2011, "2010", "2011-07-01", 415],
      ["Karlskrona", 2014, "2010", "2014-07-01", 509],
      ["Vallentuna", 2017, "2016", "2017-07-01", 555],
      ["Vallentuna", 2019, "2016", "2019-07-01", 603],
      ["Vallentuna", 2021, "2020", "2021-07-01", 648],
    ]);
    expect(trend.points[1]).toMatchObject({ date: "2012-12-30", page: "/kommun/1880-orebro/2012", published: true });
    expect(trend.points.every((p) => p.source !== null)).toBe(true);
    expect(trend.periods.map((p) => [p.instrument, p.from, p.to])).toEqual([
      ["2010", "2010-01-01", "2015-12-31"],
      ["2016", "2016-01-01", "2019-12-31"],
      ["2020", "2020-01-01", "2023-12-31"],
    ]);
    // Every evaluation of the version, of any municipality: eleven totals with 2010's (5649 / 11), five with 2016's, three with 2020's.
    expect(trend.averages).toEqual([
      { instrument: "2010", count: 11, average: 513.5 },
      { instrument: "2016", count: 5, average: 534 },
      { instrument: "2020", count: 3, average: 646 },
    ]);
  });

  it("follows one area within one version, and gives no average of fewer than three", async () => {
    const area1 = await getTrend(database.db, { municipalities: ["1880", "1080", "0486"], measure: "2010:1" });
    expect(area1.measure).toEqual({ key: "2010:1", instrument: "2010", area: 1, areaName: "Offentlighet och demokrati", max: 100 });
    expect(area1.points.map((p) => [p.name, p.year, p.value])).toEqual([
      ["Örebro", 2010, 52],
      ["Örebro", 2012, 68],
      ["Karlskrona", 2011, 48],
      ["Karlskrona", 2014, 69],
      ["Strängnäs", 2014, 54],
    ]);
    expect(area1.periods.map((p) => p.instrument)).toEqual(["2010"]);
    expect(area1.averages).toEqual([{ instrument: "2010", count: 5, average: 58.2 }]);
    // Only Vallentuna 2021 has area points with the 2020 version: one evaluation, no average.
    const newest = await getTrend(database.db, { municipalities: ["0115", "1880"], measure: "2020:1" });
    expect(newest.points.map((p) => [p.name, p.year, p.value])).toEqual([["Vallentuna", 2021, 73]]);
    expect(newest.municipalities).toEqual([
      { municipality: "0115", name: "Vallentuna", count: 1 },
      { municipality: "1880", name: "Örebro", count: 0 },
    ]);
    expect(newest.averages).toEqual([{ instrument: "2020", count: 1, average: null }]);
    await expect(getTrend(database.db, { municipalities: ["1880"], measure: "2010:9" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("serves the figures as open data: JSON of the documented shape, CSV and Excel", async () => {
    const response = await api("/trend?municipalities=1880,0115&measure=total");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(trendSchema.safeParse(body).error?.issues ?? []).toEqual([]);
    const csv = await (await api("/trend.csv?municipalities=1880,0115")).text();
    expect(csv.split("\r\n")[0]).toBe(
      "municipality,name,year,date,plot_date,instrument,value,published,version_average,version_average_count,source",
    );
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.name, r.year, r.date, r.plot_date, r.value, r.version_average, r.version_average_count])).toEqual([
      ["Örebro", "2010", "", "2010-07-01", "515", "513.5", "11"],
      ["Örebro", "2012", "2012-12-30", "2012-12-30", "615", "513.5", "11"],
      ["Örebro", "2015", "", "2015-07-01", "650", "513.5", "11"],
      ["Vallentuna", "2017", "", "2017-07-01", "555", "534", "5"],
      ["Vallentuna", "2019", "", "2019-07-01", "603", "534", "5"],
      ["Vallentuna", "2021", "", "2021-07-01", "648", "646", "3"],
    ]);
    expect(rows[5]!.source).toMatch(/^https:\/\/www\.vallentuna\.se\//);
    const xlsx = await api("/trend.xlsx?municipalities=1880&measure=2010:1");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
  });

  it("answers bad parameters with a problem naming each", async () => {
    expect(await problems("/trend")).toEqual([expect.objectContaining({ parameter: "municipalities" })]);
    expect(await problems("/trend?municipalities=1880,12")).toEqual([expect.objectContaining({ parameter: "municipalities" })]);
    expect(await problems("/trend?municipalities=1880,9999")).toEqual([
      { parameter: "municipalities", message: "no municipality has the code 9999" },
    ]);
    expect(await problems("/trend?municipalities=1880,1080,0115,0486,1284,1292,0138")).toEqual([
      { parameter: "municipalities", message: "at most 6 municipalities; got 7" },
    ]);
    expect(await problems("/trend?municipalities=1880&measure=area")).toEqual([expect.objectContaining({ parameter: "measure" })]);
    expect(await problems("/trend?municipalities=1880&measure=2010:9")).toEqual([expect.objectContaining({ parameter: "measure" })]);
    expect(await problems("/trend?municipalities=1880&measure=1999:1")).toEqual([expect.objectContaining({ parameter: "measure" })]);
    expect(await problems("/trend?municipalities=1880&kommun=1080")).toEqual([expect.objectContaining({ parameter: "kommun" })]);
  });

  it("shows the page: the chart wide and narrow, the notes, the figures with sources, and the downloads", async () => {
    const { status, html } = await page("/utveckling?kommun=1880&kommun=1080&kommun=0115");
    expect(status).toBe(200);
    expect(html).toContain("<title>Utveckling över tid – Kommunkompassen</title>");
    expect(html).toContain("Totalpoäng över tid: Örebro, Karlskrona och Vallentuna");
    expect(html.match(/<svg[^>]* role="img"/g)).toHaveLength(2);
    expect(html).toContain('class="chart-svg chart-svg--wide"');
    expect(html).toContain("chart-svg--narrow");
    expect(html).toContain("mitt på sitt år (1 juli)");
    expect(html).toContain("Därför bryts linjerna där versionen byts.");
    expect(html).toContain("Medelvärdet för 2010 års version är 513,5 poäng, av alla 11 utvärderingar");
    // Each chosen municipality goes along as a hidden field and can be removed by a link.
    expect(html.match(/<input type="hidden" name="kommun" value="\d{4}"/g)).toHaveLength(3);
    expect(html).toContain('href="/utveckling?kommun=1880&amp;kommun=0115" aria-label="Ta bort Karlskrona"');
    // The figures: a row each, the year linking to the evaluation, an address source linked by its host.
    const table = html.slice(html.indexOf("Värden och källor"));
    expect(table.match(/<tr/g)!.length - 1).toBe(8);
    expect(table).toContain('href="/kommun/1880-orebro/2012" aria-label="Örebro 2012"');
    expect(table).toContain(">www.vallentuna.se</a>");
    // The downloads carry the choices as the API's parameters (the API's own link: the file links may lead elsewhere).
    expect(html).toContain('href="/api/v1/trend?municipalities=1880%2C1080%2C0115&amp;measure=total"');
  });

  it("says so where an average would rest on too few evaluations, and where a municipality has no figures", async () => {
    const { status, html } = await page("/utveckling?kommun=0115&kommun=1880&matt=2020:1");
    expect(status).toBe(200);
    expect(html).toContain("2020 års version: bara 1 utvärdering har poäng för måttet. Det är för få för ett medelvärde (minst 3 behövs)");
    expect(html).toContain("Örebro har inga poäng för det här måttet.");
    expect(html).toContain('<option value="2020:1" selected="">1. Samspel mellan förtroendevalda och medborgare</option>');
  });

  it("starts empty, and refuses a bad address with a 400 page that names the field, in the visitor's language", async () => {
    const empty = await page("/utveckling");
    expect(empty.status).toBe(200);
    expect(empty.html).toContain("Välj en eller flera kommuner för att se utvecklingen.");
    const swedish = await page("/utveckling?kommun=1880&kommun=12&matt=2010:9");
    expect(swedish.status).toBe(400);
    expect(swedish.html).toContain("”12” är ingen kommunkod. Välj kommunen i listan.");
    expect(swedish.html).toContain("Måttet ”2010:9” finns inte. Välj mått i listan.");
    // What can be kept is kept: Örebro stays chosen.
    expect(swedish.html).toContain('<input type="hidden" name="kommun" value="1880"');
    const english = await page("/utveckling?kommun=1880&kommun=1080&kommun=0115&kommun=0486&kommun=1284&kommun=1292&kommun=0138", "en");
    expect(english.status).toBe(400);
    expect(english.html).toContain("At most six municipalities can be shown at once, but 7 are chosen.");
    expect((await page("/utveckling?kommun=9999")).status).toBe(400);
  });

  it("is linked from the municipality page and from the comparison", async () => {
    expect((await page("/kommun/1880-orebro")).html).toContain(
      'href="/utveckling?kommun=1880">Jämför utvecklingen för Örebro med andra kommuner',
    );
    expect((await page("/jamfor?k1=1880&k2=1080")).html).toContain(
      'href="/utveckling?kommun=1880&amp;kommun=1080">Följ de valda kommunerna över tid',
    );
  });
});
