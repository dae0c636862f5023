import { request as httpRequest, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { startTestServer } from "../support/server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { baseUrl, TestClient } from "../support/http.ts";
import { rawRequest as raw, type RawAnswer } from "../support/rawHttp.ts";

// Issue 11, findings 1, 4, 7 and 13: what the web edge refuses before any page code runs, and
// the headers every answer carries. Needs the built app (npm test builds before vitest).
const PASSWORD = "kompass-demo-2026";

/**
 * Streams a chunked body of zeros until the server answers (or `total` bytes were offered),
 * never waiting for the whole body: how an attacker sends 200 MB without a Content-Length.
 */
function streamChunked(base: string, path: string, total: number) {
  return new Promise<RawAnswer & { written: number }>((resolve, reject) => {
    let written = 0;
    let answered = false;
    const request = httpRequest(
      base + path,
      { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" } },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString("utf8"), written });
          request.destroy();
        });
      },
    );
    // The server closes the connection after refusing: a reset while writing is expected.
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024);
    const pump = () => {
      while (!answered && written < total) {
        written += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

describe.each(testDatabaseKinds())("the web edge on %s", (kind) => {
  let database: TestDatabase;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemoWithPracticePoints(database.db);
    server = await startTestServer({ database, port: 0, host: "127.0.0.1", rateLimits: false });
    base = baseUrl(server);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
  });

  describe("bodies are bounded while they stream (finding 1)", () => {
    it("a 200 MB chunked POST to /logga-in is refused with 413 after little more than its 1 KB bound", async () => {
      const before = process.memoryUsage().rss;
      const answer = await streamChunked(base, "/logga-in", 200 * 1024 * 1024);
      expect(answer.status).toBe(413);
      expect(answer.body).toContain("Formuläret är för stort");
      // What the client got to write before the answer: socket buffers, far from 200 MB.
      expect(answer.written).toBeLessThan(32 * 1024 * 1024);
      expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
    });

    it("three such POSTs at once are all refused", async () => {
      const answers = await Promise.all([1, 2, 3].map(() => streamChunked(base, "/logga-in", 200 * 1024 * 1024)));
      expect(answers.map((a) => a.status)).toEqual([413, 413, 413]);
    });

    it("the bound depends on the route: 1 KB sign-in, 64 KB forms, 25 MB uploads", async () => {
      const form = (bytes: number) => `_csrf=x&note=${"a".repeat(bytes)}`;
      const post = (path: string, body: string) =>
        raw(base, path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
      expect((await post("/logga-in", form(2000))).status).toBe(413);
      expect((await post("/logga-in", form(500))).status).toBe(403);
      expect((await post("/arbetsyta/2/texter", form(70 * 1024))).status).toBe(413);
      expect((await post("/arbetsyta/2/texter", form(60 * 1024))).status).not.toBe(413);
      const upload = await post("/arbetsyta/2/underlag", form(2 * 1024 * 1024));
      expect(upload.status).not.toBe(413);
      const tooBig = await streamChunked(base, "/arbetsyta/2/underlag", 40 * 1024 * 1024);
      expect(tooBig.status).toBe(413);
      expect(tooBig.body).toContain("25 MB");
    });

    it("a declared Content-Length above the bound is refused before the body is read", async () => {
      const answer = await new Promise<number>((resolve, reject) => {
        const request = httpRequest(
          `${base}/logga-in`,
          { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(500 * 1024 * 1024) } },
          (response) => {
            resolve(response.statusCode!);
            request.destroy();
          },
        );
        request.on("error", reject);
        request.write("a=1");
      });
      expect(answer).toBe(413);
    });
  });

  describe("forms from other sites are refused before their body is read", () => {
    const foreign: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
    for (const headers of foreign) {
      it(`${JSON.stringify(headers)} → 403`, async () => {
        const answer = await raw(base, "/logga-in", {
          method: "POST",
          headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
          body: "email=a&password=b",
        });
        expect(answer.status).toBe(403);
        expect(answer.body).toContain("annan webbplats");
      });
    }
  });

  describe("requests no page can use get 4xx, never 500 (findings 7 and 13)", () => {
    for (const method of ["PUT", "PATCH", "DELETE", "TRACE", "OPTIONS"]) {
      it(`${method} on an action route and on the API → 405 with Allow`, async () => {
        const page = await raw(base, "/arbetsyta/2/texter", { method });
        expect(page.status).toBe(405);
        expect(page.headers.allow).toBe("GET, HEAD, POST");
        const api = await raw(base, "/api/v1/rankings", { method });
        expect(api.status).toBe(405);
        expect(api.headers.allow).toBe("GET, HEAD");
      });
    }

    it("JSON, plain text, no type and compressed bodies → 415", async () => {
      for (const headers of [
        { "content-type": "application/json" },
        { "content-type": "text/plain" },
        {} as Record<string, string>,
        { "content-type": "application/x-www-form-urlencoded", "content-encoding": "gzip" },
      ]) {
        const answer = await raw(base, "/arbetsyta/2/texter", { method: "POST", headers, body: '{"intent":"save"}' });
        expect(answer.status, JSON.stringify(headers)).toBe(415);
      }
    });

    it("an empty POST and a broken multipart body → 4xx", async () => {
      const empty = await raw(base, "/logga-in", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(empty.status).toBe(403);
      // /logga-in: an action anyone may post to, so the form is read (the workspace sends strangers to sign in first).
      const broken = await raw(base, "/logga-in", {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=abc" },
        body: "--xyz\r\ngarbage",
      });
      expect(broken.status).toBe(400);
      const noBoundary = await raw(base, "/logga-in", {
        method: "POST",
        headers: { "content-type": "multipart/form-data" },
        body: "x",
      });
      expect(noBoundary.status).toBe(400);
    });

    for (const path of [
      "/api/v1/rankings?instrument=%2Fe%00",
      "/api/v1/rankings.csv?instrument=%2Fe%00",
      "/api/v1/rankings.xlsx?instrument=%2Fe%00",
      "/sok?q=%2Fe%00",
      "/sok?q=%00",
      "/kommun/%00",
      "/rankning?instrument=%01",
      "/sok?q=%C3%28",
      "/sok?q=%E0%A4%A",
    ]) {
      it(`${path} → 400`, async () => {
        const answer = await raw(base, path);
        expect(answer.status).toBe(400);
      });
    }

    it("a newline in a return address is not a 500 and stays on the site", async () => {
      const answer = await raw(base, "/sprak?lang=en&return=%2F%0Aenv%3B");
      expect(answer.status).toBe(302);
      expect(answer.headers.location).toBe("/env;");
    });

    // What the fuzz found (tests/security/fuzz-*.test.ts), kept as plain cases.
    it("numbers past PostgreSQL's integer and characters no header can carry → 4xx", async () => {
      expect((await raw(base, "/rapport/2147483648")).status).toBe(404);
      expect((await raw(base, "/rapport/2147483648/kommunkompassen.pdf")).status).toBe(404);
      const escaped = await raw(base, "/kommuner/%EF%BB%BF");
      expect(escaped.status).toBe(301);
      expect(escaped.headers.location).toBe("/kommun/%EF%BB%BF");
      const eva = new TestClient(base);
      await eva.signIn("eva@kompass.example", PASSWORD);
      const token = await eva.csrfToken("/arbetsyta/2/underlag");
      const huge = await eva.post(
        "/arbetsyta/2/underlag",
        { intent: "delete-evidence", evidenceId: "2147483648", section: "notes" },
        token,
      );
      expect(huge.status).toBe(400);
      expect((await eva.get(`/arbetsyta/2/logg?sida=${"9".repeat(40)}`)).status).toBe(200);
      const longBack = await new TestClient(base).get(`/arbetsyta/2/texter?x=${"a".repeat(12_000)}`);
      expect(longBack.status).toBe(302);
      expect(longBack.headers.get("location")!.length).toBeLessThan(2100);
    });

    it("a malformed Host header does not reach the page's URL", async () => {
      const answer = await raw(base, "/", { headers: { host: "evil.example:99999@x" } });
      expect(answer.status).toBeLessThan(500);
    });
  });

  describe("the return address stays on the site (finding 3)", () => {
    const hostile = [
      "/%5Cevil.example",
      "/%09/evil.example",
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "%20//evil.example",
      "/.//evil.example",
    ];
    for (const target of hostile) {
      it(`/sprak?return=${target} → a path of this site`, async () => {
        const answer = await raw(base, `/sprak?lang=sv&return=${target.includes("%") ? target : encodeURIComponent(target)}`);
        expect(answer.status).toBe(302);
        expect(answer.headers.location).toBe("/");
      });
    }

    it("after sign-in, ?tillbaka=/%5Cevil.example goes to the workspace", async () => {
      const client = new TestClient(base);
      const page = await (await client.get("/logga-in?tillbaka=/%5Cevil.example")).text();
      expect(page).toContain('name="tillbaka" value="/arbetsyta"');
      const token = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
      const answer = await client.post(
        "/logga-in",
        { email: "eva@kompass.example", password: PASSWORD, tillbaka: "/\\evil.example" },
        token,
      );
      expect(answer.status).toBe(302);
      expect(answer.headers.get("location")).toBe("/arbetsyta");
    });
  });

  describe("security headers (finding 4)", () => {
    const expectHeaders = (answer: RawAnswer) => {
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      expect(answer.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(answer.headers["x-xss-protection"]).toBe("1; mode=block");
      const csp = String(answer.headers["content-security-policy"]);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      // Over http there is no HSTS (a test of its own starts the site as https).
      expect(answer.headers["strict-transport-security"]).toBeUndefined();
    };

    for (const path of ["/", "/logga-in", "/arbetsyta", "/admin/anvandare", "/kommun/1880-orebro", "/api/v1/rankings", "/finns-inte"]) {
      it(`${path} carries them`, async () => {
        expectHeaders(await raw(base, path));
      });
    }

    it("a signed-in administrator's pages carry them, with a nonce on every script", async () => {
      const client = new TestClient(base);
      await client.signIn("admin@kompass.example", PASSWORD);
      for (const path of ["/arbetsyta", "/admin/anvandare"]) {
        const answer = await client.get(path);
        expect(answer.status).toBe(200);
        const csp = answer.headers.get("content-security-policy")!;
        expect(answer.headers.get("x-frame-options")).toBe("DENY");
        const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
        const html = await answer.text();
        const scripts = html.match(/<script\b[^>]*>/g) ?? [];
        expect(scripts.length).toBeGreaterThan(0);
        for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      }
    });

    it("two answers for the same page have different nonces", async () => {
      const nonceOf = async () => /'nonce-([^']+)'/.exec((await raw(base, "/logga-in")).headers["content-security-policy"] as string)![1];
      expect(await nonceOf()).not.toBe(await nonceOf());
    });
  });
});
