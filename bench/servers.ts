// The production server as an operator runs it (`node server/index.js`), in processes of its
// own, for the mixed benchmark: what is measured is the real start-up path, worker count and all.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

export interface ServerProcess {
  origin: string;
  pid: number;
  /** Node processes serving: the process itself, or its cluster workers when it forked any. */
  processes: number;
  stop(): Promise<void>;
}

/** Builds the app unless build/ is fresh (server/build.js's own check), before any server starts. */
export function ensureFreshBuild(): void {
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", "await (await import('./server/build.js')).ensureBuild()"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(`the build failed (exit ${result.status})`);
}

/** Node processes whose parent is `pid`: a cluster's workers (Chromium is not node). */
function nodeChildren(pid: number): number {
  const ps = spawnSync("ps", ["-o", "comm=", "--ppid", String(pid)], { encoding: "utf8" });
  return ps.stdout.split("\n").filter((name) => name.trim() === "node").length;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));

/**
 * Starts `node server/index.js` on the port with KOMPASS_WORKERS=workers (a server without
 * cluster support ignores it and serves from one process) and waits until it answers. Its own
 * process group, so that stop() ends it with every worker and browser it started.
 */
export async function startProductionServer(options: {
  databaseUrl: string;
  port: number;
  workers: number;
  log: (line: string) => void;
  /** More settings, e.g. KOMPASS_PAGE_CACHE=off for renders only. */
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["server/index.js"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      KOMPASS_WORKERS: String(options.workers),
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      KOMPASS_DEMO: "false",
      KOMPASS_REMINDERS: "off",
      KOMPASS_RATE_LIMITS: "off",
      NODE_ENV: "production",
      ...options.env,
    },
  });
  const pid = child.pid!;
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      return;
    }
    const timeout = setTimeout(() => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // Gone already.
      }
    }, 10_000);
    await exited(child);
    clearTimeout(timeout);
  };
  const origin = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server on port ${options.port} exited (${child.exitCode}): ${stderr}`);
    const ok = await fetch(`${origin}/om`)
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server on port ${options.port} did not answer within 120 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // A cluster's primary answers once its first worker listens: give the others a moment.
  await new Promise((resolve) => setTimeout(resolve, options.workers > 1 ? 2_000 : 0));
  const workers = nodeChildren(pid);
  options.log(`server on port ${options.port}: pid ${pid}, KOMPASS_WORKERS=${options.workers}, ${workers || 1} serving process(es)`);
  return { origin, pid, processes: workers || 1, stop };
}
