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
