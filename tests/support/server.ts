import type { Server } from "node:http";
import type * as App from "../../server/app.ts";

/**
 * The web server as `npm start` runs it: the built app (npm test builds before vitest), so that
 * tests see the one module graph of production. Set-up code in tests calls services from src/,
 * a second copy of those modules: the two meet only in the database, whose data version
 * notifications reach the server's caches as they reach another process's.
 */
export async function startTestServer(options: App.StartOptions): Promise<Server> {
  const built = new URL("../../build/server/index.js", import.meta.url).href;
  const app = (await import(/* @vite-ignore */ built)) as typeof App;
  return app.startServer(options);
}
