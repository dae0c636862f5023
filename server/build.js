// @ts-check
/**
 * `npm start` builds only when it must: when build/ is missing or was built from other sources.
 * A build records a signature of its sources (every file's path, size and modification time),
 * taken before it starts; a start whose sources have another signature (a file changed, added,
 * removed, or restored with an older time) builds again. The build goes to a folder of its own
 * and is moved into place whole, keeping the previous build's hashed browser files, so that
 * pages already served by a running server still find their scripts. A lock keeps two starts
 * from building at once.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, cpSync, existsSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));
const BUILD = join(root, "build");
/** Written last by a complete build: the signature of the sources it was built from. */
const STAMP = join(BUILD, ".built");
const LOCK = join(root, ".build.lock");
const SOURCES = [
  "app",
  "src",
  "server",
  "public",
  "package.json",
  "package-lock.json",
  "vite.config.ts",
  "react-router.config.ts",
  "tsconfig.json",
];

/** What the build is made from, as one hash. */
function sourceSignature() {
  const hash = createHash("sha256");
  const visit = (/** @type {string} */ path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name !== "node_modules" && !name.startsWith(".")) visit(join(path, name));
    } else hash.update(`${path.slice(root.length)}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const source of SOURCES) visit(join(root, source));
  return hash.digest("hex");
}

/** True when build/ holds a complete build of the sources as they are. */
export function buildIsFresh() {
  return existsSync(STAMP) && readFileSync(STAMP, "utf8").trim() === sourceSignature();
}

const alive = (/** @type {number} */ pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
};

/** Waits for the build lock; a lock left by a process that died is taken over. */
async function lock() {
  for (;;) {
    try {
      const fd = openSync(LOCK, "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(LOCK, { force: true });
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(LOCK, "utf8")) || 0;
      if (!alive(holder)) {
        rmSync(LOCK, { force: true });
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Folders left by builds that were interrupted. */
function removeLeftovers() {
  for (const name of readdirSync(root)) {
    const match = /^build\.(?:next|old)-(\d+)$/.exec(name);
    if (match && !alive(Number(match[1]))) rmSync(join(root, name), { recursive: true, force: true });
  }
}

/** Builds the app when build/ is missing or stale (or always, forced); says so on standard error. */
export async function ensureBuild(force = false) {
  if (!force && buildIsFresh()) return;
  const unlock = await lock();
  try {
    // Another start may have built while this one waited.
    if (!force && buildIsFresh()) return;
    removeLeftovers();
    if (!force)
      console.error(
        existsSync(BUILD) ? "The sources have changed since the last build: building the app…" : "No build yet: building the app…",
      );
    const signature = sourceSignature();
    const next = join(root, `build.next-${process.pid}`);
    const old = join(root, `build.old-${process.pid}`);
    const bin = join(root, "node_modules/@react-router/dev/bin.js");
    const result = spawnSync(process.execPath, [bin, "build"], {
      cwd: root,
      // npm start says only that it builds; the builder's own messages are shown if it fails.
      stdio: ["ignore", force ? "inherit" : "pipe", force ? "inherit" : "pipe"],
      encoding: "utf8",
      env: { ...process.env, NODE_ENV: "production", KOMPASS_BUILD_DIR: next },
    });
    if (result.status !== 0) {
      if (!force) console.error(`${result.stdout ?? ""}${result.stderr ?? ""}`);
      rmSync(next, { recursive: true, force: true });
      throw new Error(`The build failed (exit ${result.status ?? result.signal}); see the messages above.`);
    }
    // Under a running server (npm start, not npm run build) the previous build's browser files
    // stay: their names are hashed, so nothing is overwritten, and its pages keep their scripts.
    const assets = join(BUILD, "client/assets");
    if (!force && existsSync(assets)) cpSync(assets, join(next, "client/assets"), { recursive: true, force: false, errorOnExist: false });
    writeFileSync(join(next, ".built"), signature);
    if (existsSync(BUILD)) renameSync(BUILD, old);
    renameSync(next, BUILD);
    rmSync(old, { recursive: true, force: true });
  } finally {
    unlock();
  }
}

// `npm run build` (node server/build.js): always builds.
if (process.argv[1] === fileURLToPath(import.meta.url)) await ensureBuild(true);
