import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishTestEvaluation } from "../support/cycle.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { baseUrl, TestClient } from "../support/http.ts";
import { sendQuestionnaire, writeAnswer } from "../support/questionnaireRows.ts";
import { startTestServer } from "../support/server.ts";
import { type Cast, createCast, createTestEvaluation } from "../support/workspace.ts";

// Needs the built app (npm run build). The gap view and the answers beside the scoring as served
// without JavaScript, for the fictional Testköping (every area agreed at 60, synthetic).
const TAG = "gappage";
const PASSWORD = "ett-langt-losenord";

describe("the gap view and the answers beside the scoring, served", () => {
  let database: TestDatabase;
  let server: Server;
  let cast: Cast;
  let id: number;
  let unpublished: number;
  const clients: Record<"eva" | "kim" | "olle", TestClient> = {} as never;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    cast = await createCast(database.db, TAG);
    id = await publishTestEvaluation(database.db, cast);
    await sendQuestionnaire(database.db, id, "handed_in");
    await writeAnswer(database.db, id, "1", { answer: "Vi publicerar allt.", ownScore: "62.5", links: "https://testkoping.example/a" });
    await writeAnswer(database.db, id, "2", { answer: "Delvis.", ownScore: "59.5" });
    for (const area of ["4", "5", "6", "7", "8"]) await writeAnswer(database.db, id, area, { ownScore: "60" });
    unpublished = await createTestEvaluation(database.db, cast, 2036);
    await sendQuestionnaire(database.db, unpublished);
    server = await startTestServer({ database, port: 0, host: "127.0.0.1" });
    for (const key of ["eva", "kim", "olle"] as const) {
      clients[key] = new TestClient(baseUrl(server));
      await clients[key].signIn(`${key}.${TAG}@test.example`, PASSWORD);
    }
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
  });

  const gapPath = (evaluation: number) => `/arbetsyta/${evaluation}/sjalvvardering/jamforelse`;
  const html = async (client: TestClient, path: string) => {
    const response = await client.get(path);
    expect(response.status, path).toBe(200);
    return (await response.text()).replaceAll("<!-- -->", "");
  };

  it("shows the contact own scores against the agreed points, as a table and a chart, with the choice to publish", async () => {
    const page = await html(clients.kim, gapPath(id));
    expect(page).toContain("Egen bedömning mot överenskomna poäng");
    expect(page).toContain("Egen bedömning och överenskomna poäng per område, Fiktiva Testköping 2017");
    // 62.5 − 60 = 2.5 and 59.5 − 60 = −0.5, shown with their decimals; area 3 has no own score.
    expect(page).toMatch(/<td class="numeric key-column">\+2,5<\/td>/);
    expect(page).toMatch(/<td class="numeric key-column">\u22120,5<\/td>/);
    expect(page).toContain("ofullständig");
    expect(page).toMatch(/<svg[^>]*role="img"/);
    expect(page).toContain("chart-svg--narrow");
    expect(page).toContain("Jämförelsen är privat");
    expect(page).toContain('value="publish"');
  });

  it("shows the team the gap without the choice, and nobody else", async () => {
    const page = await html(clients.eva, gapPath(id));
    expect(page).toContain("ofullständig");
    expect(page).not.toContain('value="publish"');
    expect((await clients.olle.get(gapPath(id))).status).toBe(404);
    expect((await clients.eva.get(gapPath(unpublished))).status).toBe(404);
    expect((await clients.kim.get(gapPath(unpublished))).status).toBe(404);
  });

  it("is published and made private again by the contact without JavaScript, and a stale page meets a conflict", async () => {
    const token = await clients.kim.csrfToken(gapPath(id));
    const published = await clients.kim.post(gapPath(id), { intent: "publish", version: "1" }, token);
    expect(published.status).toBe(302);
    expect(published.headers.get("location")).toBe(`${gapPath(id)}#publicering`);
    const page = await html(clients.kim, gapPath(id));
    expect(page).toContain("Jämförelsen är publicerad");
    expect(page).toContain("Gör jämförelsen privat igen");
    const stale = await clients.kim.post(gapPath(id), { intent: "unpublish", version: "1" }, token);
    expect(stale.status).toBe(409);
    const choice = (await stale.text()).replaceAll("<!-- -->", "");
    expect(choice).toContain("Publiceringen av jämförelsen");
    expect(choice).toContain("Spara min version");
    const evaToken = await clients.eva.csrfToken(gapPath(id));
    expect((await clients.eva.post(gapPath(id), { intent: "unpublish", version: "2" }, evaToken)).status).toBe(403);
    expect((await clients.kim.post(gapPath(id), { intent: "unpublish", version: "2" }, token)).status).toBe(302);
    expect(await html(clients.kim, gapPath(id))).toContain("Jämförelsen är privat");
  });

  it("puts the municipality's answer and own score beside the scoring and the agreement", async () => {
    for (const path of [`/arbetsyta/${id}/poang`, `/arbetsyta/${id}/samsyn`]) {
      const page = await html(clients.eva, path);
      expect(page, path).toContain("Kommunens svar · Egen bedömning 62,5 av 100");
      expect(page, path).toContain("Vi publicerar allt.");
      expect(page, path).toContain('href="https://testkoping.example/a"');
      expect(page, path).toContain("Inlämnad 28 januari 2030.");
      expect(page, path).toContain("Kommunens svar</summary>");
    }
  });

  it("speaks English too", async () => {
    const page = await html(clients.kim, `${gapPath(id)}?lang=en`);
    expect(page).toContain("Own scores against the agreed points");
    expect(page).toContain("incomplete");
  });
});
