import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { baseUrl, TestClient } from "../support/http.ts";
import { expectRefusedAndUnchanged, type FormAction } from "../support/refusals.ts";
import { startTestServer } from "../support/server.ts";

// The municipality's own cycle (issue 13): every new route × every kind of user, and every new
// form action refused to whoever may not use it, with nothing changed. Needs the built app.
// Demo: evaluation 1 is Örebro 2012 (published, with a private practice action plan, no
// questionnaire); evaluation 2 is the practice case Övningsköping 2026 (in agreement; its practice questionnaire is
// handed in, half answered by the contact and the invited colleague Sara).
const PASSWORD = "kompass-demo-2026";
const PARTS = ["/sjalvvardering", "/sjalvvardering/kollegor", "/sjalvvardering/jamforelse", "/handlingsplan", "/uppfoljning"] as const;
type Part = (typeof PARTS)[number];
type Expected = Record<Part, number>;

const all = (status: number): Expected => Object.fromEntries(PARTS.map((p) => [p, status])) as Expected;
const but = (otherwise: number, exceptions: Partial<Expected>): Expected => ({ ...all(otherwise), ...exceptions });

describe.each(testDatabaseKinds())("the cycle's routes × every role on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;
  const clients = new Map<string, TestClient>();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    await seedDemoWithPracticePoints(database.db);
    await createUser(database.db, SYSTEM, { email: "olle@test.example", name: "Olle Utanför", role: "evaluator", password: PASSWORD });
    // Staff of Örebro who took no part in the 2012 evaluation: the action plan is the municipality's.
    await createUser(database.db, SYSTEM, {
      email: "stina@test.example",
      name: "Stina Örebro",
      role: "staff",
      municipalityCode: "1880",
      password: PASSWORD,
    });
    server = await startTestServer({ database, port: 0, host: "127.0.0.1" });
    const accounts: Record<string, string | null> = {
      anonymous: null,
      administrator: "admin@kompass.example",
      teamEvaluator: "eva@kompass.example",
      outsiderEvaluator: "olle@test.example",
      orebroContact: "kontakt.orebro@kompass.example",
      orebroStaff: "stina@test.example",
      practiceContact: "kontakt.ovningskoping@kompass.example",
      practiceColleague: "kollega.ovningskoping@kompass.example",
    };
    for (const [role, email] of Object.entries(accounts)) {
      const client = new TestClient(baseUrl(server));
      if (email) await client.signIn(email, PASSWORD);
      clients.set(role, client);
    }
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
  });

  const expectations: [role: string, evaluation: number, expected: Expected][] = [
    ["anonymous", 1, all(302)],
    ["anonymous", 2, all(302)],
    ["administrator", 1, but(404, { "/handlingsplan": 200, "/uppfoljning": 200 })],
    ["administrator", 2, but(200, { "/sjalvvardering/jamforelse": 404, "/handlingsplan": 404 })],
    ["teamEvaluator", 1, all(404)],
    ["teamEvaluator", 2, but(200, { "/sjalvvardering/jamforelse": 404, "/handlingsplan": 404 })],
    ["outsiderEvaluator", 1, all(404)],
    ["outsiderEvaluator", 2, all(404)],
    ["orebroContact", 1, but(404, { "/handlingsplan": 200, "/uppfoljning": 403 })],
    ["orebroContact", 2, all(404)],
    ["orebroStaff", 1, but(404, { "/handlingsplan": 200 })],
    ["orebroStaff", 2, all(404)],
    ["practiceContact", 1, all(404)],
    ["practiceContact", 2, but(200, { "/sjalvvardering/jamforelse": 404, "/handlingsplan": 404, "/uppfoljning": 403 })],
    ["practiceColleague", 1, all(404)],
    ["practiceColleague", 2, but(200, { "/sjalvvardering/jamforelse": 404, "/handlingsplan": 404, "/uppfoljning": 403 })],
  ];

  it.each(expectations)("%s on evaluation %i", async (role, evaluation, expected) => {
    const client = clients.get(role)!;
    const actual: Record<string, number> = {};
    for (const part of PARTS) actual[part] = (await client.get(`/arbetsyta/${evaluation}${part}`)).status;
    expect(actual).toEqual(expected);
  });

  it.each([
    ["/admin/sjalvvardering", { anonymous: 302, administrator: 200, teamEvaluator: 403, orebroContact: 403, practiceColleague: 403 }],
    // A private plan's files are not found; the workspace's only for those who may read the plan.
    ["/handlingsplan/1/handlingsplan-orebro-2012.xlsx", { anonymous: 404, administrator: 404, orebroContact: 404 }],
    [
      "/arbetsyta/1/handlingsplan/handlingsplan-orebro-2012.xlsx",
      { anonymous: 302, orebroContact: 200, orebroStaff: 200, teamEvaluator: 404 },
    ],
  ])("%s", async (path, expected) => {
    for (const [role, status] of Object.entries(expected)) expect((await clients.get(role)!.get(path)).status, role).toBe(status);
  });

  // Every new form action × the roles that may not use it, each with a valid CSRF token: refused,
  // and the evaluation's audit log (which every change writes to) stays as it was.
  const actionsOn2: FormAction[] = [
    ["/sjalvvardering", { intent: "answer", itemId: "2", answer: "Ett svar", ownScore: "", links: "", version: "0" }],
    ["/sjalvvardering", { intent: "assign", itemId: "2", assigneeId: "" }],
    ["/sjalvvardering", { intent: "handIn", confirm: "yes", version: "1" }],
    ["/sjalvvardering", { intent: "reopen", reason: "Ett skäl att öppna igen", version: "1" }],
    ["/sjalvvardering", { intent: "dueDate", dueDate: "2026-09-30", version: "1" }],
    ["/sjalvvardering/kollegor", { intent: "invite", name: "Ny Kollega", email: "ny.kollega@test.example" }],
    ["/sjalvvardering/jamforelse", { intent: "publish", version: "1" }],
    ["/uppfoljning", { intent: "mark", areaNumber: "1", improvementIndex: "0", verdict: "resolved", comment: "", version: "0" }],
    ["/handlingsplan", { intent: "add", title: "En åtgärd", status: "planned" }],
  ];
  const refusedOn2: [role: string, statuses: number[]][] = [
    ["anonymous", [302]],
    ["outsiderEvaluator", [404]],
    ["orebroContact", [404]],
    ["orebroStaff", [404]],
    // The questionnaire is handed in and the evaluation is past the visit: nobody of the municipality changes anything.
    ["practiceContact", [403, 404]],
    ["practiceColleague", [403, 404]],
  ];

  it.each(refusedOn2)("refuses every cycle action on evaluation 2 to %s and changes nothing", (role, statuses) =>
    expectRefusedAndUnchanged(clients.get(role)!, clients.get("administrator")!, 2, role, actionsOn2, statuses),
  );

  const actionsOn1: FormAction[] = [
    ["/handlingsplan", { intent: "add", title: "En åtgärd", status: "planned" }],
    ["/handlingsplan", { intent: "publish", published: "true", version: "1" }],
    ["/uppfoljning", { intent: "mark", areaNumber: "1", improvementIndex: "0", verdict: "resolved", comment: "", version: "0" }],
  ];
  const refusedOn1: [role: string, statuses: number[]][] = [
    ["anonymous", [302]],
    ["teamEvaluator", [404]],
    ["outsiderEvaluator", [404]],
    ["practiceContact", [404]],
    ["practiceColleague", [404]],
    // The administrator reads the plan; the municipality writes it.
    ["administrator", [403]],
  ];

  it.each(refusedOn1)("refuses the action plan's and follow-up's actions on evaluation 1 to %s and changes nothing", (role, statuses) =>
    expectRefusedAndUnchanged(clients.get(role)!, clients.get("administrator")!, 1, role, actionsOn1, statuses),
  );
});
