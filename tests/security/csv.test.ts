import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleApiRequest } from "../../src/api/router.server.ts";
import { agreedScores, evaluations, evaluationTexts, interviews, scoreSubmissions } from "../../src/db/schema.server.ts";
import { defuseFormula, toCsv } from "../../src/domain/tables/csv.ts";
import { transitionEvaluation } from "../../src/services/evaluations/transitionEvaluation.server.ts";
import { importResults } from "../../src/services/results/importResults.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { PROVSTAD } from "../support/fictional.ts";
import { createCast, createTestEvaluation, type Cast } from "../support/workspace.ts";

/** What a spreadsheet runs as a formula when a cell starts with it (OWASP, and Numbers' full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NUMBER = /^[+-]?\d+([.,]\d+)?([eE][+-]?\d+)?$/;
const readCsv = (text: string) => parse(text, { relax_column_count: false }) as string[][];
/** RFC 4180's shape, whatever a reader guesses: outside quoted cells, only CRLF ends a line, and nothing else breaks one. */
const isRfc4180 = (text: string) => /^([^\r\n"]*\r\n)*$/.test(text.replace(/"(?:[^"]|"")*"/g, ""));

describe("the CSV writer", () => {
  it("writes RFC 4180 with CRLF, a header row and quotes only where needed", () => {
    const csv = toCsv(
      ["a", "b", "c", "d"],
      [
        ["x", 'med "citat", och komma', "rad\nbrytning", null],
        [1.5, true, undefined, 0],
      ],
    );
    expect(csv).toBe('a,b,c,d\r\nx,"med ""citat"", och komma","rad\nbrytning",\r\n1.5,true,,0\r\n');
    expect(toCsv(["a", "b"], [])).toBe("a,b\r\n");
  });

  it("defuses formulas but keeps numbers, also negative ones and with a decimal comma", () => {
    const cells = ['=HYPERLINK("https://evil.example","x")', "+1+1", "-1+1", "@SUM(A1)", "\tx", "\rx", "＝1", "- en punkt"];
    const numbers = ["-3", "-1.5", "-2,5", "+4", "-1e-7", "0", "12"];
    const [, row] = readCsv(
      toCsv(
        [...cells, ...numbers].map((_, i) => `c${i}`),
        [[...cells, ...numbers]],
      ),
    );
    expect(row).toEqual([...cells.map((c) => `'${c}`), ...numbers]);
    expect(readCsv(toCsv(["n"], [[-3], [-1.5], [-1e-7]])).slice(1)).toEqual([["-3"], ["-1.5"], ["-1e-7"]]);
    // Already defused text is left as it is (the writer may be given a cell twice).
    expect(defuseFormula("'=1+2")).toBe("'=1+2");
  });

  const anyText = fc.string({ unit: "binary", maxLength: 40 });
  const formulaText = fc.tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\uFF1D"), anyText).map(([a, b]) => a + b);
  const cellText = fc.oneof(anyText, formulaText, fc.constantFrom("", '"', ",", "\r\n", "'", "-3", "-2,5"));
  const table = fc.integer({ min: 2, max: 5 }).chain((width) =>
    fc.record({
      columns: fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: width, maxLength: width }),
      rows: fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { maxLength: 6 }),
    }),
  );

  it("round-trips any text through csv-parse, changed only by the apostrophe before a formula", () => {
    fc.assert(
      fc.property(table, ({ columns, rows }) => {
        const csv = toCsv(columns, rows);
        expect(isRfc4180(csv)).toBe(true);
        const parsed = readCsv(csv);
        expect(parsed[0]).toEqual(columns);
        expect(parsed.slice(1)).toEqual(
          rows.map((row) => row.map((cell) => (FORMULA_START.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell))),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("never writes a cell that starts with a formula character, unless it is a number", () => {
    const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(table, fc.array(number, { minLength: 1, maxLength: 5 }), ({ columns, rows }, numbers) => {
        const parsed = readCsv(toCsv([...columns, ...numbers.map((_, i) => `n${i}`)], [...rows.map((r) => [...r, ...numbers])]));
        for (const cell of parsed.flat()) expect(!FORMULA_START.test(cell) || NUMBER.test(cell)).toBe(true);
        // Numbers stay numbers: what JavaScript writes for them, without an apostrophe.
        for (const row of parsed.slice(1)) expect(row.slice(columns.length)).toEqual(numbers.map(String));
      }),
      { numRuns: 500 },
    );
  });
});

// Syntetiska testdata: a published text and an imported source written as an attacker would.
const ATTACK = '=HYPERLINK("https://evil.example","Syntetiska testdata om medborgardialog")';

describe.each(testDatabaseKinds())("open-data CSV with hostile text on %s", (kind) => {
  let database: TestDatabase;
  let cast: Cast;
  const get = (path: string) => handleApiRequest(database.db, new Request(`http://x/api/v1/${path}`));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    cast = await createCast(database.db);
    // The fictional Testköping (county 04) 2017, published the ordinary way, with the attack as a strength.
    const id = await createTestEvaluation(database.db, cast);
    const version = async () =>
      (await database.db.select({ v: evaluations.version }).from(evaluations).where(eq(evaluations.id, id)))[0]!.v;
    const move = async (to: string) => transitionEvaluation(database.db, cast.admin, id, { to, version: await version() });
    await move("preparation");
    await database.db.insert(interviews).values({ evaluationId: id, groupKind: "politicians", title: "KSAU" });
    await move("visit");
    await move("scoring");
    await database.db.insert(scoreSubmissions).values([cast.eva, cast.per].map((u) => ({ evaluationId: id, userId: u.id })));
    await move("agreement");
    await database.db
      .insert(agreedScores)
      .values([1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ evaluationId: id, itemId: String(n), points: "60" })));
    await move("review");
    await database.db.insert(evaluationTexts).values([
      { evaluationId: id, key: "summary.evaluation", body: "Syntetiska testdata." },
      { evaluationId: id, key: "area.3.strengths", body: ATTACK },
    ]);
    await move("published");
    // A synthetic result of the fictional Provstad whose source is the attack.
    await importResults(database.db, {
      name: "attack.ndjson",
      text: `${JSON.stringify({ municipality: PROVSTAD.code, instrument: "2016", year: 2019, total: "433.5", source: ATTACK })}\n`,
    });
  });
  afterAll(() => database.dispose());

  it("defuses a published text in search.csv", async () => {
    const text = await (await get("search.csv?q=medborgardialog&county=04")).text();
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.text)).toContain(`'${ATTACK}`);
    expect(text).not.toMatch(/(^|,|\n)=HYPERLINK/);
  });

  it("defuses an imported source in results.csv and the municipality's results", async () => {
    for (const path of ["results.csv?instrument=2016", `municipalities/${PROVSTAD.code}/results.csv`]) {
      const text = await (await get(path)).text();
      const rows = parse(text, { columns: true }) as Record<string, string>[];
      expect(rows.find((r) => r.municipality === PROVSTAD.code && r.year === "2019")?.source).toBe(`'${ATTACK}`);
      expect(text).not.toMatch(/(^|,|\n)"?=HYPERLINK/);
    }
  });
});
