import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { baseUrl, TestClient } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";

// Needs the built app (npm run build). The contact's action plan as served without JavaScript
// (issue 14): the forms to add, change and note an action are rendered only when opened, by a
// link in each closed disclosure (`?oppna=<form>`) or by a refused post. Demo: evaluation 1 is
// Örebro 2012, with a private practice plan that Örebro's contact may change.
const PASSWORD = "kompass-demo-2026";
const PLAN = "/arbetsyta/1/handlingsplan";

/** An add or edit form's title field (the status forms hold the title as a hidden field). */
const FORM_TITLE = /id="(?:add|update)-[\w-]+-title"/g;

/** The opening tag of the element with this id. */
const tagOf = (html: string, id: string) => new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`).exec(html)?.[0] ?? "";

describe.each(testDatabaseKinds())("the action plan's forms, rendered when opened, on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;
  const contact = { client: undefined as unknown as TestClient };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    await seedDemoWithPracticePoints(database.db);
    server = await startTestServer({ database, port: 0, host: "127.0.0.1" });
    contact.client = new TestClient(baseUrl(server));
    await contact.client.signIn("kontakt.orebro@kompass.example", PASSWORD);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
  });

  const page = async (path: string) => {
    const response = await contact.client.get(path);
    expect(response.status, path).toBe(200);
    return (await response.text()).replaceAll("<!-- -->", "");
  };

  it("holds a link in every closed disclosure instead of its form, and keeps each action's status form", async () => {
    const html = await page(PLAN);
    const actions = [...html.matchAll(/<article id="atgard-(\d+)"/g)].map((m) => m[1]!);
    expect(actions.length).toBeGreaterThan(0);
    // No action's fields nor an add form's: only the status form of each action (its other fields hidden, as stored).
    expect(html).not.toMatch(FORM_TITLE);
    expect(html.match(/<select[^>]*name="status"/g)).toHaveLength(actions.length);
    for (const id of actions) {
      expect(html).toContain(`<a href="?oppna=update-${id}#update-${id}-form">Visa formuläret</a>`);
      expect(html).toContain(`<a href="?oppna=note-${id}#note-${id}-form">Visa formuläret</a>`);
      expect(tagOf(html, `status-${id}`)).toContain('name="status"');
    }
    expect(html).toContain('<a href="?oppna=add-own#add-own-form">Visa formuläret</a>');
    expect(html.match(/\?oppna=add-\d+-\d+#/g)?.length).toBeGreaterThan(0);
  });

  it("opens the form the address names, and only that one", async () => {
    const own = await page(`${PLAN}?oppna=add-own`);
    expect(tagOf(own, "add-own-form")).toContain('open=""');
    expect(tagOf(own, "add-own-title")).toContain('name="title"');
    expect(own.match(FORM_TITLE)).toHaveLength(1);

    const id = /<article id="atgard-(\d+)"/.exec(own)![1]!;
    // The older address of an action's edit form still opens it.
    for (const path of [`${PLAN}?oppna=update-${id}`, `${PLAN}?andra=${id}`]) {
      const edit = await page(path);
      expect(tagOf(edit, `update-${id}-form`), path).toContain('open=""');
      expect(tagOf(edit, `update-${id}-title`), path).toContain('name="title"');
      expect(edit, path).toContain(`<a href="?oppna=note-${id}#note-${id}-form">`);
    }
    const note = await page(`${PLAN}?oppna=note-${id}`);
    expect(tagOf(note, `note-${id}-body`)).toContain('name="body"');
  });

  it("opens a refused form with what was typed and its problem marked", async () => {
    const token = await contact.client.csrfToken(PLAN);
    const response = await contact.client.post(PLAN, { intent: "add", title: "", owner: "Kommundirektören", status: "planned" }, token);
    expect(response.status).toBe(400);
    const html = (await response.text()).replaceAll("<!-- -->", "");
    expect(tagOf(html, "add-own-form")).toContain('open=""');
    expect(tagOf(html, "add-own-title")).toContain('aria-invalid="true"');
    expect(tagOf(html, "add-own-owner")).toContain('value="Kommundirektören"');
    expect(html).toContain('href="#add-own-title"');
  });
});
