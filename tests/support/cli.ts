import { spawnSync } from "node:child_process";
import { openPglite } from "../../src/db/client.server.ts";
import { prepareDatabase } from "../../src/services/bootstrap.server.ts";
import { addFictionalMunicipalities, type FictionalMunicipality } from "./fictional.ts";

/**
 * Runs `npx kompass …` as a user would (bin/kompass.mjs in a process of its own) with the given
 * settings over the test's environment; stdin from `input`.
 */
export function runKompass(env: NodeJS.ProcessEnv, args: readonly string[], options: { input?: string; timeout?: number } = {}) {
  return spawnSync(process.execPath, [new URL("../../bin/kompass.mjs", import.meta.url).pathname, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: options.timeout ?? 60_000,
    input: options.input ?? "",
  });
}

/**
 * A PGlite data folder for the CLI, prepared as the CLI would (reference data, no demo) and with
 * fictional municipalities for the synthetic results a test imports (tests/support/fictional.ts).
 */
export async function prepareDataFolder(dataDir: string, fictional?: readonly FictionalMunicipality[]): Promise<void> {
  const database = await openPglite(dataDir);
  try {
    await prepareDatabase(database, { demo: false });
    await addFictionalMunicipalities(database.db, fictional);
  } finally {
    await database.close();
  }
}
