#!/usr/bin/env node
// Run by playwright.config.ts before the server: prepares the journeys' database (the demo plus
// the fictional Testköping's published evaluation, tests/support/e2eFixture.ts) in the same
// KOMPASS_DATA_DIR, and closes it, releasing the data folder's lock before the server starts.
// TypeScript sources through tsx, as bin/kompass.mjs runs them.
import { register } from "tsx/esm/api";

register();
const { prepareE2eDatabase } = await import("../support/e2eFixture.ts");
await prepareE2eDatabase();
