import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { startTestServer } from "../support/server.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { baseUrl } from "../support/http.ts";
import { rawRequest, withEnv } from "../support/rawHttp.ts";

// Issue 11, finding 4: when KOMPASS_URL is https (TLS ends at a proxy in front), answers carry
// HSTS and every cookie is Secure. The test speaks plain HTTP to the server, as the proxy would.
const SITE = "https://kompass.example";
const PASSWORD = "ett-langt-testlosenord";

const call = rawRequest;

describe("served as https (KOMPASS_URL)", () => {
  let database: TestDatabase;
  let server: Server;
  let base: string;
  const env = withEnv({ KOMPASS_URL: SITE });

  beforeAll(async () => {
    env.apply();
    database = await createTestDatabase("pglite");
    await createUser(database.db, SYSTEM, { email: "ada@test.example", name: "Ada Testsson", role: "administrator", password: PASSWORD });
    server = await startTestServer({ database, port: 0, host: "127.0.0.1", rateLimits: false });
    base = baseUrl(server);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
    env.restore();
  });

  it("answers carry Strict-Transport-Security", async () => {
    for (const path of ["/", "/logga-in", "/arbetsyta", "/api/v1/instruments"]) {
      const answer = await call(base, path);
      expect(answer.headers["strict-transport-security"], path).toMatch(/^max-age=31536000; includeSubDomains/);
    }
  });

  it("the CSRF cookie and the session cookie are Secure", async () => {
    const page = await call(base, "/logga-in");
    const csrf = (page.headers["set-cookie"] as string[]).find((c) => c.startsWith("kompass_csrf="))!;
    expect(csrf).toMatch(/; Secure/);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const signedIn = await call(base, "/logga-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: SITE, cookie: csrf.split(";")[0]! },
      body: new URLSearchParams({ email: "ada@test.example", password: PASSWORD, tillbaka: "/arbetsyta", _csrf: token }).toString(),
    });
    expect(signedIn.status).toBe(302);
    const session = (signedIn.headers["set-cookie"] as string[]).find((c) => /session_token=/.test(c))!;
    expect(session).toMatch(/^__Secure-kompass\.session_token=/);
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; HttpOnly/);
  });

  it("the language cookie is HttpOnly and Secure too", async () => {
    const answer = await call(base, "/sprak?lang=en&return=/");
    expect(answer.status).toBe(302);
    const cookie = (answer.headers["set-cookie"] as string[]).find((c) => c.startsWith("kompass_lang="));
    expect(cookie).toMatch(/^kompass_lang=en;.*; HttpOnly; Secure$/);
  });

  it("a form posted with the http origin is refused: the site's origin is the https one", async () => {
    const answer = await call(base, "/logga-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
      body: "email=a&password=b",
    });
    expect(answer.status).toBe(403);
  });
});
