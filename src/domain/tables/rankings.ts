import { z } from "zod";
import { instrumentKey, isoDate, municipalityCode, pick, year, type Column } from "./table.ts";

export const rankingEntrySchema = z.strictObject({
  rank: z.int().min(1).meta({ description: "Equal totals share a rank (1, 2, 2, 4) within the filtered list" }),
  municipality: municipalityCode,
  name: z.string(),
  year,
  date: isoDate,
  total: z.number().meta({ description: "As published, or derived (rounded half up) when none was published" }),
  totalPublished: z.boolean(),
  change: z.number().nullable().meta({
    description: "Exact points since the previous result of the same version; null when there is none or it is of another version",
  }),
  previousYear: year.nullable(),
  previousInstrument: instrumentKey
    .nullable()
    .meta({ description: "Version of the previous result; differs from the ranked version when change is null" }),
});

export type RankingEntry = z.infer<typeof rankingEntrySchema>;

export const rankingColumns: readonly Column<RankingEntry>[] = [
  { key: "rank", header: { sv: "Placering", en: "Rank" }, type: "integer", value: (e) => e.rank },
  { key: "municipality", header: { sv: "Kommunkod", en: "Municipality code" }, type: "code", value: (e) => e.municipality },
  { key: "name", header: { sv: "Kommun", en: "Municipality" }, type: "text", value: (e) => e.name },
  { key: "year", header: { sv: "År", en: "Year" }, type: "year", value: (e) => e.year },
  { key: "date", header: { sv: "Datum", en: "Date" }, type: "date", value: (e) => e.date },
  { key: "total", header: { sv: "Totalpoäng", en: "Total points" }, type: "points", value: (e) => e.total },
  { key: "total_published", header: { sv: "Publicerad total", en: "Total published" }, type: "boolean", value: (e) => e.totalPublished },
  { key: "change", header: { sv: "Förändring", en: "Change" }, type: "points", value: (e) => e.change },
  { key: "previous_year", header: { sv: "Föregående år", en: "Previous year" }, type: "year", value: (e) => e.previousYear },
  {
    key: "previous_instrument",
    header: { sv: "Föregående version", en: "Previous version" },
    type: "text",
    value: (e) => e.previousInstrument,
  },
];

/** What the rankings page shows, and the start page's top lists. */
export const rankingPageColumns = pick(rankingColumns, ["rank", "name", "year", "total", "change"]);
export const rankingTopColumns = pick(rankingColumns, ["name", "year", "total"]);
