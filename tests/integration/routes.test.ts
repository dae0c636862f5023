import { request as httpRequest, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { startTestServer } from "../support/server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo, resultTableCounts } from "../support/fixtures.ts";
import { baseUrl, TestClient } from "../support/http.ts";
import { expectRefusedAndUnchanged, type FormAction } from "../support/refusals.ts";

// Needs the built app (npm test builds before running vitest).
const PASSWORD = "kompass-demo-2026";
const PARTS = ["", "/underlag", "/poang", "/samsyn", "/texter", "/logg", "/logg.csv", "/versioner", "/rapport"] as const;
type Part = (typeof PARTS)[number];

/** Expected status per part; parts not named get `otherwise`. */
const only = (allowed: Part[], otherwise: number) =>
  Object.fromEntries(PARTS.map((p) => [p, allowed.includes(p) ? 200 : otherwise])) as Record<Part, number>;
const everywhere = (status: number) => only([], status);

describe.each(testDatabaseKinds())("every workspace route × every role on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;
  let base: string;
  const clients = new Map<string, TestClient>();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    await seedDemoWithPracticePoints(database.db);
    await createUser(database.db, SYSTEM, { email: "olle@test.example", name: "Olle Utanför", role: "evaluator", password: PASSWORD });
    server = await startTestServer({ database, port: 0, host: "127.0.0.1" });
    base = baseUrl(server);
    const accounts: Record<string, string | null> = {
      anonymous: null,
      administrator: "admin@kompass.example",
      teamEvaluator: "eva@kompass.example",
      outsiderEvaluator: "olle@test.example",
      orebroContact: "kontakt.orebro@kompass.example",
      practiceContact: "kontakt.ovningskoping@kompass.example",
    };
    for (const [role, email] of Object.entries(accounts)) {
      const client = new TestClient(base);
      if (email) await client.signIn(email, PASSWORD);
      clients.set(role, client);
    }
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
  });

  // Evaluation 1: Örebro 2012, published (team: two evaluators without logins).
  // Evaluation 2: Övningsköping 2026 (the practice case), in agreement (team: Eva and Per).
  const expectations: [role: string, evaluation: number, expected: Record<Part, number>][] = [
    ["anonymous", 1, everywhere(302)],
    ["anonymous", 2, everywhere(302)],
    ["administrator", 1, everywhere(200)],
    ["administrator", 2, everywhere(200)],
    ["teamEvaluator", 2, everywhere(200)],
    ["teamEvaluator", 1, everywhere(404)],
    ["outsiderEvaluator", 1, everywhere(404)],
    ["outsiderEvaluator", 2, everywhere(404)],
    ["orebroContact", 2, everywhere(404)],
    ["orebroContact", 1, only(["", "/underlag", "/texter", "/versioner", "/rapport"], 403)],
    ["practiceContact", 2, only(["", "/underlag"], 403)],
    ["practiceContact", 1, everywhere(404)],
  ];

  it.each(expectations)("%s on evaluation %i", async (role, evaluation, expected) => {
    const client = clients.get(role)!;
    const actual: Record<string, number> = {};
    for (const part of PARTS) actual[part] = (await client.get(`/arbetsyta/${evaluation}${part}`)).status;
    expect(actual).toEqual(expected);
  });

  // The report: public once published; the working report only for those who may read its texts.
  it.each([
    ["/rapport/1", { anonymous: 200, outsiderEvaluator: 200, practiceContact: 200, administrator: 200 }],
    ["/rapport/1/kommunkompassen-orebro-2012.xlsx", { anonymous: 200, orebroContact: 200 }],
    ["/rapport/1/orebro.xlsx", { anonymous: 302 }],
    ["/rapport/1/kommunkompassen-orebro-2012.exe", { anonymous: 404 }],
    ["/rapport/1?jamfor=0", { anonymous: 400 }],
    ["/rapport/1?version=arbete", { anonymous: 404, administrator: 404 }],
    [
      "/rapport/2",
      { anonymous: 404, outsiderEvaluator: 404, orebroContact: 404, practiceContact: 404, teamEvaluator: 200, administrator: 200 },
    ],
    ["/rapport/2?version=publicerad", { teamEvaluator: 404 }],
    ["/rapport/2/kommunkompassen-ovningskoping-2026.xlsx", { anonymous: 404, practiceContact: 404, teamEvaluator: 200 }],
    ["/rapport/99", { anonymous: 404, administrator: 404 }],
  ])("%s", async (path, expected) => {
    for (const [role, status] of Object.entries(expected)) expect((await clients.get(role)!.get(path)).status, role).toBe(status);
  });

  it("without Chromium, the PDF answers with how to install it and the other formats still work", async () => {
    const saved = process.env.KOMPASS_CHROMIUM;
    process.env.KOMPASS_CHROMIUM = "/nonexistent/chromium";
    try {
      const client = clients.get("anonymous")!;
      const pdf = await client.get("/rapport/1/kommunkompassen-orebro-2012.pdf");
      expect(pdf.status).toBe(503);
      expect(pdf.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await pdf.text()).toContain("apt-get install chromium");
      const page = await fetch(`${base}/rapport/1/kommunkompassen-orebro-2012.pdf`, { headers: { Accept: "text/html" } });
      expect(page.status).toBe(503);
      expect(await page.text()).toContain("KOMPASS_CHROMIUM");
      const docx = await client.get("/rapport/1/kommunkompassen-orebro-2012.docx");
      expect(docx.status).toBe(200);
      expect(docx.headers.get("content-disposition")).toBe('attachment; filename="kommunkompassen-orebro-2012.docx"');
    } finally {
      if (saved === undefined) delete process.env.KOMPASS_CHROMIUM;
      else process.env.KOMPASS_CHROMIUM = saved;
    }
  });

  it.each([
    ["/arbetsyta", { anonymous: 302, administrator: 200, teamEvaluator: 200, orebroContact: 200 }],
    ["/arbetsyta/ny", { anonymous: 302, administrator: 200, teamEvaluator: 403, orebroContact: 403 }],
    ["/admin/anvandare", { anonymous: 302, administrator: 200, teamEvaluator: 403, orebroContact: 403 }],
  ])("%s", async (path, expected) => {
    for (const [role, status] of Object.entries(expected)) expect((await clients.get(role)!.get(path)).status, role).toBe(status);
  });

  // Every form action × the roles that may not use it, each with a valid CSRF token: refused,
  // and the evaluation's audit log (which every change writes to) stays as it was.
  const actions: FormAction[] = [
    ["?index", { intent: "transition", to: "scoring", version: "1" }],
    ["/underlag", { intent: "note", title: "Anteckning", body: "Text" }],
    ["/underlag", { intent: "interview-add", groupKind: "others", title: "Intervju" }],
    ["/poang", { intent: "save", itemId: "1", points: "10", justification: "", version: "0" }],
    ["/samsyn", { intent: "agree", itemId: "1", points: "10", reason: "", version: "0" }],
    ["/texter", { intent: "text", key: "summary.evaluation", body: "Ändrad", version: "1" }],
    ["/versioner", { intent: "correct", reason: "Ett skäl till rättelse", version: "1" }],
    ["/rapport", { population: "1000", employees: "", version: "0" }],
  ];
  const refusals: [role: string, statuses: number[]][] = [
    ["anonymous", [302]],
    ["outsiderEvaluator", [404]],
    ["orebroContact", [404]],
    ["practiceContact", [403, 404]],
  ];

  it.each(refusals)("refuses every action on evaluation 2 to %s and changes nothing", (role, statuses) =>
    expectRefusedAndUnchanged(clients.get(role)!, clients.get("administrator")!, 2, role, actions, statuses),
  );

  it("accepts the same kind of form from the team (the refusals above are about who, not how)", async () => {
    const eva = clients.get("teamEvaluator")!;
    const auditBefore = await (await clients.get("administrator")!.get("/arbetsyta/2/logg.csv")).text();
    const response = await eva.post(
      "/arbetsyta/2/underlag",
      { intent: "note", title: "Anteckning om webbplatsen", body: "Tydlig startsida." },
      await eva.csrfToken("/arbetsyta"),
    );
    expect(response.status).toBe(302);
    const auditAfter = await (await clients.get("administrator")!.get("/arbetsyta/2/logg.csv")).text();
    expect(auditAfter).not.toBe(auditBefore);
    expect(auditAfter).toContain("Anteckning om webbplatsen");
  });

  it("refuses a forged form without its CSRF token and changes nothing", async () => {
    const eva = clients.get("teamEvaluator")!;
    // Every page has a nonce of its own; the rest must be the same.
    const page = async () => (await (await eva.get("/arbetsyta/2")).text()).replaceAll(/ nonce="[^"]*"/g, "");
    const before = await page();
    const forged = await eva.post("/arbetsyta/2?index", { intent: "transition", to: "scoring", version: "1" });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain("säkerhetskod");
    const wrong = await eva.post("/arbetsyta/2?index", { intent: "transition", to: "scoring", version: "1" }, "not-the-token");
    expect(wrong.status).toBe(403);
    expect(await page()).toBe(before);
  });

  it("refuses an outsider's well-formed form as if the evaluation did not exist", async () => {
    const olle = clients.get("outsiderEvaluator")!;
    const token = await olle.csrfToken("/arbetsyta");
    const response = await olle.post("/arbetsyta/2?index", { intent: "transition", to: "scoring", version: "1" }, token);
    expect(response.status).toBe(404);
  });

  it("keeps unpublished evaluations out of the public API and pages", async () => {
    const anonymous = clients.get("anonymous")!;
    // The practice case's municipality is made up: the public does not know it at all.
    expect((await anonymous.get("/api/v1/municipalities/9990/results")).status).toBe(404);
    expect((await anonymous.get("/kommun/9990")).status).toBe(404);
    const ranking = (await (await anonymous.get("/api/v1/rankings?instrument=2020")).json()) as unknown[];
    expect(ranking).toEqual([]);
    expect(await resultTableCounts(database.db)).toMatchObject({ results: 3 });
  });

  it("refuses an upload above the limit before reading it", async () => {
    // Announce 200 MB and send none of it: the answer must come from the headers alone.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${base}/arbetsyta/2/underlag`, {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(200 * 1024 * 1024) },
      });
      request.on("response", (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      request.on("error", reject);
      request.flushHeaders();
    });
    expect(status).toBe(413);
    expect(body).toContain("Filen är för stor");
    expect(body).toContain("Ingenting sparades");
  });
});
