import type { Server } from "node:http";
import { existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportFiles } from "../../src/db/schema.server.ts";
import { closePdfRenderer } from "../../src/reports/pdf.server.ts";
import { storeReportFiles, storedReportFile } from "../../src/services/reports/storedFiles.server.ts";
import { publishTestEvaluation } from "../support/cycle.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { baseUrl } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { type Cast, createCast } from "../support/workspace.ts";

// Needs the built app (npm run build). Downloads of published report files over HTTP: the
// stored bytes without Chromium, a file not stored yet made and kept, and a burst beyond the
// PDF pool answered 503 with Retry-After. The server's pool reads these when it is first used:
// one page and no queue, so that two prints at once are one too many.
const browser = existsSync(process.env.KOMPASS_CHROMIUM ?? "/usr/bin/chromium");
const saved = { ...process.env };
process.env.KOMPASS_PDF_PAGES = "1";
process.env.KOMPASS_PDF_QUEUE = "0";

describe("published report downloads", () => {
  let database: TestDatabase;
  let server: Server;
  let cast: Cast;
  let stored: number;
  const unstored: number[] = [];
  const get = (path: string, headers: Record<string, string> = {}) => fetch(baseUrl(server) + path, { headers, redirect: "manual" });
  const fileOf = async (id: number, format: string) => {
    const response = await get(`/rapport/${id}/x.${format}`);
    expect(response.status).toBe(302);
    return response.headers.get("location")!;
  };

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    cast = await createCast(database.db, "downloads");
    stored = await publishTestEvaluation(database.db, cast, 2017);
    for (const year of [2018, 2019, 2020]) unstored.push(await publishTestEvaluation(database.db, cast, year));
    if (browser) await storeReportFiles(database.db, stored);
    await closePdfRenderer();
    server = await startTestServer({ database, port: 0, host: "127.0.0.1", pageCache: false, rateLimits: false });
  });
  afterAll(async () => {
    for (const name of ["KOMPASS_PDF_PAGES", "KOMPASS_PDF_QUEUE", "KOMPASS_CHROMIUM"]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
  });

  it.skipIf(!browser)("serves the stored file without Chromium, with its ETag, and 304 when unchanged", async () => {
    // No browser for the server from here: a print would fail with 503.
    process.env.KOMPASS_CHROMIUM = "/nonexistent/chromium";
    try {
      const row = (await storedReportFile(database.db, stored, "pdf"))!;
      const path = await fileOf(stored, "pdf");
      const response = await get(path);
      expect(response.status).toBe(200);
      const body = Buffer.from(await response.arrayBuffer());
      expect(createHash("sha256").update(body).digest("hex")).toBe(row.sha256);
      expect(response.headers.get("etag")).toBe(`"${row.sha256}"`);
      expect(response.headers.get("content-length")).toBe(String(body.length));
      expect(response.headers.get("cache-control")).toBe("public, max-age=300");
      expect((await get(path, { "If-None-Match": `"${row.sha256}"` })).status).toBe(304);
      // A file not stored yet needs the browser: proof that the one above did not.
      const missing = await get(await fileOf(unstored[0]!, "pdf"));
      expect(missing.status).toBe(503);
    } finally {
      process.env.KOMPASS_CHROMIUM = saved.KOMPASS_CHROMIUM ?? "/usr/bin/chromium";
    }
  });

  it("makes a file not stored yet on request and keeps it for the next visitor", async () => {
    const id = unstored[1]!;
    expect(await database.db.select().from(reportFiles).where(eq(reportFiles.evaluationId, id))).toEqual([]);
    const response = await get(await fileOf(id, "xlsx"));
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    const row = await storedReportFile(database.db, id, "xlsx");
    expect(row?.body.equals(body)).toBe(true);
  });

  it.skipIf(!browser)("answers a PDF beyond the pool's bound with 503, Retry-After and a Swedish sentence", async () => {
    const paths = await Promise.all(unstored.map((id) => fileOf(id, "pdf")));
    const responses = await Promise.all(paths.map((path) => get(path)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    const busy = responses.find((r) => r.status === 503)!;
    expect(busy.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await busy.text()).toContain("Försök igen");
  });
});
