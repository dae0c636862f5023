import { z } from "zod";
import { instrumentKey, isoDate, municipalityCode, year, type Column } from "./table.ts";

const day = z.iso.date();

export const trendPointSchema = z.strictObject({
  municipality: municipalityCode,
  name: z.string(),
  instrument: instrumentKey,
  year,
  date: isoDate,
  plotDate: day.meta({ description: "Where the chart places the figure: its date, or 1 July of its year when the date is not known" }),
  value: z.number().meta({ description: "Total or area points: as published, or derived (rounded half up) when none was published" }),
  published: z.boolean().meta({ description: "The figure was published as such (false: derived from finer figures)" }),
  source: z.string().nullable(),
  page: z.string().meta({ description: "The evaluation page" }),
});

export const trendSchema = z.strictObject({
  measure: z.strictObject({
    key: z.string().meta({ description: '"total", or version:area such as "2010:3"', example: "total" }),
    instrument: instrumentKey.nullable().meta({ description: "The version of an area; null for the total, which spans versions" }),
    area: z.int().nullable(),
    areaName: z.string().nullable(),
    max: z.number().meta({ description: "Most points the measure can have" }),
  }),
  municipalities: z.array(
    z.strictObject({
      municipality: municipalityCode,
      name: z.string(),
      count: z.int().meta({ description: "How many of its results have the measure" }),
    }),
  ),
  periods: z.array(z.strictObject({ instrument: instrumentKey, name: z.string(), from: day, to: day })).meta({
    description:
      "When each version shown was in use: 1 January of the first to 31 December of the last year in which any municipality has a result of it",
  }),
  averages: z
    .array(
      z.strictObject({
        instrument: instrumentKey,
        count: z.int().meta({ description: "How many results of the version (every evaluation, of every municipality) have the measure" }),
        average: z
          .number()
          .nullable()
          .meta({ description: "Their average, rounded half up to two decimals; null when fewer than three have the measure" }),
      }),
    )
    .meta({ description: "Per version shown: the average of every evaluation with that version, the reference line of the chart" }),
  points: z.array(trendPointSchema).meta({ description: "The municipalities' figures, in the order they were chosen, oldest first" }),
});

export type TrendJson = z.infer<typeof trendSchema>;
export type TrendPoint = z.infer<typeof trendPointSchema>;

/** A row of the table form: a municipality's figure with its version's average beside it. */
export interface TrendRow extends TrendPoint {
  average: number | null;
  averageCount: number;
}

export function trendRows(trend: TrendJson): TrendRow[] {
  return trend.points.map((point) => {
    const found = trend.averages.find((a) => a.instrument === point.instrument);
    return { ...point, average: found?.average ?? null, averageCount: found?.count ?? 0 };
  });
}

export const trendColumns: readonly Column<TrendRow>[] = [
  { key: "municipality", header: { sv: "Kommunkod", en: "Municipality code" }, type: "code", value: (r) => r.municipality },
  { key: "name", header: { sv: "Kommun", en: "Municipality" }, type: "text", value: (r) => r.name },
  { key: "year", header: { sv: "År", en: "Year" }, type: "year", value: (r) => r.year },
  { key: "date", header: { sv: "Datum", en: "Date" }, type: "date", value: (r) => r.date },
  { key: "plot_date", header: { sv: "Datum i diagrammet", en: "Date in the chart" }, type: "date", value: (r) => r.plotDate },
  { key: "instrument", header: { sv: "Version", en: "Version" }, type: "text", value: (r) => r.instrument },
  { key: "value", header: { sv: "Poäng", en: "Points" }, type: "points", value: (r) => r.value },
  { key: "published", header: { sv: "Publicerad siffra", en: "Figure published" }, type: "boolean", value: (r) => r.published },
  { key: "version_average", header: { sv: "Versionens medelvärde", en: "Version's average" }, type: "points", value: (r) => r.average },
  {
    key: "version_average_count",
    header: { sv: "Antal i medelvärdet", en: "Count in the average" },
    type: "integer",
    value: (r) => r.averageCount,
  },
  { key: "source", header: { sv: "Källa", en: "Source" }, type: "text", value: (r) => r.source },
];
