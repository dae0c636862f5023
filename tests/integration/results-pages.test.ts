import type { Server } from "node:http";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importResults } from "../../src/services/results/importResults.server.ts";
import { startTestServer } from "../support/server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { addFictionalMunicipalities, syntheticMunicipalities } from "../support/fictional.ts";
import { importDemo } from "../support/fixtures.ts";
import { baseUrl } from "../support/http.ts";

// Needs the built app (npm test builds before running vitest).
describe.each(testDatabaseKinds())("/resultat in pages of 100 on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;
  let base: string;
  let total: number;
  const page = async (path: string) => {
    const response = await fetch(base + path);
    expect(response.status, path).toBe(200);
    return response.text();
  };
  const status = (html: string) =>
    /Sida (\d+) av (\d+): resultat ([\d  ]+)–([\d  ]+)/
      .exec(html)
      ?.slice(1)
      .map((n) => Number(n.replace(/\D/g, "")));
  /** The address of the page link with this rel, or undefined. */
  const link = (html: string, rel: "prev" | "next") =>
    new RegExp(`<a [^>]*rel="${rel}"[^>]*>`)
      .exec(html)?.[0]
      .match(/href="([^"]+)"/)?.[1]
      ?.replaceAll("&amp;", "&");
  const rows = (html: string) => (html.match(/<tr/g) ?? []).length - 1;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    // A synthetic 2013 result for each of 290 fictional municipalities: 293 in all, so three pages.
    const towns = syntheticMunicipalities(290);
    await addFictionalMunicipalities(database.db, towns);
    const lines = towns.map((town, i) =>
      JSON.stringify({ municipality: town.code, instrument: "2010", year: 2013, date: `2013-0${1 + (i % 9)}-15`, total: 300 + (i % 400) }),
    );
    await importResults(database.db, { name: "many.ndjson", text: lines.join("\n") });
    const { rows: counted } = (await database.db.execute(sql`select count(*)::int as n from results`)) as unknown as {
      rows: { n: number }[];
    };
    total = counted[0]!.n;
    server = await startTestServer({ database, port: 0, host: "127.0.0.1", pageCache: false });
    base = baseUrl(server);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.dispose();
  });

  it("shows the first hundred, says which, and links to the next page", async () => {
    expect(total).toBeGreaterThan(200);
    const html = await page("/resultat");
    expect(html).toContain(`${total} publicerade resultat`);
    expect(status(html)).toEqual([1, 3, 1, 100]);
    expect(rows(html)).toBe(100);
    expect(html).toMatch(/<nav aria-label="Sidor med resultat"/);
    expect(link(html, "next")).toBe("/resultat?page=2");
    expect(link(html, "prev")).toBeUndefined();
  });

  it("gives every result once over the pages, and keeps the filter in the links", async () => {
    const last = await page("/resultat?page=3");
    expect(status(last)).toEqual([3, 3, 201, total]);
    expect(rows(last)).toBe(total - 200);
    expect(link(last, "prev")).toBe("/resultat?page=2");
    expect(link(last, "next")).toBeUndefined();
    const filtered = await page("/resultat?instrument=2010&page=2");
    expect(link(filtered, "next")).toBe("/resultat?instrument=2010&page=3");
    expect(link(filtered, "prev")).toBe("/resultat?instrument=2010&page=1");
  });

  it("shows the nearest page for a page number that is not one", async () => {
    expect(status(await page("/resultat?page=99"))).toEqual([3, 3, 201, total]);
    expect(status(await page("/resultat?page=abc"))).toEqual([1, 3, 1, 100]);
    expect(status(await page("/resultat?page=-2"))).toEqual([1, 3, 1, 100]);
  });
});
