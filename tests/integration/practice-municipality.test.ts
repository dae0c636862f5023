import type { Server } from "node:http";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluations, evaluationTexts, results } from "../../src/db/schema.server.ts";
import { transitionRule, type EvaluationFacts } from "../../src/domain/workflow.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { ValidationError } from "../../src/services/errors.ts";
import { transitionEvaluation } from "../../src/services/evaluations/transitionEvaluation.server.ts";
import { importResults } from "../../src/services/results/importResults.server.ts";
import { searchMunicipalities } from "../../src/services/search/index.server.ts";
import { addGoodExample } from "../../src/services/writing/goodExamples.server.ts";
import { actorByEmail } from "../support/actors.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { baseUrl, TestClient } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";

// The demo's practice case is about Övningsköping (9990), a made-up municipality marked
// `practice`: its team works in it as in any other, but the public never sees the municipality,
// no result can be imported for it, it is no good example, and its evaluation cannot be
// published. So its practice points can never pass for a municipality's result.
const PRACTICE = { code: "9990", name: "Övningsköping", evaluationId: 2 };
const PASSWORD = "kompass-demo-2026";

describe.each(testDatabaseKinds())("a practice municipality, on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;
  let visitor: TestClient;

  const actor = (email: string) => actorByEmail(database.db, email);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    await seedDemoWithPracticePoints(database.db);
    server = await startTestServer({ database, port: 0, host: "127.0.0.1" });
    visitor = new TestClient(baseUrl(server));
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
  });

  it("is not among the public's municipalities, pages, search or API", async () => {
    // (The about page names it, to say what the demo's practice case is.)
    for (const path of ["/kommuner", "/api/v1/municipalities", "/api/v1/municipalities.csv", "/utveckling", "/jamfor"]) {
      const response = await visitor.get(path);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).not.toContain(PRACTICE.name);
    }
    // The search page repeats what was asked; it links to no municipality of that name.
    const search = await (await visitor.get("/sok?q=%C3%96vningsk%C3%B6ping")).text();
    expect(search).toContain("Kommuner som heter så");
    expect(search).not.toContain(`/kommun/${PRACTICE.code}`);
    for (const path of [
      "/kommun/9990-ovningskoping",
      "/kommun/9990",
      "/kommun/9990-ovningskoping/2026",
      "/api/v1/municipalities/9990/results",
    ]) {
      expect((await visitor.get(path)).status, path).toBe(404);
    }
    expect((await visitor.get("/kommuner/9990")).headers.get("location")).toBe("/kommun/9990");
    expect(await searchMunicipalities(database.db, "Övnings")).toEqual([]);
  });

  it("is the team's to work in, with its working copy of the report", async () => {
    const eva = new TestClient(baseUrl(server));
    await eva.signIn("eva@kompass.example", PASSWORD);
    const overview = await eva.get(`/arbetsyta/${PRACTICE.evaluationId}`);
    expect(overview.status).toBe(200);
    const html = await overview.text();
    expect(html).toContain(PRACTICE.name);
    expect(html).toContain("Övningsfall: publiceras aldrig");
    const report = await eva.get(`/rapport/${PRACTICE.evaluationId}`);
    expect(report.status).toBe(200);
    expect(await report.text()).toContain(PRACTICE.name);
  });

  it("is offered to the administrator, for contacts and for planning", async () => {
    const admin = new TestClient(baseUrl(server));
    await admin.signIn("admin@kompass.example", PASSWORD);
    expect(await (await admin.get("/admin/anvandare")).text()).toContain(`<option value="${PRACTICE.code}">${PRACTICE.name}</option>`);
    // Without JavaScript the name typed is looked up; the page answers with its contacts.
    const token = await admin.csrfToken("/arbetsyta/ny");
    const chosen = await admin.post(
      "/arbetsyta/ny",
      { intent: "choose", municipality: "övningsköping", instrumentKey: "2020", year: "2030" },
      token,
    );
    const page = await chosen.text();
    expect(page).toContain(`value="${PRACTICE.name}"`);
    expect(page).toContain("Jonas Holm");
  });

  it("gets no imported result and is no good example", async () => {
    const before = await database.db.select({ id: results.id }).from(results);
    const text = JSON.stringify([{ municipality: PRACTICE.code, instrument: "2020", year: 2026, total: "500" }]);
    await expect(importResults(database.db, { name: "practice.json", text })).rejects.toBeInstanceOf(ValidationError);
    expect(await database.db.select({ id: results.id }).from(results)).toEqual(before);

    const eva = await actor("eva@kompass.example");
    const refused = await addGoodExample(database.db, eva, PRACTICE.evaluationId, {
      areaNumber: 1,
      municipalityCode: PRACTICE.code,
      sentence: "Ett påhittat exempel.",
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).problems).toEqual([{ field: "municipalityCode", message: "unknown_municipality" }]);
  });

  it("cannot be published: the workflow names why, and nothing changes", async () => {
    const facts: EvaluationFacts = {
      status: "review",
      evaluatorIds: ["a", "b"],
      contactIds: ["c"],
      visitStart: "2026-10-13",
      visitEnd: "2026-10-14",
      interviewCount: 4,
      submittedEvaluatorIds: ["a", "b"],
      scorableItemCount: 8,
      agreedItemCount: 8,
      summaryWritten: true,
      practice: true,
    };
    expect(transitionRule("review", "published")!.requires(facts)).toEqual([{ code: "practice_case" }]);
    expect(transitionRule("review", "published")!.requires({ ...facts, practice: false })).toEqual([]);

    // In review with a summary, as far as a real one could go; the administrator tries to publish it.
    await database.db.update(evaluations).set({ status: "review" }).where(eq(evaluations.id, PRACTICE.evaluationId));
    const [row] = await database.db.select().from(evaluations).where(eq(evaluations.id, PRACTICE.evaluationId));
    const [summary] = await database.db
      .select()
      .from(evaluationTexts)
      .where(and(eq(evaluationTexts.evaluationId, PRACTICE.evaluationId), eq(evaluationTexts.key, "summary.evaluation")));
    expect(summary!.body.length).toBeGreaterThan(0);
    const admin = await actor("admin@kompass.example");
    const refused = await transitionEvaluation(database.db, admin, PRACTICE.evaluationId, { to: "published", version: row!.version }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).problems).toContainEqual({ field: "status", message: "practice_case" });
    const [after] = await database.db.select().from(evaluations).where(eq(evaluations.id, PRACTICE.evaluationId));
    expect(after).toMatchObject({ status: "review", resultId: null, publishedAt: null, version: row!.version });
  });
});
