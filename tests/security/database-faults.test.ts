import { spawnSync } from "node:child_process";
import { createServer, connect, type Server as NetServer, type Socket } from "node:net";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Database } from "../../src/db/client.server.ts";
import { prepareDatabase } from "../../src/services/bootstrap.server.ts";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { startTestServer } from "../support/server.ts";
import { baseUrl, TestClient } from "../support/http.ts";

// Issue 11, finding 11: PostgreSQL out of reach at start, and lost while serving. The database
// is reached through a TCP relay the test can cut and restore: a real lost connection.
const adminUrl = process.env.TEST_POSTGRES_URL;
const PASSWORD = "ett-langt-testlosenord";

class Relay {
  private server: NetServer | undefined;
  private sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  /** Every connection cut and no new one taken: as when the database server goes away. */
  async down(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server!.close(resolve));
  }
}

describe("PostgreSQL out of reach at start", () => {
  it("the server says so in one line, without a stack trace, and exits with 1", () => {
    const run = spawnSync(process.execPath, ["server/index.js"], {
      cwd: new URL("../..", import.meta.url).pathname,
      env: { ...process.env, DATABASE_URL: "postgres://kompass:hemligt@127.0.0.1:1/kompass", PORT: "0", LOG_LEVEL: "warn" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("Cannot reach PostgreSQL at 127.0.0.1:1");
    expect(lines[0]).toContain("ECONNREFUSED");
    expect(run.stderr).not.toContain("hemligt");
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

describe.skipIf(!adminUrl)("PostgreSQL lost while serving", () => {
  const name = `kompass_faults_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let relay: Relay;
  let database: Database;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(adminUrl!);
    relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
    await relay.up();
    const url = new URL(adminUrl!);
    url.port = String(relay.port);
    url.pathname = `/${name}`;
    database = await openPostgres(url.toString(), 4);
    await prepareDatabase(database, { demo: false });
    await createUser(database.db, SYSTEM, { email: "ada@test.example", name: "Ada Testsson", role: "administrator", password: PASSWORD });
    server = await startTestServer({ database, port: 0, host: "127.0.0.1", rateLimits: false });
    base = baseUrl(server);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.close().catch(() => {});
    await relay.down().catch(() => {});
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("keeps serving cached public pages, answers 503 elsewhere, keeps sessions, and recovers without a restart", async () => {
    const anonymous = new TestClient(base);
    const ada = new TestClient(base);
    await ada.signIn("ada@test.example", PASSWORD);
    expect((await anonymous.get("/")).status).toBe(200);
    expect((await anonymous.get("/")).headers.get("x-cache")).toBe("hit");
    expect((await ada.get("/arbetsyta")).status).toBe(200);

    await relay.down();

    const cached = await anonymous.get("/");
    expect(cached.status).toBe(200);
    expect(cached.headers.get("x-cache")).toMatch(/hit|stale/);
    const uncached = await anonymous.get("/kommuner");
    expect(uncached.status).toBe(503);
    expect(await uncached.text()).toContain("Tjänsten är tillfälligt otillgänglig");
    expect(uncached.headers.get("retry-after")).toBe("5");
    // Still cached while it is down, on every request, not only the first.
    expect((await anonymous.get("/")).status).toBe(200);
    // The signed-in user is not sent to sign in: the session is there, the database is not.
    const workspace = await ada.get("/arbetsyta");
    expect(workspace.status).toBe(503);
    const api = await anonymous.get("/api/v1/instruments");
    expect(api.status).toBe(503);

    await relay.up();

    // A probe finds the database again within a second or so; no restart.
    let statuses = [0, 0];
    for (let i = 0; i < 60 && statuses.some((s) => s !== 200); i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      statuses = [(await anonymous.get("/kommuner")).status, (await ada.get("/arbetsyta")).status];
    }
    expect(statuses).toEqual([200, 200]);
  });
});
