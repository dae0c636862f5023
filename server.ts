import { DataFolderLockedError } from "./src/db/lock.ts";
import { openDatabase, settingsFromEnv, type Database } from "./src/db/client.ts";
import { logger } from "./src/logger.ts";
import { prepareDatabase } from "./src/services/bootstrap.ts";
import { startWebServer } from "./src/web/server.ts";

// Entry point of `npm start`: database (PGlite in KOMPASS_DATA_DIR, or DATABASE_URL), migrations,
// reference data and demo on an empty database, then the web server on PORT.
const settings = settingsFromEnv();
const port = Number(process.env.PORT ?? 3000);

let database: Database;
try {
  database = await openDatabase(settings);
} catch (error) {
  if (error instanceof DataFolderLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const { seeded } = await prepareDatabase(database, { demo: process.env.KOMPASS_DEMO !== "false" });
const server = await startWebServer({ database, port, development: process.env.NODE_ENV === "development" });
logger.info({ database: database.kind, location: database.location, seeded, port }, `Kommunkompassen serves http://localhost:${port}`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping");
  server.close();
  server.closeAllConnections();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
