import { closeSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * PGlite runs inside one process. Two processes on one data folder would each believe they
 * own it and silently lose each other's committed rows, so the folder gets an exclusive lock
 * file naming its holder, and a second process is refused.
 */
export class DataFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data folder ${folder} is in use by process ${holder.pid} (${holder.command}, started ${holder.startedAt}). ` +
        `Stop that process first, or use another folder with KOMPASS_DATA_DIR, or PostgreSQL with DATABASE_URL.`,
    );
    this.name = "DataFolderLockedError";
  }
}

export interface LockHolder {
  pid: number;
  command: string;
  startedAt: string;
}

export interface FolderLock {
  folder: string;
  release(): void;
}

const LOCK_FILE = "kompass.lock";

export function lockDataFolder(folder: string): FolderLock {
  const absolute = resolve(folder);
  mkdirSync(absolute, { recursive: true });
  const path = join(absolute, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    command: process.argv.slice(1).join(" ") || process.argv0,
    startedAt: new Date().toISOString(),
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readHolder(path)?.pid === process.pid) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once("exit", release);
      return { folder: absolute, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(path);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) throw new DataFolderLockedError(absolute, holder);
      // A lock left by a process that has died: move it aside atomically and try again, so
      // two processes that both find it stale cannot both take it.
      try {
        renameSync(path, `${path}.stale-${process.pid}`);
        unlinkSync(`${path}.stale-${process.pid}`);
      } catch {
        // Another process took it first; the next attempt sees its lock.
      }
    }
  }
  const holder = readHolder(path);
  if (holder) throw new DataFolderLockedError(absolute, holder);
  throw new Error(`Could not lock the data folder ${absolute}`);
}

function readHolder(path: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<LockHolder>;
    if (typeof parsed.pid !== "number") return null;
    return { pid: parsed.pid, command: String(parsed.command ?? "unknown"), startedAt: String(parsed.startedAt ?? "unknown") };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
