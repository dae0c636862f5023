import { spawnSync } from "node:child_process";

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
