import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleApiRequest } from "../../src/api/router.server.ts";
import { apiRoutes } from "../../src/api/routes.server.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo, importPublished } from "../support/fixtures.ts";
import { addAction } from "../../src/services/actionPlan/actions.server.ts";
import { getActionPlan } from "../../src/services/actionPlan/getActionPlan.server.ts";
import { setActionPlanPublished } from "../../src/services/actionPlan/publish.server.ts";
import { users } from "../../src/db/schema.server.ts";
import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client.server.ts";

/**
 * /action-plans lists published plans only, and the demo publishes none (Örebro is a real
 * municipality). In this throwaway database Örebro's contact publishes a practice plan, so that
 * the route's answer is not an empty list.
 */
async function publishPracticePlan(db: Db): Promise<void> {
  const [contact] = await db.select().from(users).where(eq(users.email, "kontakt.orebro@kompass.example"));
  const actor = { id: contact!.id, name: contact!.name, role: "contact" as const, municipalityCode: "1880" };
  await addAction(db, actor, 1, { title: "Övningsåtgärd", status: "in_progress", dueDate: "2030-12-31" });
  await addAction(db, actor, 1, { areaNumber: 1, improvementIndex: 0, title: "Övningsåtgärd för område 1", links: "https://example.org/" });
  const { version } = await getActionPlan(db, actor, 1, "2026-01-01");
  await setActionPlanPublished(db, actor, 1, { published: true, version });
}

interface Parameter {
  name: string;
  in: "path" | "query";
  required?: boolean;
  schema: { example?: unknown };
}
type Document = { openapi: string; paths: Record<string, { get: { parameters?: Parameter[] } }> };

/**
 * The published description against the running API: every documented parameter is accepted
 * with its example, anything else is refused by name, and every answer has the documented shape.
 */
describe.each(testDatabaseKinds())("the OpenAPI document matches the API on %s", (kind) => {
  let database: TestDatabase;
  let doc: Document;
  const get = (path: string) => handleApiRequest(database.db, new Request(`http://localhost/api/v1${path}`));
  const example = (p: Parameter) => {
    expect(p.schema.example, `${p.in} parameter ${p.name} has an example`).toBeDefined();
    return String(p.schema.example);
  };
  /** The path with its parameters' examples, and the query of the required parameters (or of all). */
  const request = (path: string, query: Parameter[]) => {
    const parameters = doc.paths[path]!.get.parameters ?? [];
    const concrete = parameters.filter((p) => p.in === "path").reduce((at, p) => at.replace(`{${p.name}}`, example(p)), path);
    const required = parameters.filter((p) => p.in === "query" && p.required);
    const search = new URLSearchParams([...new Set([...required, ...query])].map((p) => [p.name, example(p)]));
    return `${concrete}${search.size > 0 ? `?${search}` : ""}`;
  };
  const problemNames = async (response: Response) =>
    response.status === 400 ? ((await response.json()) as { errors: { parameter: string }[] }).errors.map((e) => e.parameter) : [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    // Örebro 2012 is published with texts (the search finds it); the real published results of
    // other municipalities (with their sources) give the comparison and the rankings more to show.
    await seedDemoWithPracticePoints(database.db);
    await importPublished(database.db);
    await publishPracticePlan(database.db);
    doc = (await (await get("/openapi.json")).json()) as Document;
  });
  afterAll(() => database.dispose());

  it("is a valid OpenAPI 3.1 document with every route", async () => {
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(Object.keys(doc.paths).sort()).toEqual(apiRoutes.map((r) => r.path).sort());
  });

  it("accepts every documented query parameter with its example value", async () => {
    for (const path of Object.keys(doc.paths)) {
      for (const parameter of (doc.paths[path]!.get.parameters ?? []).filter((p) => p.in === "query")) {
        const url = request(path, [parameter]);
        const response = await get(url);
        expect(await problemNames(response), url).not.toContain(parameter.name);
        expect(response.status, url).toBe(200);
      }
    }
  });

  it("refuses an undocumented parameter by name", async () => {
    for (const path of Object.keys(doc.paths)) {
      const url = request(path, []);
      const response = await get(`${url}${url.includes("?") ? "&" : "?"}colour=red`);
      expect(response.status, url).toBe(400);
      expect(await problemNames(response), url).toEqual(["colour"]);
    }
  });

  it("answers every route with JSON of its documented shape", async () => {
    for (const route of apiRoutes) {
      const all = (doc.paths[route.path]!.get.parameters ?? []).filter((p) => p.in === "query");
      // The required parameters alone, and every parameter at once (which narrows to the examples' rows).
      for (const url of [request(route.path, []), request(route.path, all)]) {
        const response = await get(url);
        expect(response.status, url).toBe(200);
        const body: unknown = await response.json();
        const parsed = route.response.safeParse(body);
        expect(parsed.error?.issues ?? [], url).toEqual([]);
        // An empty list would prove nothing about the shape of its items.
        if (Array.isArray(body)) expect(body.length, url).toBeGreaterThan(0);
      }
    }
  });
});

/**
 * docs/api.md lists each route with its query parameters by hand, for a reader who wants the
 * overview without the OpenAPI document; this keeps that list from drifting from the routes.
 * Numbered parameters (k1…k6) are named once as kN: the table shows the first ones and "…".
 */
describe("docs/api.md", () => {
  const numbered = (name: string) => name.replace(/\d+$/, "N");
  const row = /^\| `GET ([^`?[]+)([^`]*)`/;
  const documented = new Map(
    readFileSync(new URL("../../docs/api.md", import.meta.url), "utf8")
      .split("\n")
      .flatMap((line) => {
        const match = row.exec(line);
        return match ? [[match[1]!, new Set([...match[2]!.matchAll(/[?&](\w+)=/g)].map((m) => numbered(m[1]!)))] as const] : [];
      }),
  );

  it("lists every route, and every route's query parameters", () => {
    // One comparison of the whole table, so that a failure shows every drift at once.
    const listed = (entries: Iterable<readonly [string, Iterable<string>]>) =>
      Object.fromEntries([...entries].map(([path, names]) => [path, [...new Set(names)].sort()]));
    expect(listed(documented)).toEqual(listed(apiRoutes.map((r) => [r.path, Object.keys(r.query.shape).map(numbered)] as const)));
  });
});
