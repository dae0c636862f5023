import { runKompass } from "../support/cli.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "../../src/db/client.server.ts";
import { findResults } from "../../src/db/repositories/results.server.ts";
import { prepareDatabase } from "../../src/services/bootstrap.server.ts";

const folder = mkdtempSync(join(tmpdir(), "kompass-lock-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const cli = (args: string[]) => runKompass({ KOMPASS_DATA_DIR: folder, DATABASE_URL: "" }, args);

describe("one process per PGlite data folder", () => {
  it("refuses a second process with the folder and the holder named, and the first loses nothing", async () => {
    const first = await openPglite(folder);
    await prepareDatabase(first, { demo: true });
    expect(await findResults(first.db, { municipalityCode: "1880" })).toHaveLength(3);

    const second = cli(["setup"]);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(folder);
    expect(second.stderr).toContain(`process ${process.pid}`);

    // The first process still works and keeps what it had.
    expect(await findResults(first.db, { municipalityCode: "1880" })).toHaveLength(3);
    await first.close();

    // Released: a later process opens it and finds everything committed.
    const later = cli(["instrument", "list"]);
    expect(later.status, later.stderr).toBe(0);
    const reopened = await openPglite(folder);
    expect(await findResults(reopened.db, { municipalityCode: "1880" })).toHaveLength(3);
    await reopened.close();
  });

  it("takes over a lock left by a process that has died", async () => {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      join(folder, "kompass.lock"),
      JSON.stringify({ pid: 2 ** 22 + 12345, command: "gone", startedAt: "2026-01-01T00:00:00Z" }),
    );
    const database = await openPglite(folder);
    await database.close();
  });
});
