import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { openPglite } from "../src/db/client.ts";
import { prepareDatabase } from "../src/services/bootstrap.ts";
import { startWebServer } from "../src/web/server.ts";
import { runLoad } from "./load.ts";
const folder = mkdtempSync(join(os.tmpdir(), "kompass-floor-"));
const database = await openPglite(folder);
await prepareDatabase(database, { demo: true });
const server = await startWebServer({ database, port: 0, host: "127.0.0.1" });
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
for (const path of ["/api/v1/nope", "/api/v1/instruments/2016", "/api/v1/rankings?instrument=2010"]) {
  const load = await runLoad({ origin, paths: [path], concurrency: 32, warmupMs: 1000, durationMs: 4000, maxRequests: 100000 });
  console.log(path, load.throughput.toFixed(0), "req/s median", load.median.toFixed(1), "p99", load.p99.toFixed(1), load.statuses, load.meanBytes.toFixed(0));
}
server.close(); server.closeAllConnections(); await database.close();
(await import("node:fs")).rmSync(folder, { recursive: true, force: true });
process.exit(0);
