import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { baseUrl, TestClient } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";

// Needs the built app (npm test builds before running vitest). Finding a municipality: addresses
// that guess (/kommun/orebro), the searchable list /kommuner and its download, the comparison's
// typed names and the planning form's choice of municipality and contacts. The test data has
// Örebro's results (2010, 2012, 2015) and the demo's accounts.
describe.each(testDatabaseKinds())("finding a municipality on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;
  let base: string;
  const get = (path: string, language?: "en") =>
    fetch(base + path, { redirect: "manual", headers: language ? { cookie: `kompass_lang=${language}` } : {} });
  const page = async (path: string, language?: "en") => {
    const response = await get(path, language);
    return { status: response.status, html: await response.text(), location: response.headers.get("location") };
  };
  /** The municipalities linked from the rows of /kommuner's table. */
  const rowNames = (html: string) =>
    [...(html.split("<tbody")[1] ?? "").matchAll(/<th[^>]*scope="row"[^>]*>.*?<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    await seedDemoWithPracticePoints(database.db);
    server = await startTestServer({ database, port: 0, host: "127.0.0.1" });
    base = baseUrl(server);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
  });

  it.each([
    ["/kommun/orebro", "/kommun/1880-orebro"],
    ["/kommun/OREBRO", "/kommun/1880-orebro"],
    ["/kommun/%C3%B6rebro", "/kommun/1880-orebro"],
    ["/kommun/malmo", "/kommun/1280-malmo"],
    ["/kommun/upplands-vasby", "/kommun/0114-upplands-vasby"],
    ["/kommun/orebro-kommun", "/kommun/1880-orebro"],
    ["/kommun/1880", "/kommun/1880-orebro"],
    ["/kommuner/1880", "/kommun/1880-orebro"],
    ["/kommuner/orebro", "/kommun/1880-orebro"],
    ["/kommuner/orebo", "/kommun/orebo"],
  ])("%s leads to %s", async (path, location) => {
    const response = await get(path);
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe(location);
  });

  it("answers a near miss with 404, the likely municipalities and the search, in Swedish and English", async () => {
    const swedish = await page("/kommun/orebo");
    expect(swedish.status).toBe(404);
    expect(swedish.html).toContain("Sidan finns inte");
    expect(swedish.html).toContain("Det finns ingen kommun med adressen ”orebo”.");
    expect(swedish.html).toMatch(/Menade du:.*href="\/kommun\/1880-orebro"[^>]*>Örebro<\/a>/);
    expect(swedish.html).toMatch(/<form[^>]*action="\/kommuner"/);
    expect(swedish.html).toMatch(/name="q"[^>]*value="orebo"|value="orebo"[^>]*name="q"/);
    const english = await page("/kommun/karlskona", "en");
    expect(english.status).toBe(404);
    expect(english.html).toContain("There is no municipality at the address “karlskona”.");
    expect(english.html).toContain('href="/kommun/1080-karlskrona"');
  });

  it("offers both Habo and Håbo for /kommun/habo, and the name after an unknown code", async () => {
    const habo = await page("/kommun/habo");
    expect(habo.status).toBe(404);
    expect(habo.html).toMatch(/href="\/kommun\/0643-habo"[^>]*>Habo</);
    expect(habo.html).toMatch(/href="\/kommun\/0305-habo"[^>]*>Håbo</);
    const unknown = await page("/kommun/9999-orebro");
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('href="/kommun/1880-orebro"');
    expect((await page("/kommun/9999")).status).toBe(404);
    expect((await page("/kommun/%3Cscript%3E")).html).not.toContain("<script>alert");
  });

  it("/kommuner filters by name, county and results; the download holds the same rows", async () => {
    const all = await page("/kommuner");
    expect(rowNames(all.html)).toHaveLength(290);
    expect(all.html).toContain("290 av 290 kommuner");
    expect(all.html).toContain('href="/kommuner?county=18"');

    const orebro = await page("/kommuner?q=orebro");
    expect(rowNames(orebro.html)).toEqual(["Örebro"]);
    expect(orebro.html).toContain("1 av 290 kommuner");
    expect(orebro.html).toContain("3 utvärderingar");
    expect(orebro.html).toContain('href="/kommun/1880-orebro/2015"');

    const county = await page("/kommuner?q=&county=18&evaluated=true");
    const names = rowNames(county.html);
    expect(names).toEqual(["Örebro"]);
    expect(rowNames((await page("/kommuner?county=18")).html)).toHaveLength(12);
    const csvLink = /href="(\/ladda-ned\/municipalities\.csv\?[^"]+)"/.exec(county.html)![1]!.replaceAll("&amp;", "&");
    expect(csvLink).toBe("/ladda-ned/municipalities.csv?county=18&evaluated=true");
    const csv = (await (await get(csvLink)).text()).trim().split("\r\n");
    expect(csv.slice(1).map((line) => line.split(",")[1])).toEqual(names);

    const missed = await page("/kommuner?q=orebo");
    // Only inside a name (Töreboda): the near misses are suggested.
    expect(rowNames(missed.html)).toEqual(["Töreboda"]);
    expect(missed.html).toMatch(/Menade du:.*href="\/kommun\/1880-orebro"/);
    const nothing = await page("/kommuner?q=qqq");
    expect(rowNames(nothing.html)).toEqual([]);
    expect(nothing.html).toContain("Ingen kommun matchar sökningen.");

    const bad = await page("/kommuner?county=abc");
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Värdet i fältet ”Län” i adressen går inte att använda.");
    expect((await page(`/kommuner?q=${"a".repeat(201)}`)).status).toBe(400);
  });

  it("the API filters municipalities as the page does", async () => {
    const json = async (path: string) => (await get(path)).json() as Promise<{ code: string; name: string }[]>;
    expect((await json("/api/v1/municipalities?q=malmo")).map((m) => m.name)).toEqual(["Malmö"]);
    expect((await json("/api/v1/municipalities?q=bro")).map((m) => m.name).slice(0, 2)).toEqual(["Bromölla", "Upplands-Bro"]);
    // The test data has Örebro's results only.
    const evaluated = await json("/api/v1/municipalities?evaluated=true");
    expect(evaluated.map((m) => m.code)).toEqual(["1880"]);
    expect(Object.keys(evaluated[0]!)).toEqual(["code", "name", "officialName", "county", "groups"]);
    expect((await get("/api/v1/municipalities?evaluated=ja")).status).toBe(400);
    expect((await get("/api/v1/municipalities?county=1")).status).toBe(400);
  });

  it("the comparison takes names as typed and offers choices for those that name several or none", async () => {
    const typed = await page("/jamfor?k1=orebro&k2=Karlskrona&k3=&u1=2012%3A2010");
    expect(typed.status).toBe(302);
    expect(typed.location).toBe("/jamfor?k1=1880&u1=2012%3A2010&k2=1080");

    const habo = await page("/jamfor?k1=1880&k2=habo&k3=orebo");
    expect(habo.status).toBe(200);
    expect(habo.html).toContain("Flera kommuner passar ”habo”. Välj en:");
    expect(habo.html).toMatch(/type="radio"[^>]*name="k2"[^>]*value="0643"/);
    expect(habo.html).toContain("Ingen kommun heter ”orebo”. Menade du:");
    expect(habo.html).toMatch(/type="radio"[^>]*name="k3"[^>]*value="1880"/);
    // The download has the slots that name a municipality.
    expect(habo.html).not.toMatch(/api\/v1\/compare[^"]*habo/);

    const chosen = await page("/jamfor?k1=1880&k2=habo&k2=0643");
    expect(chosen.status).toBe(302);
    expect(chosen.location).toBe("/jamfor?k1=1880&k2=0643");
  });

  it("the planning form offers the chosen municipality's contacts only, also without JavaScript", async () => {
    const admin = new TestClient(base);
    await admin.signIn("admin@kompass.example", "kompass-demo-2026");
    const empty = await (await admin.get("/arbetsyta/ny")).text();
    expect(empty).toContain("Välj kommun först");
    // Rendered, that is: the page's data holds every contact, for the type-ahead to choose from at once.
    expect(empty).not.toMatch(/<label[^>]*>Karin Berg/);

    const token = await admin.csrfToken("/arbetsyta/ny");
    const chosen = await admin.post("/arbetsyta/ny", { intent: "choose", municipality: "orebro", year: "2026" }, token);
    expect(chosen.status).toBe(200);
    const html = await chosen.text();
    expect(html).toMatch(/<label[^>]*>Karin Berg \(Örebro\)/);
    expect(html).not.toMatch(/<label[^>]*>Jonas Holm/);
    expect(html).toContain('href="/admin/anvandare#add-user"');
    expect(html).toMatch(/value="Örebro"/);

    const several = await admin.post(
      "/arbetsyta/ny",
      { intent: "create", municipality: "upp", year: "2026", instrumentKey: "2020" },
      token,
    );
    expect(several.status).toBe(400);
    expect(await several.text()).toMatch(/type="radio"[^>]*name="municipality"[^>]*value="0114"/);

    expect((await admin.post("/arbetsyta/ny", { intent: "choose", municipality: "orebro" })).status).toBe(403);
  });
});
