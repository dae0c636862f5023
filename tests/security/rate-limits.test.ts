import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../support/server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase, type TestDatabaseKind } from "../support/database.ts";
import { baseUrl } from "../support/http.ts";
import { rawRequest, withEnv } from "../support/rawHttp.ts";

// Issue 11, finding 2 (the web side): limits per client address, the address from req.ip only.
// On PostgreSQL the counts live in the database (several servers share them).
const get = (base: string, path: string, headers: Record<string, string> = {}, method = "GET", body?: string) =>
  rawRequest(base, path, { method, headers, body });

/** A server with the rate limits on, for the enclosing describe; KOMPASS_TRUST_PROXY as given. */
function serveWithLimits(kind: TestDatabaseKind, trustProxy: string | undefined, started: (base: string) => void) {
  let database: TestDatabase;
  let server: Server;
  const env = withEnv({ KOMPASS_TRUST_PROXY: trustProxy });
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    env.apply();
    server = await startTestServer({ database, port: 0, host: "127.0.0.1", rateLimits: true });
    started(baseUrl(server));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
    env.restore();
  });
}

async function hammer(base: string, path: string, times: number, headers: (i: number) => Record<string, string> = () => ({})) {
  const statuses: number[] = [];
  let last: Awaited<ReturnType<typeof get>> | undefined;
  for (let i = 0; i < times; i++) {
    last = await get(base, path, headers(i));
    statuses.push(last.status);
  }
  return { statuses, last: last! };
}

describe.each(testDatabaseKinds())("rate limits on %s", (kind) => {
  let base = "";
  serveWithLimits(kind, undefined, (url) => (base = url));

  it("the API: 300 a minute, with RateLimit headers, then 429 problem+json with Retry-After", async () => {
    const first = await get(base, "/api/v1/instruments");
    expect(first.status).toBe(200);
    expect(first.headers.ratelimit).toMatch(/^"api"; r=299; t=\d+$/);
    expect(first.headers["ratelimit-policy"]).toMatch(/^"api"; q=300; w=60\b/);
    // A forged X-Forwarded-For is not believed without KOMPASS_TRUST_PROXY: rotating it changes nothing.
    const { statuses, last } = await hammer(base, "/api/v1/instruments", 300, (i) => ({ "x-forwarded-for": `10.0.${i >> 8}.${i & 255}` }));
    expect(statuses.slice(0, 299).every((s) => s === 200)).toBe(true);
    expect(statuses[299]).toBe(429);
    expect(last.headers["content-type"]).toContain("application/problem+json");
    expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("the search: 60 a minute, then a 429 page in Swedish", async () => {
    const { statuses, last } = await hammer(base, "/sok?q=styrning", 61);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(last.status).toBe(429);
    expect(last.body).toContain('<html lang="sv">');
    expect(last.body).toContain("För många förfrågningar");
    expect(last.headers["retry-after"]).toBeDefined();
  });

  it("the 429 page follows the visitor's language", async () => {
    const answer = await get(base, "/sok?q=ledning", { cookie: "kompass_lang=en" });
    expect(answer.status).toBe(429);
    expect(answer.body).toContain('<html lang="en">');
    expect(answer.body).toContain("Too many requests");
  });

  it("sign-in posts: 20 a minute per address; looking at the page is not counted", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const answer = await get(
        base,
        "/logga-in",
        { "content-type": "application/x-www-form-urlencoded" },
        "POST",
        "email=a%40b.se&password=x",
      );
      statuses.push(answer.status);
    }
    // Refused for want of a CSRF token (403) until the limit, then 429.
    expect(statuses.slice(0, 20).every((s) => s === 403)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect((await get(base, "/logga-in")).status).toBe(200);
  });
});

describe("behind a trusted proxy (KOMPASS_TRUST_PROXY=loopback)", () => {
  let base = "";
  serveWithLimits("pglite", "loopback", (url) => (base = url));

  it("each forwarded client address has its own count", async () => {
    const one = await hammer(base, "/sok?q=styrning", 61, () => ({ "x-forwarded-for": "198.51.100.7" }));
    expect(one.last.status).toBe(429);
    const other = await get(base, "/sok?q=styrning", { "x-forwarded-for": "198.51.100.8" });
    expect(other.status).toBe(200);
  });
});
