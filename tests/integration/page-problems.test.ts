import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { baseUrl } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";

// Needs the built app (npm test builds before running vitest). A hand-edited address with a bad
// value: the page says which field, in the visitor's language (the API's English is for developers).
describe("bad values in the search and comparison addresses", () => {
  let database: TestDatabase;
  let server: Server;
  const page = async (path: string, language?: "en") => {
    const response = await fetch(baseUrl(server) + path, { headers: language ? { cookie: `kompass_lang=${language}` } : {} });
    return { status: response.status, text: await response.text() };
  };

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await importDemo(database.db);
    server = await startTestServer({ database, port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
  });

  it("names the search field in Swedish and in English", async () => {
    const swedish = await page("/sok?q=dialog&yearFrom=abc");
    expect(swedish.status).toBe(400);
    expect(swedish.text).toContain("Värdet i fältet ”Från år” går inte att använda.");
    expect(swedish.text).not.toContain("expected a year");
    const english = await page("/sok?q=dialog&yearTo=1", "en");
    expect(english.status).toBe(400);
    expect(english.text).toContain("The value in “To year” cannot be used.");
  });

  it("names the comparison's municipality slot in Swedish and in English", async () => {
    const swedish = await page("/jamfor?k1=1880&k2=0180&u2=2014");
    expect(swedish.status).toBe(400);
    expect(swedish.text).toContain("Valet för Kommun 2 går inte att använda");
    expect(swedish.text).not.toContain("year:version");
    // A municipality slot holds a name or code as typed: one that names several offers them (12: Skåne's codes).
    const several = await page("/jamfor?k1=1880&k2=12");
    expect(several.status).toBe(200);
    expect(several.text).toContain("Flera kommuner passar ”12”. Välj en:");
    const english = await page("/jamfor?k1=1880&k2=0180&u2=abc", "en");
    expect(english.status).toBe(400);
    expect(english.text).toContain("The choice for Municipality 2 cannot be used");
  });
});
