import type { Server } from "node:http";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "../../src/db/schema.server.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { createEvaluation } from "../../src/services/evaluations/createEvaluation.server.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { baseUrl, TestClient } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";

// Needs the built app (npm run build). The workspace's pages as served without JavaScript (issue
// 12): the contact's hand-in notice, points under way, the texts page's index and labels, invalid
// fields marked in the HTML, and the question before an account is turned off. Demo data:
// evaluation 2 is the practice case Övningsköping 2026 in agreement, visit 13–14 October 2026, items 2 and 7 agreed.
const PASSWORD = "kompass-demo-2026";

/** The opening tag of the element with this id. */
const tagOf = (html: string, id: string) => new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`).exec(html)?.[0] ?? "";

describe("the workspace's pages, served", () => {
  let database: TestDatabase;
  let server: Server;
  const clients: Record<"eva" | "contact" | "admin", TestClient> = {} as never;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await importDemo(database.db);
    await seedDemoWithPracticePoints(database.db);
    server = await startTestServer({ database, port: 0, host: "127.0.0.1" });
    for (const [key, email] of [
      ["eva", "eva@kompass.example"],
      ["contact", "kontakt.ovningskoping@kompass.example"],
      ["admin", "admin@kompass.example"],
    ] as const) {
      clients[key] = new TestClient(baseUrl(server));
      await clients[key].signIn(email, PASSWORD);
    }
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
  });

  const html = async (client: TestClient, path: string) => {
    const response = await client.get(path);
    expect(response.status, path).toBe(200);
    // Without React's markers between text parts: the page as read.
    return (await response.text()).replaceAll("<!-- -->", "");
  };

  it("tells the contact that hand-in closed after the visit, why, and whom to ask, instead of offering no form", async () => {
    const page = await html(clients.contact, "/arbetsyta/2/underlag");
    expect(page).toContain("Inlämningen är stängd");
    expect(page).toContain(
      "Inlämningen stängde efter besöket, som slutade 14 oktober 2026, när utvärderingen gick vidare till poängsättning.",
    );
    expect(page).toContain("Utvärderingen är nu i steget Samsyn.");
    expect(page).toContain('href="mailto:eva@kompass.example"');
    expect(page).toContain('href="mailto:per@kompass.example"');
    expect(page).not.toContain("Här lämnar kommunen in");
    expect(page).not.toContain('value="upload"');
    // The team sees its own page, without the municipality's notice.
    expect(await html(clients.eva, "/arbetsyta/2/underlag")).not.toContain("Inlämningen är stängd");
  });

  it("tells the contact until when hand-in is open, beside the forms", async () => {
    const person = async (email: string) => {
      const [row] = await database.db.select().from(users).where(eq(users.email, email));
      return { id: row!.id, name: row!.name, role: row!.role as "administrator", municipalityCode: row!.municipalityCode };
    };
    const admin = await person("admin@kompass.example");
    const { id } = await createEvaluation(database.db, admin, {
      municipalityCode: "9990",
      instrumentKey: "2020",
      year: 2032,
      visitStart: "2032-03-09",
      visitEnd: "2032-03-10",
      evaluatorIds: [(await person("eva@kompass.example")).id, (await person("per@kompass.example")).id],
      contactIds: [(await person("kontakt.ovningskoping@kompass.example")).id],
    });
    const page = await html(clients.contact, `/arbetsyta/${id}/underlag`);
    expect(page).toContain("Inlämningen är öppen");
    expect(page).toContain("efter besöket, som slutar 10 mars 2032.");
    expect(page).toContain("Här lämnar kommunen in dokument och länkar");
    expect(page).toContain('value="upload"');
  });

  it("shows '–' for an area without agreed points and marks the total preliminary", async () => {
    const agreement = await html(clients.eva, "/arbetsyta/2/samsyn");
    expect(agreement).not.toContain("0 av 100 poäng");
    // 70.5 agreed on area 2, shown rounded half up; 61 on area 7; six areas without.
    expect(agreement).toContain("71 av 100 poäng");
    expect(agreement.match(/inga överenskomna poäng ännu/g)).toHaveLength(6);
    // The total is the rounded sum of the exact points: 70.5 + 61 = 131.5 → 132.
    expect(agreement).toMatch(/Totalt 132 av 800 poäng<\/strong> <span class="preliminary">\(preliminär: 2 av 8 områden överenskomna\)/);
    const overview = await html(clients.eva, "/arbetsyta/2");
    expect(overview).toContain("preliminär: 2 av 8 områden överenskomna");
    // Eva's own points are complete: no preliminary mark.
    expect(await html(clients.eva, "/arbetsyta/2/poang")).not.toContain("preliminär");
  });

  it("gives the texts page an index and every field a label of its own, with the area's agreed points by its heading", async () => {
    const page = await html(clients.eva, "/arbetsyta/2/texter");
    const labels = [...page.matchAll(/<label[^>]*for="field-[^"]+"[^>]*>(.*?)<\/label>/g)].map((m) => m[1]!);
    expect(labels).toHaveLength(1 + 8 * 3);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain("Styrkor, område 3 Styrning och kontroll");
    expect(labels).toContain("Förbättringsmöjligheter, område 8 Chefs- och ledarskap samt medarbetarskap");
    expect(labels).toContain("Allmän text, område 1 Samspel mellan förtroendevalda och medborgare");
    const index = /<nav aria-labelledby="omraden".*?<\/nav>/s.exec(page)?.[0] ?? "";
    expect(index.match(/<a href="#area-\d">/g)).toHaveLength(8);
    expect(index).toContain("Sammanfattning: finns");
    expect(index.match(/Styrkor: saknas/g)).toHaveLength(8);
    expect(page).toContain("Överenskomna poäng: 71 av 100 poäng");
  });

  it("marks a refused text's field in the HTML, without JavaScript", async () => {
    const eva = clients.eva;
    const token = await eva.csrfToken("/arbetsyta/2/texter");
    const response = await eva.post(
      "/arbetsyta/2/texter",
      { intent: "text", key: "area.4.general", body: "Effektivitet\u0000", version: "0" },
      token,
    );
    expect(response.status).toBe(400);
    const page = await response.text();
    const field = tagOf(page, "field-area-4-general");
    expect(field).toContain('aria-invalid="true"');
    expect(field).toContain('aria-describedby="field-area-4-general-error"');
    expect(tagOf(page, "field-area-4-general-error")).toContain('data-field="validation"');
    expect(page).toContain('href="#field-area-4-general"');
    // Only that field: its neighbours are fine.
    expect(tagOf(page, "field-area-3-general")).not.toContain("aria-invalid");
  });

  it("names a good example by typing, without JavaScript: one list of municipalities for the page, the name resolved by the server", async () => {
    const eva = clients.eva;
    const before = await html(eva, "/arbetsyta/2/texter");
    // Eight areas' add forms refer to one list (not eight selects of every municipality), which leaves out the practice municipality itself.
    expect(before.match(/<datalist/g)).toHaveLength(1);
    expect(before.match(/list="good-example-municipalities"/g)).toHaveLength(8);
    expect(before).not.toContain('name="municipalityCode"');
    const list = /<datalist id="good-example-municipalities">(.*?)<\/datalist>/s.exec(before)?.[1] ?? "";
    expect(list).toContain('<option value="Umeå">');
    expect(list).not.toContain('value="Övningsköping"');
    expect(tagOf(before, "examples-7-municipality")).toContain('aria-describedby="examples-7-municipality-hint"');

    const token = await eva.csrfToken("/arbetsyta/2/texter");
    const add = (municipality: string, sentence = "Medborgarbudget i alla kommundelar.") =>
      eva.post("/arbetsyta/2/texter", { intent: "addExample", area: "7", municipality, sentence }, token);
    // As typed, in any case and without its diacritics.
    const added = await add("umea");
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toBe("/arbetsyta/2/texter#examples-7");
    expect(await html(eva, "/arbetsyta/2/texter")).toMatch(/<strong>Umeå<\/strong>: Medborgarbudget i alla kommundelar\./);

    // A name that fits several: the field is marked, the text kept, and the choices offered as radio buttons of the same field.
    const several = await add("Upp", "Uppföljning i nämnderna.");
    expect(several.status).toBe(400);
    const page = (await several.text()).replaceAll("<!-- -->", "");
    const field = tagOf(page, "examples-7-municipality");
    expect(field).toContain('aria-invalid="true"');
    expect(field).toContain('value="Upp"');
    expect(page).toContain('href="#examples-7-municipality"');
    expect(page).toContain("Flera kommuner passar ”Upp”. Välj en:");
    expect(tagOf(page, "examples-7-municipality-choice-0380")).toContain('name="municipality"');
    expect(page).toContain("Uppföljning i nämnderna.</textarea>");
    // Only that area's form says so.
    expect(tagOf(page, "examples-6-municipality")).not.toContain("aria-invalid");

    for (const [typed, message] of [
      ["Atlantis", "Skriv namnet eller koden på en kommun som finns och välj den i listan."],
      // The evaluated municipality is made up for practice: no good example anywhere (the service's own_municipality is in writing.test.ts).
      ["Övningsköping", "Skriv namnet eller koden på en kommun som finns och välj den i listan."],
      ["", "Skriv namnet eller koden på en kommun som finns och välj den i listan."],
    ]) {
      const refused = await add(typed!);
      expect(refused.status, typed).toBe(400);
      expect(await refused.text(), typed).toContain(message);
    }
  });

  it("marks the add form's invalid field in the HTML, without JavaScript", async () => {
    const admin = clients.admin;
    const token = await admin.csrfToken("/admin/anvandare");
    const response = await admin.post(
      "/admin/anvandare",
      { intent: "create", name: "Ny Person", email: "inte-en-adress", role: "evaluator" },
      token,
    );
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(tagOf(page, "new-email")).toContain('aria-invalid="true"');
    expect(tagOf(page, "new-email")).toContain('aria-describedby="new-email-error"');
    expect(page).toContain('id="new-email-error"');
    expect(tagOf(page, "new-name")).not.toContain("aria-invalid");
  });

  it("marks a too short reason for a correction on the overview and the revisions page, without JavaScript", async () => {
    const admin = clients.admin;
    for (const path of ["/arbetsyta/1?index", "/arbetsyta/1/versioner"]) {
      const token = await admin.csrfToken(path.replace("?index", ""));
      const response = await admin.post(path, { intent: "correct", reason: "kort", version: "1" }, token);
      expect(response.status, path).toBe(400);
      const page = await response.text();
      expect(tagOf(page, "reason"), path).toContain('aria-invalid="true"');
      expect(page).toContain('id="reason-error"');
      expect(page).toMatch(/<label[^>]*for="reason"/);
    }
  });

  it("asks before turning an account off: a confirmation step, then a CSRF-checked post that is logged", async () => {
    const admin = clients.admin;
    const [per] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, "per@kompass.example"));
    const disabled = async () =>
      (await database.db.select({ disabled: users.disabled }).from(users).where(eq(users.email, "per@kompass.example")))[0]!.disabled;

    // The list's "Stäng av" is a GET form to the question, never the post itself.
    const list = await html(admin, "/admin/anvandare");
    expect(list).not.toContain('value="disable"');
    expect(list).toContain(`name="stang-av" value="${per!.id}"`);

    const step = await html(admin, `/admin/anvandare?stang-av=${per!.id}`);
    expect(step).toContain("Stäng av Per Lind?");
    expect(step).toContain("Hen kan inte längre logga in");
    expect(step).toContain('value="disable"');
    expect(step).toContain("Ja, stäng av Per Lind");
    expect(await disabled()).toBe(false);
    // No question for one's own account, nor for an unknown one.
    const [self] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, "admin@kompass.example"));
    expect(await html(admin, `/admin/anvandare?stang-av=${self!.id}`)).not.toContain("Hen kan inte längre logga in");
    expect(await html(admin, "/admin/anvandare?stang-av=okand")).not.toContain("Hen kan inte längre logga in");

    const forged = await admin.post("/admin/anvandare", { intent: "disable", userId: per!.id });
    expect(forged.status).toBe(403);
    expect(await disabled()).toBe(false);

    const token = await admin.csrfToken(`/admin/anvandare?stang-av=${per!.id}`);
    const confirmed = await admin.post("/admin/anvandare", { intent: "disable", userId: per!.id }, token);
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe("/admin/anvandare?avstangd=per%40kompass.example");
    expect(await disabled()).toBe(true);
    const logged = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.disabled"), eq(auditLog.target, "per@kompass.example")));
    expect(logged).toHaveLength(1);
    expect(logged[0]!.actorName).toBe("Alva Administratör");
    // A disabled account is not asked about again.
    expect(await html(admin, `/admin/anvandare?stang-av=${per!.id}`)).not.toContain("Hen kan inte längre logga in");
  });
});
