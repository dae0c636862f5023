import { request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rdfXml } from "../../src/api/rdfXml.server.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { startTestServer } from "../support/server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { baseUrl } from "../support/http.ts";

// Needs the built app (npm test builds before running vitest).

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request as a browser without cookies sends it (or with the cookie given), the answer as sent. */
function get(base: string, path: string, cookie?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(base + path, { headers: cookie ? { cookie } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}

const decode = (text: string) =>
  text.replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
const htmlLang = (html: string) => /<html lang="(\w+)"/.exec(html)?.[1];
const title = (html: string) => decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "");
/** The content of <meta name=…> or <meta property=…>. */
const meta = (html: string, key: string) =>
  decode(new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html)?.[1] ?? "") || undefined;
const linkHref = (html: string, attributes: string) =>
  decode(new RegExp(`<link ${attributes} href="([^"]*)"`).exec(html)?.[1] ?? "") || undefined;

/** Every public page, with a word that shows it is the page asked for. */
const PUBLIC_PAGES = [
  "/",
  "/resultat",
  "/rankning",
  "/kommuner",
  "/kommun/1880-orebro",
  "/kommun/1880-orebro/2012",
  "/jamfor",
  "/utveckling?kommun=1880&kommun=1080",
  "/sok",
  "/om",
  "/oppna-data",
  "/rapport/1",
  "/logga-in",
];

describe.each(testDatabaseKinds())("the about and open data pages, languages in the address, and page metadata on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;
  let base: string;
  const contact = process.env.KOMPASS_CONTACT_EMAIL;

  beforeAll(async () => {
    // The server runs in this process: the catalogue reads its contact address from here.
    process.env.KOMPASS_CONTACT_EMAIL = "oppnadata@kompass.example";
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    await seedDemoWithPracticePoints(database.db);
    server = await startTestServer({ database, port: 0, host: "127.0.0.1", rateLimits: false });
    base = baseUrl(server);
  });
  afterAll(async () => {
    if (contact === undefined) delete process.env.KOMPASS_CONTACT_EMAIL;
    else process.env.KOMPASS_CONTACT_EMAIL = contact;
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
  });

  it.each([
    ["/om", "Om Kommunkompassen", "About Kommunkompassen"],
    ["/oppna-data", "Öppna data", "Open data"],
  ])("%s answers in Swedish, and in English by cookie or by ?lang=en", async (path, swedish, english) => {
    const heading = (html: string) => decode(/<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? "");
    const sv = await get(base, path);
    const byCookie = await get(base, path, "kompass_lang=en");
    const byAddress = await get(base, `${path}?lang=en`);
    for (const answer of [sv, byCookie, byAddress]) expect(answer.status).toBe(200);
    expect([htmlLang(sv.body), heading(sv.body)]).toEqual(["sv", swedish]);
    expect([htmlLang(byCookie.body), heading(byCookie.body)]).toEqual(["en", english]);
    expect([htmlLang(byAddress.body), heading(byAddress.body)]).toEqual(["en", english]);
  });

  it("tells the instrument's versions and areas from the database, and where each result comes from", async () => {
    const html = decode((await get(base, "/om")).body);
    for (const name of ["Kommunkompassen, 2010 års version", "Kommunkompassen, 2016 års revision", "Kommunkompassen, 2020 års revision"])
      expect(html).toContain(name);
    expect(html).toContain("Politisk styrning och kontroll");
    expect(html).toContain("Chefs- och ledarskap samt medarbetarskap");
    expect(html).toMatch(/Här finns 3 publicerade resultat från 1 kommuner, 2010–2015/);
    expect(html).toContain('href="/kommun/1880-orebro"');
    // On the English page the instrument's Swedish names are marked as Swedish.
    expect((await get(base, "/om?lang=en")).body).toContain('<li value="3"><span lang="sv">Politisk styrning och kontroll</span>');
  });

  it("describes the API from its route list, with the licence, the limit and the site's own address", async () => {
    const html = decode((await get(base, "/oppna-data")).body);
    expect(html).toContain("GET /api/v1/rankings");
    expect(html).toContain('href="/api/v1/rankings?instrument=2010"');
    expect(html).toContain('href="/api/v1/compare?k1=1880&k2=0484"');
    expect(html).toContain("CC BY 4.0");
    expect(html).toContain("högst 300 anrop per minut");
    expect(html).toContain('href="/api/v1/openapi.json"');
    expect(html).toMatch(/curl "http:\/\/[^"]+\/api\/v1\/rankings\?instrument=2010&limit=5"/);
    expect(html).toMatch(/<link [^>]*rel="alternate" type="application\/ld\+json" href="\/oppna-data\/katalog\.jsonld"/);
  });

  it("takes the language from ?lang= before the cookie, remembers it in the cookie, and ignores other values", async () => {
    const english = await get(base, "/kommuner?lang=en", "kompass_lang=sv");
    expect(htmlLang(english.body)).toBe("en");
    expect(english.headers["set-cookie"]?.join()).toMatch(/^kompass_lang=en; Path=\/; Max-Age=31536000; SameSite=Lax; HttpOnly$/);
    const swedish = await get(base, "/kommuner?lang=sv", "kompass_lang=en");
    expect(htmlLang(swedish.body)).toBe("sv");
    expect(swedish.headers["set-cookie"]?.join()).toContain("kompass_lang=sv");
    // Already the visitor's choice: nothing to set.
    expect((await get(base, "/kommuner?lang=en", "kompass_lang=en")).headers["set-cookie"]).toBeUndefined();
    const other = await get(base, "/kommuner?lang=de", "kompass_lang=en");
    expect([htmlLang(other.body), other.headers["set-cookie"]]).toEqual(["en", undefined]);
  });

  it("never serves a stored page in the other language", async () => {
    const at = async (path: string, cookie?: string) => {
      const answer = await get(base, path, cookie);
      return `${htmlLang(answer.body)} ${answer.headers["x-cache"]}`;
    };
    expect(await at("/jamfor?lang=en")).toBe("en miss");
    expect(await at("/jamfor")).toBe("sv miss");
    expect(await at("/jamfor?lang=en", "kompass_lang=sv")).toBe("en hit");
    expect(await at("/jamfor", "kompass_lang=en")).toBe("en miss");
    expect(await at("/jamfor?lang=sv", "kompass_lang=en")).toBe("sv miss");
    expect(await at("/jamfor", "kompass_lang=sv")).toBe("sv hit");
    expect(await at("/jamfor?lang=en")).toBe("en hit");
    expect(await at("/jamfor.data?lang=en")).toMatch(/ miss$/);
  });

  it("links the language switch to this page in the other language, and the menus to the open data page", async () => {
    const html = (await get(base, "/resultat?instrument=2010")).body;
    expect(html).toContain('<a href="/resultat?instrument=2010&amp;lang=en" lang="en" hrefLang="en">In English</a>');
    const english = (await get(base, "/resultat?instrument=2010&lang=en")).body;
    expect(english).toContain('<a href="/resultat?instrument=2010&amp;lang=sv" lang="sv" hrefLang="sv">På svenska</a>');
    expect(html).toContain('href="/oppna-data"');
    expect(html).toContain('href="/utveckling"');
    expect(html).toContain('href="/om"');
    expect(html).not.toContain('href="/api/v1/openapi.json"');
  });

  it.each(PUBLIC_PAGES)("%s has a description, share tags, a canonical address and both languages", async (path) => {
    for (const language of ["sv", "en"] as const) {
      const address = language === "en" ? `${path}${path.includes("?") ? "&" : "?"}lang=en` : path;
      const answer = await get(base, address);
      expect(answer.status, address).toBe(200);
      const html = answer.body;
      const description = meta(html, "description");
      expect(description?.length, `${address}: description`).toBeGreaterThan(50);
      expect(meta(html, "og:description")).toBe(description);
      // The share title is the page's title without the site's name.
      expect(`${meta(html, "og:title")} – Kommunkompassen`, address).toBe(title(html));
      expect(meta(html, "og:type")).toBe("website");
      expect(meta(html, "og:site_name")).toBe("Kommunkompassen");
      expect(meta(html, "og:locale")).toBe(language === "sv" ? "sv_SE" : "en_GB");
      expect(meta(html, "og:image")).toMatch(/^http:\/\/[^/]+\/delningsbild\.png$/);
      const canonical = linkHref(html, 'rel="canonical"');
      expect(meta(html, "og:url")).toBe(canonical);
      expect(canonical).toMatch(/^https?:\/\//);
      expect(new URL(canonical!).pathname).toBe(path.split("?")[0]);
      expect(new URL(canonical!).searchParams.get("lang")).toBe(language === "en" ? "en" : null);
      const sv = linkHref(html, 'rel="alternate" hrefLang="sv"');
      const en = linkHref(html, 'rel="alternate" hrefLang="en"');
      expect(new URL(sv!).searchParams.get("lang")).toBeNull();
      expect(new URL(en!).searchParams.get("lang")).toBe("en");
      expect(linkHref(html, 'rel="alternate" hrefLang="x-default"')).toBe(sv);
    }
  });

  it("gives every public page a description of its own", async () => {
    const descriptions = await Promise.all(PUBLIC_PAGES.map(async (path) => meta((await get(base, path)).body, "description")));
    expect(new Set(descriptions).size).toBe(PUBLIC_PAGES.length);
  });

  it("serves the icons, the share card and robots.txt", async () => {
    const types = await Promise.all(
      ["/favicon.ico", "/favicon.svg", "/apple-touch-icon.png", "/delningsbild.png", "/robots.txt"].map(async (path) => {
        const answer = await fetch(base + path);
        return `${path} ${answer.status} ${answer.headers.get("content-type")?.split(";")[0]}`;
      }),
    );
    expect(types).toEqual([
      "/favicon.ico 200 image/vnd.microsoft.icon",
      "/favicon.svg 200 image/svg+xml",
      "/apple-touch-icon.png 200 image/png",
      "/delningsbild.png 200 image/png",
      "/robots.txt 200 text/plain",
    ]);
  });

  describe("the DCAT-AP-SE catalogue", () => {
    type Node = Record<string, unknown> & { "@id": string; "@type": string };
    let graph: Node[];
    const node = (ref: unknown) => graph.find((n) => n["@id"] === (ref as { "@id": string })["@id"]);
    const ofType = (type: string) => graph.filter((n) => n["@type"] === type);
    /** The languages a text is given in (non-empty). */
    const languages = (value: unknown) =>
      (value as { "@language": string; "@value": string }[])
        .filter((v) => v["@value"].trim() !== "")
        .map((v) => v["@language"])
        .sort();
    const many = (value: unknown) => (Array.isArray(value) ? value : [value]);

    beforeAll(async () => {
      const answer = await fetch(`${base}/oppna-data/katalog.jsonld`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
      const document = (await answer.json()) as { "@context": Record<string, string>; "@graph": Node[] };
      expect(document["@context"].dcat).toBe("http://www.w3.org/ns/dcat#");
      graph = document["@graph"];
    });

    it("names every catalogue, dataset, distribution, publisher and contact with an absolute address", () => {
      for (const n of graph) expect(n["@id"], n["@type"]).toMatch(/^https?:\/\/\S+$/);
      expect(new Set(graph.map((n) => n["@id"])).size).toBe(graph.length);
    });

    it("has the catalogue's mandatory properties: title, description, publisher, licence, datasets", () => {
      const [catalog, ...more] = ofType("dcat:Catalog");
      expect(more).toEqual([]);
      expect(languages(catalog!["dcterms:title"])).toEqual(["en", "sv"]);
      expect(languages(catalog!["dcterms:description"])).toEqual(["en", "sv"]);
      expect(node(catalog!["dcterms:license"])).toBeUndefined();
      expect(catalog!["dcterms:license"]).toEqual({ "@id": "http://creativecommons.org/publicdomain/zero/1.0/" });
      const publisher = node(catalog!["dcterms:publisher"]);
      expect(publisher?.["@type"]).toBe("foaf:Organization");
      expect(publisher?.["foaf:name"]).toBe("Kommunkompassen");
      expect(many(catalog!["dcat:dataset"]).map((d) => node(d)?.["@type"])).toEqual(Array(4).fill("dcat:Dataset"));
      expect(node(catalog!["foaf:homepage"])).toBeUndefined();
      expect((catalog!["foaf:homepage"] as { "@id": string })["@id"]).toMatch(/\/oppna-data$/);
    });

    it("has each dataset's title and description in Swedish and English, publisher, contact point and theme", () => {
      const datasets = ofType("dcat:Dataset");
      expect(datasets.map((d) => d["@id"].split("#")[1])).toEqual(["resultat", "rankning", "kommuner", "instrument"]);
      for (const dataset of datasets) {
        expect(languages(dataset["dcterms:title"])).toEqual(["en", "sv"]);
        expect(languages(dataset["dcterms:description"])).toEqual(["en", "sv"]);
        expect(node(dataset["dcterms:publisher"])?.["foaf:name"]).toBe("Kommunkompassen");
        const contact = node(dataset["dcat:contactPoint"]);
        expect(contact?.["@type"]).toBe("vcard:Organization");
        expect(contact?.["vcard:fn"]).toBe("Kommunkompassen");
        expect(contact?.["vcard:hasEmail"]).toEqual({ "@id": "mailto:oppnadata@kompass.example" });
        expect(many(dataset["dcat:theme"])).toContainEqual({ "@id": "http://publications.europa.eu/resource/authority/data-theme/GOVE" });
        expect(many(dataset["dcat:distribution"]).length).toBeGreaterThan(0);
      }
    });

    it("offers every table as JSON, CSV and Excel, each distribution answering at its address with its media type", async () => {
      const distributions = ofType("dcat:Distribution");
      // Results and municipalities in three forms, rankings in three per version, instruments in JSON.
      expect(distributions.length).toBe(3 + 3 * 3 + 3 + 1);
      for (const distribution of distributions) {
        const url = (distribution["dcat:accessURL"] as { "@id": string })["@id"];
        expect(distribution["dcterms:license"]).toEqual({ "@id": "http://creativecommons.org/licenses/by/4.0/" });
        expect(languages(distribution["dcterms:title"])).toEqual(["en", "sv"]);
        const answer = await fetch(base + new URL(url).pathname + new URL(url).search);
        expect(answer.status, url).toBe(200);
        expect(answer.headers.get("content-type")?.split(";")[0], url).toBe(distribution["dcterms:format"]);
        await answer.arrayBuffer();
      }
    });

    it("is the same graph in RDF/XML to a client that asks for it", async () => {
      const answer = await fetch(`${base}/oppna-data/katalog.jsonld`, { headers: { accept: "application/rdf+xml" } });
      expect(answer.headers.get("content-type")).toBe("application/rdf+xml; charset=utf-8");
      expect(answer.headers.get("vary")).toMatch(/\bAccept\b/);
      const xml = await answer.text();
      expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<rdf:RDF /);
      // One description per node, under the same identifier; the period of time nested.
      expect((xml.match(/<rdf:Description rdf:about="/g) ?? []).length).toBe(graph.length);
      for (const n of graph) expect(xml).toContain(`<rdf:Description rdf:about="${n["@id"].replaceAll("&", "&amp;")}">`);
      expect(xml).toContain('<dcterms:temporal rdf:parseType="Resource">');
      expect(xml).toContain('<dcterms:title xml:lang="en">Kommunkompassen open data</dcterms:title>');
    });

    it("describes the API as a data service with its OpenAPI document", () => {
      const [service] = ofType("dcat:DataService");
      expect(languages(service!["dcterms:title"])).toEqual(["en", "sv"]);
      expect((service!["dcat:endpointURL"] as { "@id": string })["@id"]).toMatch(/\/api\/v1$/);
      expect((service!["dcat:endpointDescription"] as { "@id": string })["@id"]).toMatch(/\/api\/v1\/openapi\.json$/);
    });
  });
});

describe("RDF/XML of a JSON-LD graph", () => {
  it("escapes text and addresses, and writes languages, types and nested nodes", () => {
    const xml = rdfXml({
      "@context": { dcterms: "http://purl.org/dc/terms/", xsd: "http://www.w3.org/2001/XMLSchema#" },
      "@graph": [
        {
          "@id": "https://example.se/a?b=1&c=2",
          "@type": "dcterms:Agent",
          "dcterms:title": [{ "@value": 'R&D <"x">', "@language": "sv" }, "plain"],
          "dcterms:issued": { "@value": "2020-01-01", "@type": "xsd:date" },
          "dcterms:temporal": { "@type": "dcterms:PeriodOfTime", "dcterms:description": "inner" },
        },
      ],
    });
    expect(xml).toContain('<rdf:Description rdf:about="https://example.se/a?b=1&amp;c=2">');
    expect(xml).toContain('<rdf:type rdf:resource="http://purl.org/dc/terms/Agent"/>');
    expect(xml).toContain('<dcterms:title xml:lang="sv">R&amp;D &lt;&quot;x&quot;&gt;</dcterms:title>');
    expect(xml).toContain("<dcterms:title>plain</dcterms:title>");
    expect(xml).toContain('<dcterms:issued rdf:datatype="http://www.w3.org/2001/XMLSchema#date">2020-01-01</dcterms:issued>');
    expect(xml).toMatch(
      /<dcterms:temporal rdf:parseType="Resource">\s*<rdf:type rdf:resource="http:\/\/purl.org\/dc\/terms\/PeriodOfTime"\/>\s*<dcterms:description>inner<\/dcterms:description>\s*<\/dcterms:temporal>/,
    );
  });
});
