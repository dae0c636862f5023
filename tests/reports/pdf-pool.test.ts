import { existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { PdfBusyError, PdfPool, PdfUnavailableError } from "../../src/reports/pdfPool.server.ts";

// The bound of PDF rendering: so many pages print at once, the rest wait in arrival order up to
// the queue's limit, and one more is refused at once with a time to try again.
const browser = existsSync(process.env.KOMPASS_CHROMIUM ?? "/usr/bin/chromium");
if (!browser) console.warn("pdf pool tests: no Chromium here, so the bound is not tried with a browser");

/** A task that holds its page until released, recording when it started. */
function gated(started: string[], name: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    release: () => release(),
    task: async () => {
      started.push(name);
      await gate;
      return name;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("PdfPool", () => {
  const pools: PdfPool[] = [];
  afterAll(async () => {
    for (const pool of pools) await pool.close();
  });

  it.skipIf(!browser)("prints on at most `pages` pages, queues the next in order and refuses one beyond the queue", async () => {
    const pool = new PdfPool({ pages: 2, queue: 2, retryAfterSeconds: 7 });
    pools.push(pool);
    const started: string[] = [];
    const tasks = ["a", "b", "c", "d"].map((name) => gated(started, name));
    const running = tasks.map((t) => pool.run(t.task));
    // Until a page is open, a and b have their slots and c and d wait.
    while (started.length < 2) await settle();
    expect(pool.load).toEqual({ active: 2, waiting: 2 });
    const refused = await pool.run(async () => "e").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PdfBusyError);
    expect((refused as PdfBusyError).retryAfterSeconds).toBe(7);
    // a and b open their pages side by side: either may start first.
    expect([...started].sort()).toEqual(["a", "b"]);
    // A slot freed goes to the first in line, not to a newcomer.
    tasks[1]!.release();
    while (started.length < 3) await settle();
    expect(started.slice(2)).toEqual(["c"]);
    for (const t of tasks) t.release();
    expect(await Promise.all(running)).toEqual(["a", "b", "c", "d"]);
    expect(pool.load).toEqual({ active: 0, waiting: 0 });
  });

  it.skipIf(!browser)("keeps its pages open between prints, and gives up a page whose task failed", async () => {
    const pool = new PdfPool({ pages: 1, queue: 0 });
    pools.push(pool);
    const first = await pool.run(async (page) => page);
    expect(await pool.run(async (page) => page)).toBe(first);
    await expect(
      pool.run(async () => {
        throw new Error("a print that failed");
      }),
    ).rejects.toThrow("a print that failed");
    expect(first.isClosed()).toBe(true);
    const next = await pool.run(async (page) => page);
    expect(next).not.toBe(first);
    // The fonts the shell loaded are there on the new page too.
    expect(await next.evaluate(() => [...document.fonts].filter((f) => f.status === "loaded").length)).toBeGreaterThan(0);
  });

  it("frees the slot when Chromium is missing", async () => {
    const saved = process.env.KOMPASS_CHROMIUM;
    process.env.KOMPASS_CHROMIUM = "/nonexistent/chromium";
    const pool = new PdfPool({ pages: 1, queue: 0 });
    try {
      for (let i = 0; i < 2; i++) await expect(pool.run(async () => "x")).rejects.toBeInstanceOf(PdfUnavailableError);
      expect(pool.load).toEqual({ active: 0, waiting: 0 });
    } finally {
      if (saved === undefined) delete process.env.KOMPASS_CHROMIUM;
      else process.env.KOMPASS_CHROMIUM = saved;
    }
  });
});
