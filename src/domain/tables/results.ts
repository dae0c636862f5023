import { z } from "zod";
import { instrumentKey, isoDate, municipalityCode, pick, year, type Column } from "./table.ts";

export const warningSchema = z.strictObject({
  code: z.string(),
  field: z.string().meta({ description: '"total" or "areas.N"' }),
  message: z.string().meta({ description: "In Swedish" }),
  published: z.number().optional(),
  derived: z.number().optional(),
  missing: z.array(z.string()).optional(),
});

export const resultSchema = z.strictObject({
  id: z.int(),
  municipality: municipalityCode,
  name: z.string(),
  instrument: instrumentKey,
  year,
  date: isoDate,
  level: z.enum(["subarea", "area", "total"]).meta({ description: "The finest level at which figures were given" }),
  total: z
    .number()
    .nullable()
    .meta({ description: "As published, or derived (rounded half up) when none was published; null when unknown" }),
  totalPublished: z.boolean(),
  areas: z
    .record(z.string(), z.number())
    .optional()
    .meta({ description: "Area number → points, as published or derived (rounded half up); absent when unknown" }),
  derivedAreas: z.array(z.string()).meta({ description: "Area numbers whose points are derived" }),
  subareas: z.record(z.string(), z.number()).optional().meta({ description: "Sub-area id → exact points as given" }),
  source: z.string().nullable(),
  warnings: z.array(warningSchema),
  updatedAt: z.iso.datetime(),
});

export type ResultView = z.infer<typeof resultSchema>;
export type WarningView = z.infer<typeof warningSchema>;

/** The files have one column per area of an eight-area instrument; areas outside it stay in the JSON. */
const AREA_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8];

export const resultColumns: readonly Column<ResultView>[] = [
  { key: "municipality", header: { sv: "Kommunkod", en: "Municipality code" }, type: "code", value: (r) => r.municipality },
  { key: "name", header: { sv: "Kommun", en: "Municipality" }, type: "text", value: (r) => r.name },
  { key: "instrument", header: { sv: "Version", en: "Version" }, type: "text", value: (r) => r.instrument },
  { key: "year", header: { sv: "År", en: "Year" }, type: "year", value: (r) => r.year },
  { key: "date", header: { sv: "Datum", en: "Date" }, type: "date", value: (r) => r.date },
  { key: "level", header: { sv: "Detaljnivå", en: "Level of detail" }, type: "text", labels: "level", value: (r) => r.level },
  { key: "total", header: { sv: "Totalpoäng", en: "Total points" }, type: "points", value: (r) => r.total },
  { key: "total_published", header: { sv: "Publicerad total", en: "Total published" }, type: "boolean", value: (r) => r.totalPublished },
  ...AREA_NUMBERS.map(
    (n): Column<ResultView> => ({
      key: `area${n}`,
      header: { sv: `Område ${n}`, en: `Area ${n}` },
      type: "points",
      value: (r) => r.areas?.[String(n)],
    }),
  ),
  { key: "source", header: { sv: "Källa", en: "Source" }, type: "text", value: (r) => r.source },
  {
    key: "warnings",
    header: { sv: "Varningar", en: "Warnings" },
    type: "text",
    value: (r) => r.warnings.map((w) => w.message).join(" | "),
  },
];

/** /resultat, and the start page's latest results. */
export const resultPageColumns = pick(resultColumns, ["name", "year", "instrument", "level", "total"]);
export const resultLatestColumns = pick(resultColumns, ["name", "year", "instrument", "total"]);
