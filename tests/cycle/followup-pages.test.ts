import type { Server } from "node:http";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followups } from "../../src/db/schema.server.ts";
import { municipalitySlug } from "../../src/domain/paths.ts";
import { completeTestEvaluation, moveTo, moveToScoring, publishTestEvaluation } from "../support/cycle.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { TESTKOPING } from "../support/fictional.ts";
import { baseUrl, TestClient } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { type Cast, createCast, createTestEvaluation } from "../support/workspace.ts";

// Needs the built app (npm run build). The follow-up page as served without JavaScript: plain
// forms that save and come back, problems and conflicts in the HTML, who may open it; then the
// published evaluation's public page and report with "Sedan förra utvärderingen".
const PASSWORD = "ett-langt-losenord";

describe("the follow-up pages, served", () => {
  let database: TestDatabase;
  let server: Server;
  let cast: Cast;
  let second: number;
  const clients = {} as Record<"eva" | "contact" | "outsider", TestClient>;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    cast = await createCast(database.db, "fp");
    await publishTestEvaluation(database.db, cast, 2017);
    second = await createTestEvaluation(database.db, cast, 2021);
    await moveToScoring(database.db, cast, second);
    server = await startTestServer({ database, port: 0, host: "127.0.0.1" });
    for (const key of ["eva", "contact", "outsider"] as const) {
      clients[key] = new TestClient(baseUrl(server));
      const person = key === "contact" ? cast.contact : cast[key];
      await clients[key].signIn(`${person.name.split(" ")[0]}.fp@test.example`, PASSWORD);
    }
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
  });

  const path = () => `/arbetsyta/${second}/uppfoljning`;
  const read = async (response: Response) => (await response.text()).replaceAll("<!-- -->", "");
  const markRows = () =>
    database.db
      .select()
      .from(followups)
      .where(and(eq(followups.evaluationId, second)));

  it("shows the team every earlier opportunity with a plain form: three labelled verdicts and a comment", async () => {
    const response = await clients.eva.get(path());
    expect(response.status).toBe(200);
    const html = await read(response);
    expect(html).toContain("Uppföljning av förra utvärderingen");
    expect(html).toContain("Förra publicerade utvärderingen gjordes 2017 med version 2016.");
    expect(html).toContain("0 av 5 förbättringsmöjligheter bedömda.");
    expect(html).toContain("Handlingar till fullmäktige på webben");
    expect(html).toContain("Tydligare delegationsordning");
    for (const [value, label] of [
      ["resolved", "Åtgärdad"],
      ["partly", "Delvis"],
      ["remains", "Kvarstår"],
    ]) {
      expect(html).toMatch(new RegExp(`<input[^>]*id="uppfoljning-1-1-verdict-${value}"[^>]*>`));
      expect(html).toMatch(new RegExp(`<label[^>]*for="uppfoljning-1-1-verdict-${value}"[^>]*>${label}</label>`));
    }
    expect(html).toMatch(/<textarea[^>]*id="uppfoljning-3-2-comment"[^>]*name="comment"/);
    expect(html).toMatch(/name="_csrf" value="[^"]+"/);
  });

  it("saves a verdict without JavaScript and comes back to it; refuses one without a verdict, and a stale one as a conflict", async () => {
    const token = await clients.eva.csrfToken(path());
    const form = {
      intent: "mark",
      areaNumber: "1",
      improvementIndex: "0",
      verdict: "resolved",
      comment: "Klart sedan 2018.",
      version: "0",
    };
    const saved = await clients.eva.post(path(), form, token);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`${path()}#uppfoljning-1-1`);
    expect((await markRows()).map((r) => [r.verdict, r.comment, r.version])).toEqual([["resolved", "Klart sedan 2018.", 1]]);

    const missing = await clients.eva.post(path(), { ...form, improvementIndex: "1", verdict: "" }, token);
    expect(missing.status).toBe(400);
    const refused = await read(missing);
    expect(refused).toContain("Välj åtgärdad, delvis eller kvarstår.");
    expect(refused).toContain('href="#uppfoljning-1-2-verdict-resolved"');
    expect(refused).toMatch(
      /<input[^>]*aria-invalid="true"[^>]*id="uppfoljning-1-2-verdict-resolved"|id="uppfoljning-1-2-verdict-resolved"[^>]*aria-invalid="true"/,
    );

    const stale = await clients.eva.post(path(), { ...form, verdict: "partly", comment: "Bara delvis." }, token);
    expect(stale.status).toBe(409);
    const conflict = await read(stale);
    expect(conflict).toContain("Bara delvis.");
    expect(conflict).toContain("Klart sedan 2018.");
    expect((await markRows()).map((r) => r.verdict)).toEqual(["resolved"]);

    const shown = await read(await clients.eva.get(path()));
    expect(shown).toContain("1 av 5 förbättringsmöjligheter bedömda.");
    expect(shown).toContain("Ta bort bedömningen");
  });

  it("answers the contact 403 and an outsider 404, and their posts change nothing", async () => {
    expect((await clients.contact.get(path())).status).toBe(403);
    expect((await clients.outsider.get(path())).status).toBe(404);
    const form = { intent: "mark", areaNumber: "3", improvementIndex: "0", verdict: "remains", comment: "", version: "0" };
    expect((await clients.contact.post(path(), form, await clients.contact.csrfToken("/arbetsyta"))).status).toBe(403);
    expect((await clients.outsider.post(path(), form, await clients.outsider.csrfToken("/arbetsyta"))).status).toBe(404);
    expect(await markRows()).toHaveLength(1);
  });

  it("after publication: read-only for the team, and the public page and report hold the section", async () => {
    await completeTestEvaluation(database.db, cast, second, { points: "70" });
    await moveTo(database.db, cast, second, "published");
    const page = await read(await clients.eva.get(path()));
    expect(page).toContain("Du kan läsa uppföljningen men inte ändra den.");
    expect(page).not.toContain('name="verdict"');

    const visitor = new TestClient(baseUrl(server));
    const evaluation = await visitor.get(`/kommun/${municipalitySlug(TESTKOPING.code, TESTKOPING.name)}/2021`);
    expect(evaluation.status).toBe(200);
    const html = await read(evaluation);
    expect(html).toContain('<h2 class="ds-heading" data-size="md" id="sedan-forra">Sedan förra utvärderingen</h2>');
    expect(html).toContain("Utvärderarna har följt upp förbättringsmöjligheterna från utvärderingen 2017");
    expect(html).toMatch(
      /<span lang="sv">Handlingar till fullmäktige på webben<\/span>: <strong[^>]*>Åtgärdad<\/strong>\. <span lang="sv">Klart sedan 2018\.<\/span>/,
    );

    const report = await read(await visitor.get(`/rapport/${second}`));
    expect(report).toContain('id="sedan-forra"');
    expect(report).toContain("<td>Åtgärdad</td><td>Klart sedan 2018.</td>");
  });
});
