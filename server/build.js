// @ts-check
/**
 * `npm start` builds only when it must: when build/ is missing or older than anything it is
 * built from. The build goes to a folder of its own and is moved into place whole, so a start
 * never rebuilds build/ under a server that is serving it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));
const BUILD = join(root, "build");
/** Written last by a complete build: its time is the build's. */
const STAMP = join(BUILD, ".built");
const SOURCES = ["app", "src", "server", "public", "package.json", "package-lock.json", "vite.config.ts", "react-router.config.ts", "tsconfig.json"];

/** The newest modification time among the files the build is made from. */
function newestSource() {
  let newest = 0;
  const visit = (/** @type {string} */ path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== "node_modules" && !name.startsWith(".")) visit(join(path, name));
    } else if (stat.mtimeMs > newest) newest = stat.mtimeMs;
  };
  for (const source of SOURCES) visit(join(root, source));
  return newest;
}

/** True when build/ holds a complete build at least as new as every source. */
export function buildIsFresh() {
  return existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestSource();
}

/** Builds the app when build/ is missing or stale (or always, forced); says so on standard error. */
export function ensureBuild(force = false) {
  if (!force && buildIsFresh()) return;
  const next = join(root, `build.next-${process.pid}`);
  const old = join(root, `build.old-${process.pid}`);
  if (!force) console.error(existsSync(BUILD) ? "The sources are newer than build/: building the app…" : "No build yet: building the app…");
  const bin = join(root, "node_modules/@react-router/dev/bin.js");
  const result = spawnSync(process.execPath, [bin, "build"], {
    cwd: root,
    stdio: ["ignore", force ? "inherit" : "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", KOMPASS_BUILD_DIR: next },
  });
  if (result.status !== 0) {
    rmSync(next, { recursive: true, force: true });
    throw new Error(`The build failed (exit ${result.status ?? result.signal}); see the messages above.`);
  }
  writeFileSync(join(next, ".built"), new Date().toISOString());
  if (existsSync(BUILD)) renameSync(BUILD, old);
  renameSync(next, BUILD);
  rmSync(old, { recursive: true, force: true });
}

// `npm run build` (node server/build.js): always builds.
if (process.argv[1] === fileURLToPath(import.meta.url)) ensureBuild(true);
