import { prepareDataFolder, runKompass } from "../support/cli.ts";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXEMPELBY, PROVSTAD, TESTKOPING } from "../support/fictional.ts";

const folder = mkdtempSync(join(tmpdir(), "kompass-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// The CLI's database, prepared beforehand with the fictional municipalities the files name.
beforeAll(() => prepareDataFolder(join(folder, "data")));

const kompass = (...args: string[]) =>
  runKompass({ KOMPASS_DATA_DIR: join(folder, "data"), DATABASE_URL: "", KOMPASS_DEMO: "false" }, args);

describe("the kompass CLI", () => {
  it("refuses a malformed file with the record, field and reason, then imports a good one", () => {
    const bad = join(folder, "bad.ndjson");
    writeFileSync(
      bad,
      [
        `{"municipality":"${TESTKOPING.code}","instrument":"2010","year":2012,"total":600}`,
        `{"municipality":"${PROVSTAD.code}","instrument":"2010","year":2012,"subareas":{"1.1":16}}`,
        `{"municipality":"${EXEMPELBY.code}","instrument":"2010","year":2012,"total":"6OO"}`,
      ].join("\n"),
    );
    const refused = kompass("import", bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("refused, nothing from it was stored. 2 problems");
    expect(refused.stderr).toContain("line 2, field subareas.1.1: must be between 0 and 15, got 16");
    expect(refused.stderr).toContain('line 3, field total: expected a decimal number with a point, such as 15.51; got "6OO"');

    const good = join(folder, "good.csv");
    writeFileSync(good, `municipality,instrument,year,total\n${TESTKOPING.code},2010,2012,600\n`);
    const imported = kompass("import", good);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toContain("1 result: 1 new, 0 updated, 0 unchanged.");
    expect(imported.status).toBe(0);
  });

  it("explains its usage and refuses unknown commands", () => {
    expect(kompass("help").stdout).toContain("Usage: kompass");
    const unknown = kompass("frobnicate");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(kompass("import", join(folder, "missing.json")).stderr).toContain("no such file");
  });
});
