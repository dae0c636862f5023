import { prepareDataFolder, runKompass } from "../support/cli.ts";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findResults } from "../../src/db/repositories/results.server.ts";
import { decodeWindows1252 } from "../../src/services/results/decodeResultFile.server.ts";
import { importResults } from "../../src/services/results/importResults.server.ts";
import { refusalOf } from "../support/errors.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { addFictionalMunicipalities, syntheticCodes, syntheticMunicipalities } from "../support/fictional.ts";
import { resultTableCounts } from "../support/fixtures.ts";

// Issue 11, item 10: files as Swedish Excel and editors write them. The figures are synthetic
// and say so in their source; the places named in it are made up, and the municipalities the
// figures belong to are fictional (tests/support/fictional.ts).
const SOURCE = "Syntetiska testdata – påhittade orter: Åsbo, Älvtorp och Ödeby";

/** Windows-1252 bytes: Latin-1 plus the few characters it puts at 0x80–0x9F (here the dash). */
function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { "–": 0x96, "€": 0x80, "’": 0x92 };
  return Uint8Array.from(text, (char) => {
    const code = special[char] ?? char.charCodeAt(0);
    if (code > 0xff) throw new Error(`no Windows-1252 byte for ${char}`);
    return code;
  });
}

const utf16le = (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`, "utf16le"));
const utf16be = (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`, "utf16le").swap16());
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

const rejection = refusalOf;
const synthetic = syntheticMunicipalities(9);
const [a, b, c, d, e, f, g, h, i] = syntheticCodes(9);

describe.each(testDatabaseKinds())("import encodings and separators on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await addFictionalMunicipalities(database.db, synthetic);
  });
  afterAll(() => database.dispose());

  const stored = async (code: string) => {
    const [result] = await findResults(database.db, { municipalityCode: code });
    return result!;
  };

  it("reads a Windows-1252 CSV (Excel's 'CSV (semikolonavgränsad)') with å, ä, ö and a decimal comma", async () => {
    const csv = `municipality;instrument;year;total;area1;source\r\n${a};2016;2017;;12,5;${SOURCE}\r\n`;
    const summary = await importResults(database.db, { name: "excel.csv", bytes: windows1252(csv) });
    expect(summary).toMatchObject({ records: 1, created: 1, encoding: "Windows-1252" });
    const result = await stored(a);
    expect(result.source).toBe(SOURCE);
    expect(result.figures.areas.get(1)!.toFixed()).toBe("12.5");
  });

  it("reads UTF-16LE with a BOM, separated by semicolons, with exact decimal-comma points", async () => {
    const csv = [
      "municipality;instrument;year;total;area1;area2;area8;source",
      `${b};2016;2017;433,75;12,5;67,25;0,05;${SOURCE}`,
      `${c};2016;2017;401;;;;${SOURCE}`,
      "",
    ].join("\r\n");
    const summary = await importResults(database.db, { name: "unicode.csv", bytes: utf16le(csv) });
    expect(summary).toMatchObject({ records: 2, created: 2, encoding: "UTF-16LE" });
    const result = await stored(b);
    expect(result.figures.total!.toFixed()).toBe("433.75");
    expect([...result.figures.areas].map(([area, value]) => [area, value.toFixed()])).toEqual([
      [1, "12.5"],
      [2, "67.25"],
      [8, "0.05"],
    ]);
    expect(result.source).toBe(SOURCE);
  });

  it("reads UTF-16BE with a BOM separated by tabs, and UTF-8 with and without a BOM", async () => {
    const tabbed = `municipality\tinstrument\tyear\ttotal\tsource\n${d}\t2016\t2017\t512,5\t${SOURCE}\n`;
    expect(await importResults(database.db, { name: "be.txt", bytes: utf16be(tabbed) })).toMatchObject({
      created: 1,
      encoding: "UTF-16BE",
    });
    expect((await stored(d)).figures.total!.toFixed()).toBe("512.5");

    const csv = `municipality,instrument,year,total,source\n${e},2016,2017,500.5,"${SOURCE}"\n`;
    const bom = await importResults(database.db, { name: "bom.csv", bytes: concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(csv)) });
    expect(bom).toMatchObject({ created: 1, encoding: "UTF-8 with BOM" });
    expect((await stored(e)).source).toBe(SOURCE);

    const json = JSON.stringify({ municipality: f, instrument: "2016", year: 2017, total: "401.5", source: SOURCE });
    expect(
      await importResults(database.db, { name: "bom.json", bytes: concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(json)) }),
    ).toMatchObject({
      created: 1,
    });
    expect(await importResults(database.db, { name: "plain.ndjson", bytes: utf8(json.replace(f, g)) })).toMatchObject({
      created: 1,
      encoding: "UTF-8",
    });
    expect((await stored(g)).source).toBe(SOURCE);
  });

  it("keeps a decimal comma an error in a comma-separated file, and names the separator of a header it cannot use", async () => {
    const comma = await rejection(
      importResults(database.db, { name: "c.csv", bytes: utf8(`municipality,instrument,year,total\n${h},2016,2017,"12,5"\n`) }),
    );
    expect(comma.problems[0]).toMatchObject({ location: "line 2", field: "total", message: expect.stringContaining("with a point") });
    const missing = await rejection(importResults(database.db, { name: "m.csv", bytes: utf8(`municipality;year;total\n${h};2017;1\n`) }));
    expect(missing.problems[0]).toMatchObject({ location: "line 1", message: expect.stringContaining("semicolons") });
  });

  it.each([
    [
      "UTF-16LE without a BOM",
      new Uint8Array(Buffer.from(`municipality;instrument;year;total\r\n${i};2016;2017;1\r\n`, "utf16le")),
      "UTF-16LE without a byte order mark",
      undefined,
    ],
    [
      "a UTF-8 BOM before Latin-1 bytes",
      concat(Uint8Array.of(0xef, 0xbb, 0xbf), windows1252(`municipality;instrument;year;source\n${i};2016;2017;${SOURCE}\n`)),
      "not valid UTF-8",
      "line 2",
    ],
    [
      "a UTF-16LE BOM before a lone surrogate",
      concat(utf16le(`municipality;instrument;year\n${i};2016;2017`), Uint8Array.of(0x00, 0xdc)),
      "not valid UTF-16LE",
      "line 2",
    ],
    ["an Excel workbook", Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00), "Excel workbook (.xlsx)", undefined],
    [
      "bytes that are neither UTF-8 nor Windows-1252",
      windows1252(`municipality;instrument;year;total\n${i};2016;2017;1\x81\n`),
      "neither UTF-8 nor Windows-1252",
      "line 2",
    ],
    ["UTF-32", Uint8Array.of(0xff, 0xfe, 0x00, 0x00, 0x6d, 0x00, 0x00, 0x00), "UTF-32", undefined],
  ])("refuses %s with a message naming the encoding, and stores nothing", async (_label, bytes, message, location) => {
    const before = await resultTableCounts(database.db);
    const error = await rejection(importResults(database.db, { name: "odd.csv", bytes }));
    expect(error.problems).toEqual([{ ...(location ? { location } : {}), message: expect.stringContaining(message) }]);
    expect(await resultTableCounts(database.db)).toEqual(before);
    expect(await findResults(database.db, { municipalityCode: i })).toHaveLength(0);
  });
});

it("reads Windows-1252's own characters at 0x80–0x9F, not Latin-1's control characters", () => {
  // Node's TextDecoder("windows-1252") gets these wrong since 20.18.3 (nodejs/node#60888).
  expect(decodeWindows1252(Uint8Array.of(0x80, 0x8a, 0x91, 0x92, 0x96, 0x97, 0x9f, 0xc5, 0xe4, 0xf6))).toBe("€Š‘’–—ŸÅäö");
  expect(decodeWindows1252(Uint8Array.of(0x81, 0x9d))).toBe("\u0081\u009D");
});

describe("the kompass CLI reads the file's bytes", () => {
  const folder = mkdtempSync(join(tmpdir(), "kompass-enc-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const kompass = (...args: string[]) =>
    runKompass({ KOMPASS_DATA_DIR: join(folder, "data"), DATABASE_URL: "", KOMPASS_DEMO: "false" }, args);
  beforeAll(() => prepareDataFolder(join(folder, "data"), synthetic));

  it("imports a Windows-1252 file, says how it read it, and refuses UTF-16 without a BOM", () => {
    const latin = join(folder, "excel.csv");
    writeFileSync(latin, windows1252(`municipality;instrument;year;total;source\r\n${a};2016;2017;12,5;${SOURCE}\r\n`));
    const utf16 = join(folder, "nobom.csv");
    writeFileSync(utf16, Buffer.from(`municipality;instrument;year;total\r\n${b};2016;2017;1\r\n`, "utf16le"));
    const run = kompass("import", latin, utf16);
    expect(run.stdout).toContain("excel.csv (read as Windows-1252): 1 result: 1 new");
    expect(run.stderr).toContain("nobom.csv: refused, nothing from it was stored.");
    expect(run.stderr).toContain("UTF-16LE without a byte order mark");
    expect(run.status).toBe(1);
  });
});
