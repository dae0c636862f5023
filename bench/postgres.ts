import { randomBytes } from "node:crypto";
import type pg from "pg";

/**
 * Drops a benchmark's database. The pool's connections may still be closing: a plain drop is
 * retried before forcing it, since a forced drop terminates them and the pool would emit an
 * unhandled error.
 */
export async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`drop database if exists ${name}${attempt >= 20 ? " with (force)" : ""}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Creates a fresh database `<prefix>_<random>` on the admin connection (already connected) and
 * registers, in `cleanups`, dropping it and closing the connection. Its URL and the server's
 * version, for the report.
 */
export async function createBenchDatabase(
  admin: pg.Client,
  adminUrl: string,
  prefix: string,
  cleanups: (() => Promise<void> | void)[],
  log: (message: string) => void,
): Promise<{ name: string; url: string; version: string }> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const version = (await admin.query<{ server_version: string }>("show server_version")).rows[0]?.server_version ?? "?";
  await admin.query(`create database ${name}`);
  cleanups.push(async () => {
    await dropDatabase(admin, name);
    await admin.end();
    log(`dropped database ${name}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), version };
}
