import { request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import { gunzipSync } from "node:zlib";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluations, users } from "../../src/db/schema.server.ts";
import { installationSecret } from "../../src/services/auth/authentication.server.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { correctEvaluation, transitionEvaluation } from "../../src/services/evaluations/transitionEvaluation.server.ts";
import { announceDataChange } from "../../src/db/dataVersion.server.ts";
import { loadGroupingCsv } from "../../src/services/reference/loadReferenceData.server.ts";
import { csrfTokenFor } from "../../server/csrf.ts";
import { startTestServer } from "../support/server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { baseUrl, TestClient } from "../support/http.ts";

// Needs the built app (npm test builds before running vitest).
interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request as sent, the body as received (no decompression, no cookies kept). */
function raw(base: string, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(base + path, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end();
  });
}

const CSRF_FIELD = /name="_csrf" value="[^"]+"/;

describe.each(testDatabaseKinds())("the public page cache on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;
  let base: string;
  const get = (path: string, headers: Record<string, string> = {}, method = "GET") => raw(base, path, headers, method);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    await seedDemoWithPracticePoints(database.db);
    server = await startTestServer({ database, port: 0, host: "127.0.0.1" });
    base = baseUrl(server);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
  });

  /** The server hears of a change through the database (at once on PGlite, within a moment on PostgreSQL). */
  const missesSoon = (path: string) =>
    expect.poll(async () => (await get(path)).headers["x-cache"], { timeout: 1000, interval: 20 }).toBe("miss");
  const dataVersion = async () =>
    ((await database.db.execute(sql`select version::int as v from data_version`)) as unknown as { rows: { v: number }[] }).rows[0]!.v;

  it("gives two anonymous visitors the same stored page, without a token or a cookie", async () => {
    const cookie = "kompass_csrf=abcdefghijklmnopqrstuvwxyz0123";
    const first = await get("/kommuner");
    const second = await get("/kommuner", { cookie });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.headers["x-cache"], second.headers["x-cache"]]).toEqual(["miss", "hit"]);
    expect(second.body.equals(first.body)).toBe(true);
    for (const answer of [first, second]) {
      expect(answer.headers["set-cookie"]).toBeUndefined();
      expect(answer.headers["cache-control"]).toBe("public, no-cache");
      expect(answer.headers.vary).toMatch(/\bCookie\b/);
      expect(answer.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(answer.body.toString()).not.toMatch(CSRF_FIELD);
    }
    // The token that the second visitor's cookie would give is nowhere in the page.
    const token = csrfTokenFor(await installationSecret(database.db), cookie.split("=")[1]!);
    expect(second.body.toString()).not.toContain(token);
  });

  it("sends gzip when asked, answers If-None-Match with 304 and HEAD without a body", async () => {
    const plain = await get("/");
    const zipped = await get("/", { "accept-encoding": "gzip" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    for (const tag of [plain.headers.etag!, zipped.headers.etag!, `W/${plain.headers.etag}`]) {
      const again = await get("/", { "if-none-match": tag, "accept-encoding": "gzip" });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
    expect((await get("/", { "if-none-match": '"other"' })).status).toBe(200);
    const head = await get("/", {}, "HEAD");
    expect([head.status, head.headers["content-length"], head.body.length]).toEqual([200, String(plain.body.length), 0]);
  });

  it("never stores nor serves from the store a signed-in visitor's page", async () => {
    const client = new TestClient(base);
    await client.signIn("admin@kompass.example", "kompass-demo-2026");
    const signedIn = await client.get("/resultat");
    const html = await signedIn.text();
    expect(html).toContain("Inloggad som");
    expect(html).toMatch(CSRF_FIELD);
    expect(signedIn.headers.get("x-cache")).toBeNull();
    expect(signedIn.headers.get("cache-control")).toBe("private, no-cache");
    const anonymous = await get("/resultat");
    expect(anonymous.headers["x-cache"]).toBe("miss");
    expect(anonymous.body.toString()).not.toContain("Inloggad som");
    const again = await client.get("/resultat");
    expect(again.headers.get("x-cache")).toBeNull();
    expect(await again.text()).toContain("Inloggad som");
  });

  it("keeps languages and data requests apart, and leaves private pages and files alone", async () => {
    const swedish = await get("/kommuner");
    const english = await get("/kommuner", { cookie: "kompass_lang=en" });
    expect(swedish.body.toString()).toContain('lang="sv"');
    expect(english.body.toString()).toContain('lang="en"');
    expect(english.headers["x-cache"]).toBe("miss");
    expect((await get("/kommuner", { cookie: "kompass_lang=en; other=1" })).headers["x-cache"]).toBe("hit");

    const data = [await get("/kommuner.data"), await get("/kommuner.data")];
    expect(data.map((answer) => [answer.status, answer.headers["x-cache"]])).toEqual([
      [200, "miss"],
      [200, "hit"],
    ]);
    const signIn = await get("/logga-in");
    expect(signIn.headers["x-cache"]).toBeUndefined();
    expect(signIn.headers["set-cookie"]?.join()).toContain("kompass_csrf=");
    expect((await get("/favicon.svg")).headers["x-cache"]).toBeUndefined();
    expect((await get("/rapport/1/kommunkompassen-orebro-2012.xlsx")).headers["x-cache"]).toBeUndefined();
    const missing = [await get("/finns-inte"), await get("/finns-inte")];
    expect(missing.map((answer) => [answer.status, answer.headers["x-cache"]])).toEqual([
      [404, "miss"],
      [404, "hit"],
    ]);
  });

  it("forgets its pages when public data changes, here or in another process", async () => {
    const warm = async () => {
      await get("/kommuner");
      expect((await get("/kommuner")).headers["x-cache"]).toBe("hit");
    };
    const before = await dataVersion();
    await warm();
    await importDemo(database.db);
    await missesSoon("/kommuner");

    await loadGroupingCsv(database.db, {
      key: "test-2026",
      name: "Test",
      validFrom: null,
      fileName: "test.csv",
      csvText: "municipality,group,group_name\n1880,A,Stor\n",
    });
    const [admin] = await database.db.select().from(users).where(eq(users.email, "admin@kompass.example"));
    const [published] = await database.db.select().from(evaluations).where(eq(evaluations.status, "published"));
    const actor = { id: admin!.id, name: admin!.name, role: "administrator" as const, municipalityCode: null };
    await correctEvaluation(database.db, actor, published!.id, { reason: "Rättelse i ett test", version: published!.version });
    expect(await dataVersion()).toBe(before + 3);
    await missesSoon("/kommuner");
    // Publishing the correction: the stored page goes at once.
    await warm();
    const [reopened] = await database.db
      .select({ version: evaluations.version })
      .from(evaluations)
      .where(eq(evaluations.id, published!.id));
    await transitionEvaluation(database.db, actor, published!.id, { to: "published", version: reopened!.version });
    expect(await dataVersion()).toBe(before + 4);
    await missesSoon("/kommuner");

    // Another process announces a change: only the notification reaches this server.
    await warm();
    await announceDataChange(database.db);
    await missesSoon("/kommuner");

    // A change that is rolled back announces nothing (a notification would come within the pause).
    await warm();
    await database.db
      .transaction(async (tx) => {
        await announceDataChange(tx);
        throw new Error("rolled back");
      })
      .catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await get("/kommuner")).headers["x-cache"]).toBe("hit");
    expect(await dataVersion()).toBe(before + 5);
  });
});
