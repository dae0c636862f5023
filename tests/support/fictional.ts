/**
 * Fictional municipalities, for tests and benchmarks that need results of their own.
 *
 * The rule (docs/decisions.md, "Real figures only"): never present an invented figure as a real
 * municipality's result, in the demo, the docs, a screenshot or a test. A result for one of the
 * 290 real municipalities (reference/municipalities.csv) is either real (the seeds'
 * Örebro 2010, 2012 and 2015, or a published result in tests/fixtures/published-results.json,
 * each with its source) or it does not exist. A test or benchmark that imports or publishes
 * figures of its own attaches them to a fictional municipality made here.
 *
 * Fictional municipalities are real rows, but only in a test's or a benchmark's database, never
 * in the shipped reference data: their codes (9001–9999) lie outside the real range (a real
 * code starts with its county's code, 01–25), and their names say what they are ("Fiktiva
 * Testköping", "Syntetisk kommun 001"). Each has a real county and a real group of SKL's 2011
 * grouping, so filters by county and group work on them as on real ones.
 *
 * tests/support/database.ts checks every test database as it is disposed: a result of a real
 * municipality whose figures are not the real ones fails the test file (inventedFigures).
 */
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/client.server.ts";
import { changePublicData } from "../../src/db/dataVersion.server.ts";
import { municipalities, municipalityGroups } from "../../src/db/schema.server.ts";

export interface FictionalMunicipality {
  code: string;
  name: string;
  countyCode: string;
  /** Its group in SKL's 2011 grouping (skl-2011), "1"–"10". */
  group: string;
}

/** A town in Södermanland, group "3. Större städer" (as Eskilstuna). */
export const TESTKOPING: FictionalMunicipality = { code: "9901", name: "Fiktiva Testköping", countyCode: "04", group: "3" };
/** A town in Västra Götaland, group "3. Större städer" (as Borås). */
export const PROVSTAD: FictionalMunicipality = { code: "9902", name: "Fiktiva Provstad", countyCode: "14", group: "3" };
/** A suburb in Stockholm's county, group "2. Förortskommuner till storstäderna". */
export const EXEMPELBY: FictionalMunicipality = { code: "9903", name: "Fiktiva Exempelby", countyCode: "01", group: "2" };

/** The named fictional municipalities, which most tests add. */
export const FICTIONAL: readonly FictionalMunicipality[] = [TESTKOPING, PROVSTAD, EXEMPELBY];

/** The real municipalities' codes, read from the shipped reference data. */
export const realMunicipalityCodes: ReadonlySet<string> = new Set(realRows().map((row) => row.code));

function realRows(): { code: string; countyCode: string; group: string }[] {
  const lines = readFileSync(new URL("../../reference/municipalities.csv", import.meta.url), "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  return lines.slice(1).map((line) => {
    const [code, , countyCode, group] = line.split(",").map((cell) => cell.trim());
    return { code: code!, countyCode: countyCode!, group: group! };
  });
}

/**
 * `count` synthetic municipalities, "Syntetisk kommun 001" with code 9001 and on (at most 899,
 * below the named ones' 99xx). The n-th has the county and group of the n-th real municipality
 * (cycling through the list), so a set of 290 is spread over counties and groups as Sweden is.
 */
export function syntheticMunicipalities(count: number, first = 1): FictionalMunicipality[] {
  const real = realRows();
  if (first < 1 || first + count - 1 > 899)
    throw new Error(`synthetic municipalities are numbered 1–899, not ${first}–${first + count - 1}`);
  return Array.from({ length: count }, (_, i) => {
    const n = first + i;
    const like = real[(n - 1) % real.length]!;
    const number = String(n).padStart(3, "0");
    return { code: `9${number}`, name: `Syntetisk kommun ${number}`, countyCode: like.countyCode, group: like.group };
  });
}

type Codes<N extends number, T extends string[] = []> = T["length"] extends N ? T : Codes<N, [...T, string]>;

/** The codes of syntheticMunicipalities(count), typed for destructuring: `const [a, b] = syntheticCodes(2)`. */
export function syntheticCodes<N extends number>(count: N): Codes<N> {
  return syntheticMunicipalities(count).map((m) => m.code) as Codes<N>;
}

/**
 * Adds fictional municipalities to a test's or a benchmark's database (again: no change). A real
 * code is refused, so that no test can give a real municipality a fictional name or figures.
 */
export async function addFictionalMunicipalities(db: Db, list: readonly FictionalMunicipality[] = FICTIONAL): Promise<void> {
  for (const municipality of list)
    if (realMunicipalityCodes.has(municipality.code) || !/^9\d{3}$/.test(municipality.code))
      throw new Error(`${municipality.code} is not a fictional code (9001–9999)`);
  await changePublicData(db, async (tx) => {
    // In slices: PostgreSQL takes at most 65,535 parameters in one statement.
    for (let start = 0; start < list.length; start += 1000) {
      const slice = list.slice(start, start + 1000);
      await tx
        .insert(municipalities)
        .values(slice.map(({ code, name, countyCode }) => ({ code, name, countyCode })))
        .onConflictDoNothing();
      await tx
        .insert(municipalityGroups)
        .values(slice.map(({ code, group }) => ({ groupingKey: "skl-2011", municipalityCode: code, groupCode: group })))
        .onConflictDoNothing();
    }
  });
}

/** True for a code this module hands out (9001–9999), which no real municipality has. */
export function isFictionalCode(code: string): boolean {
  return /^9\d{3}$/.test(code) && !realMunicipalityCodes.has(code);
}

/** How many fictional municipalities a database holds (for tests that count municipalities). */
export async function countFictional(db: Db): Promise<number> {
  const { rows } = (await db.execute(sql`select count(*)::int as n from municipalities where code like '9%'`)) as unknown as {
    rows: { n: number }[];
  };
  return rows[0]!.n;
}
