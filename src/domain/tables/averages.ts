import { z } from "zod";
import { instrumentKey, isoDate, municipalityCode, year, type Column } from "./table.ts";

export const averagesSchema = z.strictObject({
  instrument: instrumentKey,
  latest: z.int(),
  before: z.iso.date().nullable(),
  count: z.int().meta({ description: "How many results were averaged (at most latest)" }),
  areas: z.record(z.string(), z.number()).meta({ description: "Area number → average points, rounded half up to two decimals" }),
  total: z.number().nullable(),
  results: z
    .array(z.strictObject({ municipality: municipalityCode, name: z.string(), year, date: isoDate }))
    .meta({ description: "The results averaged" }),
});

export type Averages = z.infer<typeof averagesSchema>;

/** A row of the table form: one per area, and the total. */
export interface AverageRow {
  area: string;
  average: number | null;
}

export function averageRows(averages: Averages): AverageRow[] {
  return [...Object.entries(averages.areas).map(([area, average]) => ({ area, average })), { area: "total", average: averages.total }];
}

export const averageColumns: readonly Column<AverageRow>[] = [
  { key: "area", header: { sv: "Område", en: "Area" }, type: "text", labels: "downloads.area", value: (r) => r.area },
  { key: "average", header: { sv: "Medelvärde", en: "Average" }, type: "points", value: (r) => r.average },
];
