import type { Server } from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { municipalities } from "../../src/db/schema.server.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { startTestServer } from "../support/server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { baseUrl, TestClient } from "../support/http.ts";
import { readSheet, sheetLines } from "../support/xlsx.ts";

// "Unpublished evaluations appear nowhere: pages, search, CSV, API." The demo's practice case,
// Övningsköping 2026, is in agreement; its team writes a text with a word found nowhere else, and
// every public page, search, download and API answer is asked for it. The municipality is made
// public here (a practice municipality is hidden altogether, which would prove nothing of the
// evaluation): only the evaluation is unpublished. Needs the built app (npm test builds first).
const SECRET_WORD = "Hemlighetsmakeri";
const PASSWORD = "kompass-demo-2026";

describe.each(testDatabaseKinds())("an unpublished evaluation appears nowhere public, on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;
  let visitor: TestClient;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    await seedDemoWithPracticePoints(database.db);
    await database.db.update(municipalities).set({ practice: false }).where(eq(municipalities.code, "9990"));
    server = await startTestServer({ database, port: 0, host: "127.0.0.1" });
    const eva = new TestClient(baseUrl(server));
    await eva.signIn("eva@kompass.example", PASSWORD);
    const token = await eva.csrfToken("/arbetsyta/2/texter");
    const saved = await eva.post(
      "/arbetsyta/2/texter",
      { intent: "text", key: "area.1.strengths", body: `${SECRET_WORD} i dialogen med medborgarna`, version: "0" },
      token,
    );
    expect([200, 302, 303]).toContain(saved.status);
    visitor = new TestClient(baseUrl(server));
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
  });

  it("the team's text is there for the team", async () => {
    const eva = new TestClient(baseUrl(server));
    await eva.signIn("eva@kompass.example", PASSWORD);
    expect(await (await eva.get("/rapport/2")).text()).toContain(SECRET_WORD);
  });

  it.each([
    "/",
    "/resultat",
    "/rankning",
    "/rankning?instrument=2020",
    "/kommuner",
    "/kommun/9990-ovningskoping",
    "/jamfor?k1=9990&k2=1880",
    `/sok?q=${SECRET_WORD}`,
    "/sok?q=dialogen",
    "/api/v1/results",
    "/api/v1/results.csv",
    "/api/v1/results.xlsx",
    "/api/v1/municipalities/9990/results",
    "/api/v1/municipalities/9990/results.csv",
    "/api/v1/rankings?instrument=2020",
    "/api/v1/rankings.csv?instrument=2020&all=true",
    `/api/v1/search?q=${SECRET_WORD}`,
    `/api/v1/search.csv?q=${SECRET_WORD}`,
    `/api/v1/search.xlsx?q=${SECRET_WORD}`,
    "/api/v1/rankings.xlsx?instrument=2020&all=true",
    "/api/v1/compare?k1=9990&k2=1880",
    "/api/v1/compare.csv?k1=9990&k2=1880",
    "/api/v1/compare.xlsx?k1=9990&k2=1880",
    // The data requests of client-side navigation, which the page cache keeps as well.
    "/kommun/9990-ovningskoping.data",
    "/sok.data?q=dialogen",
  ])("%s says nothing of Övningsköping 2026", async (path) => {
    const response = await visitor.get(path);
    // A version without results answers 400 on the rankings page; never a 500.
    expect([200, 400, 404]).toContain(response.status);
    const lines = /\.xlsx(\?|$)/.test(path) ? sheetLines(await readSheet(response)) : null;
    // A workbook always has its header row: an empty one would prove nothing.
    if (lines) expect(lines.length).toBeGreaterThan(0);
    // The print footer names the page's address and today's date, which may be in 2026: not a result.
    const body = lines ? lines.join("\n") : (await response.text()).replace(/<p class="print-footer">[^<]*<\/p>/, "");
    if (path.startsWith(`/sok?q=${SECRET_WORD}`)) {
      // The page repeats what was searched for; what matters is that it found nothing.
      expect(body).toContain("Inga träffar");
    } else {
      expect(body).not.toContain(SECRET_WORD);
    }
    expect(body).not.toMatch(/Övningsköping[^<"]{0,40}2026|9990[^\n]{0,40}2026/);
  });

  it("its pages and files answer 404", async () => {
    for (const path of ["/kommun/9990-ovningskoping/2026", "/rapport/2", "/rapport/2/kommunkompassen-ovningskoping-2026.pdf"]) {
      expect((await visitor.get(path)).status, path).toBe(404);
    }
  });
});
