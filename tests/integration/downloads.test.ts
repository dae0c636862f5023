import type { Server } from "node:http";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPEN_DATA_LICENCE } from "../../src/domain/openData.ts";
import { rankingColumns } from "../../src/domain/tables/rankings.ts";
import { resultColumns } from "../../src/domain/tables/results.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { importResults } from "../../src/services/results/importResults.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { addFictionalMunicipalities, TESTKOPING } from "../support/fictional.ts";
import { baseUrl } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { readSheet } from "../support/xlsx.ts";

const ATTACK = '=HYPERLINK("https://evil.example","klicka")';
const BOM = "\uFEFF";
/** Excel counts days from 1899-12-30; exceljs reads a date cell back as midnight UTC. */
const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

// Needs the built app (npm test builds before running vitest).
describe.each(testDatabaseKinds())("table downloads for people (/ladda-ned) on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;
  let base: string;
  const get = (path: string, language?: "en") =>
    fetch(base + path, { headers: language ? { cookie: `kompass_lang=${language}` } : {}, redirect: "manual" });
  const csvOf = async (path: string, language?: "en") => {
    const response = await get(path, language);
    expect(response.status, path).toBe(200);
    // As the bytes are: Response.text() would drop the byte order mark.
    return { response, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer()) };
  };
  /** The values of a sheet's row, without exceljs's empty first slot. */
  const values = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    // The published Örebro 2012 evaluation gives the search something to find.
    await seedDemoWithPracticePoints(database.db);
    // Synthetic, of a fictional municipality (tests/support/fictional.ts): a 2019 result with a half point and a source that is a formula.
    await addFictionalMunicipalities(database.db, [TESTKOPING]);
    await importResults(database.db, {
      name: "synthetic.ndjson",
      text: `${JSON.stringify({ municipality: TESTKOPING.code, instrument: "2016", year: 2019, date: "2019-05-14", total: "433.5", source: ATTACK })}\n`,
    });
    server = await startTestServer({ database, port: 0, host: "127.0.0.1", pageCache: false, rateLimits: false });
    base = baseUrl(server);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.dispose();
  });

  it("serves Excel with a title, the source and licence, Swedish headers and typed cells", async () => {
    const response = await get("/ladda-ned/rankings.xlsx?instrument=2010&all=true");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"kommunkompassen-rankning-2010.xlsx\"; filename*=UTF-8''kommunkompassen-rankning-2010.xlsx",
    );
    const sheet = await readSheet(response);
    expect(sheet.name).toBe("Rankning");
    expect(values(sheet, 1)).toEqual(["Kommunkompassen – rankning, 2010 års version, alla resultat"]);
    const source = String(values(sheet, 2)[0]);
    expect(source).toContain(`${base}/rankning?instrument=2010&all=true`);
    expect(source).toContain(`${OPEN_DATA_LICENCE.name}, ${OPEN_DATA_LICENCE.url}`);
    expect(source).toMatch(/hämtad \d{4}-\d{2}-\d{2}/);
    expect(values(sheet, 3)).toEqual(rankingColumns.map((c) => c.header.sv));
    expect(values(sheet, 3)).toContain("Publicerad total");
    expect(sheet.getRow(3).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(sheet.autoFilter).toMatch(/^A3:J\d+$/);

    const api = (await (await fetch(`${base}/api/v1/rankings?instrument=2010&all=true`)).json()) as {
      total: number;
      date: string | null;
    }[];
    expect(sheet.rowCount).toBe(3 + api.length);
    // Örebro 2015 first: 650 points, 35 more than in 2012; the code stays text with its zeros.
    const first = sheet.getRow(4);
    expect([1, 2, 3, 4, 6, 7, 8].map((n) => first.getCell(n).value)).toEqual([1, "1880", "Örebro", 2015, 650, "Ja", 35]);
    expect(first.getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(2).numFmt).toBe("@");
    // Örebro 2012 is dated: a real date cell shown as yyyy-mm-dd.
    const dated = sheet.getRow(4 + api.findIndex((e) => e.date === "2012-12-30"));
    expect(dated.getCell(5).type).toBe(ExcelJS.ValueType.Date);
    expect(dated.getCell(5).value).toEqual(utcDay("2012-12-30"));
    expect(dated.getCell(5).numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(8);
  });

  it("keeps decimals exact and formulas as text, in Excel and both CSVs", async () => {
    const path = `/ladda-ned/municipalities/${TESTKOPING.code}/results`;
    const sheet = await readSheet(await get(`${path}.xlsx?instrument=2016`));
    const header = values(sheet, 3);
    const row = sheet.getRow(4);
    const cell = (name: string) => row.getCell(header.indexOf(name) + 1);
    expect(cell("Totalpoäng").value).toBe(433.5);
    expect(cell("Källa").value).toBe(ATTACK);
    expect(cell("Källa").type).toBe(ExcelJS.ValueType.String);
    expect(cell("Källa").formula).toBeUndefined();
    expect(cell("Källa").numFmt).toBe("@");
    expect(cell("Publicerad total").value).toBe("Ja");
    expect(cell("Detaljnivå").value).toBe("Endast total");
    expect(String(values(sheet, 2)[0])).toContain("Varje resultats ursprungliga källa står i kolumnen ”Källa”.");

    const comma = (await csvOf(`${path}.csv?instrument=2016`)).text;
    const semicolon = (await csvOf(`${path}-semikolon.csv?instrument=2016`)).text;
    for (const [text, delimiter, total] of [
      [comma, ",", "433.5"],
      [semicolon, ";", "433,5"],
    ] as const) {
      expect(text.startsWith(BOM)).toBe(true);
      const [head, ...rows] = parse(text.slice(1), { delimiter }) as string[][];
      expect(head).toEqual(resultColumns.map((c) => c.header.sv));
      const found = Object.fromEntries(head!.map((name, i) => [name, rows.find((r) => r[3] === "2019")![i]]));
      expect(found).toMatchObject({ Kommun: TESTKOPING.name, Datum: "2019-05-14", Totalpoäng: total, "Publicerad total": "Ja" });
      // Defused: a spreadsheet shows the apostrophe's text instead of running the formula.
      expect(found.Källa).toBe(`'${ATTACK}`);
      expect(text).not.toMatch(/(^|[,;\n])"?=HYPERLINK/);
    }
    // The Swedish Excel file has no comma outside quoted text: every cell is one column.
    expect(semicolon.split("\r\n")[0]).toBe(`${BOM}${resultColumns.map((c) => c.header.sv).join(";")}`);
  });

  it("names files after the table and its main filter, with å ä ö in the UTF-8 name", async () => {
    const names = {
      "/ladda-ned/municipalities/1880/results.csv": ["kommunkompassen-orebro-resultat.csv", "kommunkompassen-%C3%B6rebro-resultat.csv"],
      "/ladda-ned/municipalities/1880/results-semikolon.csv?year=2012": [
        "kommunkompassen-orebro-resultat-2012.csv",
        "kommunkompassen-%C3%B6rebro-resultat-2012.csv",
      ],
      "/ladda-ned/averages.xlsx?instrument=2010&latest=5": [
        "kommunkompassen-medelvarden-2010.xlsx",
        "kommunkompassen-medelv%C3%A4rden-2010.xlsx",
      ],
      "/ladda-ned/municipalities.csv": ["kommunkompassen-kommuner.csv", "kommunkompassen-kommuner.csv"],
    };
    for (const [path, [ascii, utf8]] of Object.entries(names)) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-disposition"), path).toBe(`attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`);
      await response.arrayBuffer();
    }
  });

  it("downloads every table of the API with the API's rows", async () => {
    for (const path of [
      "results?instrument=2010&sort=latest&limit=2",
      "municipalities",
      "averages?instrument=2010&latest=5",
      "rankings?instrument=2010&county=18&all=true",
      "municipalities/1880/results?year=2012&instrument=2010",
      "compare?k1=1880&k2=0182",
      "search?q=medborgardialog",
    ]) {
      const [table, query] = path.split("?");
      const at = (prefix: string, suffix: string) => `${prefix}${table}${suffix}${query ? `?${query}` : ""}`;
      const api = parse(await (await fetch(base + at("/api/v1/", ".csv"))).text()) as string[][];
      expect(api.length, path).toBeGreaterThan(1);
      for (const [suffix, delimiter] of [
        [".csv", ","],
        ["-semikolon.csv", ";"],
      ] as const) {
        const rows = parse((await csvOf(at("/ladda-ned/", suffix))).text.slice(1), { delimiter }) as string[][];
        expect(rows.length, path + suffix).toBe(api.length);
        // The same first cells: the key column of every row, and no machine name in the header.
        expect(
          rows.slice(1).map((r) => r[0]?.replace("Totalt", "total")),
          path,
        ).toEqual(api.slice(1).map((r) => r[0]));
        expect(rows[0], path).not.toEqual(api[0]);
      }
      const sheet = await readSheet(await get(at("/ladda-ned/", ".xlsx")));
      expect(sheet.rowCount, path).toBe(2 + api.length);
      expect(String(values(sheet, 1)[0]), path).toMatch(/^Kommunkompassen – /);
    }
  });

  it("speaks English with the English interface, and takes ?lang= as the pages' parameter, not a filter", async () => {
    const { response, text } = await csvOf("/ladda-ned/rankings.csv?instrument=2010&county=18", "en");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"kommunkompassen-ranking-2010.csv\"; filename*=UTF-8''kommunkompassen-ranking-2010.csv",
    );
    const [head, first] = parse(text.slice(1)) as string[][];
    expect(head).toEqual(rankingColumns.map((c) => c.header.en));
    expect(first?.slice(0, 7)).toEqual(["1", "1880", "Örebro", "2015", "", "650", "Yes"]);
    const sheet = await readSheet(await get("/ladda-ned/rankings.xlsx?instrument=2010&county=18", "en"));
    expect(values(sheet, 1)).toEqual(["Kommunkompassen – ranking, 2010 version, latest result per municipality, Örebro län"]);
    expect(String(values(sheet, 2)[0])).toMatch(/^Source: .* \(downloaded \d{4}-\d{2}-\d{2}\)\. Licence: CC BY 4\.0/);
    // The language switch's parameter is not taken for an unknown filter of the table.
    expect((await get("/ladda-ned/rankings.csv?instrument=2010&county=18&lang=en")).status).toBe(200);
  });

  it("answers what cannot be downloaded with the site's 404 and 400 pages, in the visitor's language", async () => {
    const cases: [string, number, string, ("en" | undefined)?][] = [
      ["/ladda-ned/nothing.csv", 404, "Det finns ingen tabell att ladda ned på den här adressen."],
      ["/ladda-ned/instruments/2010.xlsx", 404, "Det finns ingen tabell att ladda ned på den här adressen."],
      ["/ladda-ned/rankings.json?instrument=2010", 404, "Det finns ingen tabell att ladda ned på den här adressen."],
      ["/ladda-ned/rankings", 404, "Det finns ingen tabell att ladda ned på den här adressen."],
      ["/ladda-ned/rankings.xlsx?instrument=1999", 404, "Det finns ingen version 1999 av instrumentet."],
      ["/ladda-ned/municipalities/9999/results.csv", 404, "Det finns ingen kommun med koden 9999."],
      ["/ladda-ned/rankings.csv?instrument=2010&county=x", 400, "Filtret county har ett värde som inte går att använda."],
      ["/ladda-ned/rankings.csv?instrument=2010&yearFrom=2015&yearTo=2010", 400, "Filtret yearTo"],
      ["/ladda-ned/rankings-semikolon.csv?instrument=2010&sortera=namn", 400, "Filtret sortera"],
      ["/ladda-ned/compare.xlsx?k1=abc&k2=1880", 400, "Filtret k1"],
      ["/ladda-ned/rankings.csv?county=x&group=y", 400, "Filtren instrument, county, group har värden som inte går att använda."],
      ["/ladda-ned/rankings.csv?instrument=2010&county=x", 400, "The filter county has a value that cannot be used.", "en"],
    ];
    for (const [path, status, message, language] of cases) {
      const response = await get(path, language);
      expect(response.status, path).toBe(status);
      expect(response.headers.get("content-type"), path).toMatch(/^text\/html/);
      expect(response.headers.get("content-disposition"), path).toBeNull();
      const html = await response.text();
      expect(html, path).toContain(`<html lang="${language ?? "sv"}"`);
      expect(html, path).toContain(message);
    }
  });

  it("links every table on the pages to the files for people and to the API's JSON", async () => {
    const html = await (await get("/rankning?instrument=2010&all=true&county=18")).text();
    const hrefs = [...html.matchAll(/class="table-downloads"[\s\S]*?<\/p>/g)][0]![0]
      .match(/href="[^"]+"/g)!
      .map((h) => h.slice(6, -1).replaceAll("&amp;", "&"));
    expect(hrefs).toEqual([
      "/ladda-ned/rankings.xlsx?instrument=2010&all=true&county=18",
      "/ladda-ned/rankings.csv?instrument=2010&all=true&county=18",
      "/ladda-ned/rankings-semikolon.csv?instrument=2010&all=true&county=18",
      "/api/v1/rankings?instrument=2010&all=true&county=18",
    ]);
    expect(html).toContain('aria-label="Ladda ned rankningen i CSV för svensk Excel (semikolon och decimalkomma)"');
    // The API keeps its machine names.
    expect((await (await fetch(`${base}/api/v1/rankings.csv?instrument=2010`)).text()).split("\r\n")[0]).toBe(
      rankingColumns.map((c) => c.key).join(","),
    );
  });
});

describe.each(testDatabaseKinds())("the downloads' rate limit on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer({ database, port: 0, host: "127.0.0.1", rateLimits: true });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.dispose();
  });

  it("counts a download with the API's requests: both run the API's handlers", async () => {
    const download = await fetch(`${baseUrl(server)}/ladda-ned/municipalities.csv`);
    expect(download.status).toBe(200);
    expect(download.headers.get("ratelimit")).toMatch(/^"api"; r=299; t=\d+$/);
    await download.arrayBuffer();
    const api = await fetch(`${baseUrl(server)}/api/v1/municipalities`);
    expect(api.headers.get("ratelimit")).toMatch(/^"api"; r=298; t=\d+$/);
    await api.arrayBuffer();
  });
});
