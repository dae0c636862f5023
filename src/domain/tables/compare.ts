import { z } from "zod";
import { instrumentKey, municipalityCode, year, type Column } from "./table.ts";

export const comparisonSchema = z.strictObject({
  mixedVersions: z.boolean().meta({ description: "The results are of different instrument versions: areas meet by number only" }),
  evaluations: z.array(
    z.strictObject({
      municipality: municipalityCode,
      name: z.string(),
      year,
      instrument: instrumentKey,
      page: z.string().meta({ description: "The evaluation page" }),
    }),
  ),
  areas: z.array(
    z.strictObject({
      number: z.int(),
      name: z.string().nullable().meta({ description: "null when the versions differ" }),
      points: z.array(z.number().nullable()).meta({ description: "One per evaluation, in their order" }),
    }),
  ),
  totals: z.array(z.number().nullable()),
});

export type ComparisonJson = z.infer<typeof comparisonSchema>;

/** A row of the table form: one per area number, and the totals. */
export interface ComparisonRow {
  area: number | "total";
  name: string | null;
  points: readonly (number | null)[];
}

/**
 * The comparison as the API answers it, from what the comparison service found: the evaluations
 * compared and the table of their points by area number. The page draws the same, so both read
 * their columns from comparisonColumns.
 */
export function comparisonJson(
  compared: readonly { code: string; name: string; year: number; instrument: string; path: string }[],
  table: { mixed: boolean; rows: readonly { number: number; name: string | null; values: (number | null)[] }[]; totals: (number | null)[] },
): ComparisonJson {
  return {
    mixedVersions: table.mixed,
    evaluations: compared.map((c) => ({ municipality: c.code, name: c.name, year: c.year, instrument: c.instrument, page: c.path })),
    areas: table.rows.map((row) => ({ number: row.number, name: row.name, points: row.values })),
    totals: table.totals,
  };
}

export function comparisonRows(comparison: ComparisonJson): ComparisonRow[] {
  return [
    ...comparison.areas.map((a) => ({ area: a.number, name: a.name, points: a.points })),
    { area: "total" as const, name: null, points: comparison.totals },
  ];
}

const fixed: readonly Column<ComparisonRow>[] = [
  { key: "area", header: { sv: "Område", en: "Area" }, type: "integer", labels: "downloads.area", value: (r) => r.area },
  { key: "name", header: { sv: "Namn", en: "Name" }, type: "text", value: (r) => r.name },
];

/** The columns depend on what is compared: one of points per evaluation, named `CODE YEAR (VERSION)`. */
export function comparisonColumns(evaluations: ComparisonJson["evaluations"]): Column<ComparisonRow>[] {
  return [
    ...fixed,
    ...evaluations.map(
      (e, i): Column<ComparisonRow> => ({
        key: `${e.municipality} ${e.year} (${e.instrument})`,
        header: { sv: `${e.name} ${e.year}`, en: `${e.name} ${e.year}` },
        type: "points",
        value: (r) => r.points[i] ?? null,
      }),
    ),
  ];
}
comparisonColumns.fixed = fixed;
comparisonColumns.note = "then one column of points per compared evaluation, named `CODE YEAR (VERSION)`";
