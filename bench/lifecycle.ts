// What every page benchmark does around its work: run React's production build, and end with
// its cleanups run whether the work succeeded or failed.
import { spawnSync } from "node:child_process";

/**
 * React renders several times slower in development mode, so a benchmark measures what
 * production runs: started without NODE_ENV=production, it runs itself again with it and exits.
 */
export function inProductionMode(env: NodeJS.ProcessEnv = {}): void {
  if (process.env.NODE_ENV === "production") return;
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, ...env, NODE_ENV: "production" },
  });
  process.exit(child.status ?? 1);
}

/** Runs the benchmark, then its cleanups (also after a failure, which exits 1). */
export async function runMain(main: () => Promise<void>, cleanup: () => Promise<void>): Promise<never> {
  try {
    await main();
    await cleanup();
    process.exit(0);
  } catch (error) {
    console.error(error);
    await cleanup();
    process.exit(1);
  }
}
