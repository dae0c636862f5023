import { projectRoot } from "../../projectRoot.server.ts";
import { readFileSync, readdirSync } from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server.ts";
import { counties, groupingGroups, groupings, municipalities, municipalityGroups } from "../../db/schema.server.ts";
import { problemsFromZod, ValidationError, type Problem } from "../errors.ts";
import { loadInstrumentDefinition } from "../instruments/loadInstrumentDefinition.server.ts";
import { changePublicData } from "../../db/dataVersion.server.ts";
import { controlCharacterWords, hasControlCharacters, plainText } from "../../domain/text.ts";

/** Shipped reference data: counties, the 290 municipalities, SKL's 2011 groups, instrument versions. */
export const referenceFolder = `${projectRoot}/reference/`;

const readCsv = (text: string) =>
  parseCsv(text.replace(/^\uFEFF/, ""), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];

export async function loadReferenceData(db: Db): Promise<void> {
  const countyRows = readCsv(readFileSync(`${referenceFolder}counties.csv`, "utf8"));
  const municipalityRows = readCsv(readFileSync(`${referenceFolder}municipalities.csv`, "utf8"));
  await changePublicData(db, async (tx) => {
    await tx
      .insert(counties)
      .values(countyRows.map((row) => ({ code: row.code!, name: row.name! })))
      .onConflictDoUpdate({ target: counties.code, set: { name: sql`excluded.name` } });
    await tx
      .insert(municipalities)
      .values(municipalityRows.map((row) => ({ code: row.code!, name: row.name!, countyCode: row.county_code! })))
      .onConflictDoUpdate({ target: municipalities.code, set: { name: sql`excluded.name`, countyCode: sql`excluded.county_code` } });
    await saveGrouping(tx, {
      key: "skl-2011",
      name: "SKL:s kommungruppsindelning 2011",
      validFrom: "2011-01-01",
      source: "SKL/SCB",
      rows: municipalityRows.map((row) => ({ municipality: row.code!, group: row.skl_group_2011!, name: row.skl_group_2011_name! })),
    });
  });
  for (const file of readdirSync(`${referenceFolder}instruments`)
    .filter((name) => name.endsWith(".json"))
    .sort()) {
    const definition = JSON.parse(readFileSync(`${referenceFolder}instruments/${file}`, "utf8")) as unknown;
    await loadInstrumentDefinition(db, { name: file, definition });
  }
}

interface GroupingInput {
  key: string;
  name: string;
  validFrom: string | null;
  source: string | null;
  rows: { municipality: string; group: string; name: string }[];
}

async function saveGrouping(tx: Tx, input: GroupingInput): Promise<void> {
  await tx
    .insert(groupings)
    .values({ key: input.key, name: input.name, validFrom: input.validFrom, source: input.source })
    .onConflictDoUpdate({ target: groupings.key, set: { name: input.name, validFrom: input.validFrom, source: input.source } });
  await tx.delete(municipalityGroups).where(sql`${municipalityGroups.groupingKey} = ${input.key}`);
  await tx.delete(groupingGroups).where(sql`${groupingGroups.groupingKey} = ${input.key}`);
  const groups = new Map(input.rows.map((row) => [row.group, row.name]));
  await tx.insert(groupingGroups).values([...groups].map(([code, name]) => ({ groupingKey: input.key, code, name })));
  await tx
    .insert(municipalityGroups)
    .values(input.rows.map((row) => ({ groupingKey: input.key, municipalityCode: row.municipality, groupCode: row.group })));
}

const groupingCsvRow = z.object({
  municipality: z.string().regex(/^\d{4}$/, "expected a four-digit municipality code"),
  group: plainText(undefined, controlCharacterWords).min(1, "expected a group code, such as B3"),
  group_name: plainText(undefined, controlCharacterWords).min(1, "expected the group's name"),
});

export interface LoadGroupingOptions {
  key: string;
  name: string;
  validFrom: string | null;
  source?: string | null;
  fileName: string;
  csvText: string;
}

/**
 * Loads a dated classification (e.g. SKR's 2017 groups) from CSV with the columns
 * municipality,group,group_name. All rows or none; every municipality must exist.
 */
export async function loadGroupingCsv(db: Db, options: LoadGroupingOptions): Promise<{ key: string; municipalities: number }> {
  const problems: Problem[] = [];
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(options.key))
    problems.push({ field: "key", message: "expected lower-case letters, digits and dashes, such as skr-2017" });
  for (const [field, value] of [
    ["name", options.name],
    ["source", options.source],
  ] as const)
    if (value && hasControlCharacters(value)) problems.push({ field, message: controlCharacterWords(value) });
  let rows: { record: Record<string, string>; info: { lines: number } }[] = [];
  try {
    rows = parseCsv(options.csvText.replace(/^\uFEFF/, ""), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof rows;
  } catch (error) {
    problems.push({ message: `not valid CSV: ${(error as Error).message}` });
  }
  const known = new Set((await db.select({ code: municipalities.code }).from(municipalities)).map((row) => row.code));
  const seen = new Set<string>();
  const valid: GroupingInput["rows"] = [];
  for (const { record, info } of rows) {
    const location = `line ${info.lines}`;
    const parsed = groupingCsvRow.safeParse(record);
    if (!parsed.success) {
      problems.push(...problemsFromZod(parsed.error.issues, { location }));
      continue;
    }
    const { municipality, group, group_name } = parsed.data;
    if (!known.has(municipality))
      problems.push({ location, field: "municipality", message: `no municipality has the code ${municipality}` });
    else if (seen.has(municipality)) problems.push({ location, field: "municipality", message: `${municipality} appears twice` });
    else valid.push({ municipality, group, name: group_name });
    seen.add(municipality);
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ message: "the file has no rows" });
  if (problems.length > 0) throw new ValidationError(`${options.fileName} was not loaded`, problems);
  await changePublicData(db, (tx) =>
    saveGrouping(tx, { key: options.key, name: options.name, validFrom: options.validFrom, source: options.source ?? null, rows: valid }),
  );
  return { key: options.key, municipalities: valid.length };
}
