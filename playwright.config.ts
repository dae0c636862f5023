import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS } from "./src/reports/chromiumArgs.ts";

// End-to-end tests against the production build (`npm run build` runs first: see the
// "test" and "test:e2e" scripts in package.json; this config does not build).
// Every run serves a fresh PGlite data folder, so the database holds exactly the reference
// data, the demo (results Örebro 2010, 2012, 2015 and the workspace) and, for the journeys of
// the municipality's own cycle, the fictional municipalities with a published evaluation of
// Fiktiva Testköping (tests/support/e2eFixture.ts), prepared before the server starts.
const PORT = Number(process.env.E2E_PORT ?? 3217);
const baseURL = `http://127.0.0.1:${PORT}`;
const dataDir = path.join(os.tmpdir(), `kompass-e2e-${process.pid}-${Date.now()}`);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: "list",
  timeout: 30_000,
  use: {
    baseURL,
    locale: "sv-SE",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    // The preparing script closes the database before the server takes the data folder's lock.
    command: "node tests/e2e/prepare-database.mjs && node server/index.js",
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      KOMPASS_DATA_DIR: dataDir,
      // The embedded database with the demo (and its accounts, which the journeys use),
      // whatever the shell that runs the tests has set.
      DATABASE_URL: "",
      KOMPASS_DEMO: "true",
      LOG_LEVEL: "warn",
      // One test client makes hundreds of requests a minute; the limits have tests of their own.
      KOMPASS_RATE_LIMITS: "off",
    },
  },
});
