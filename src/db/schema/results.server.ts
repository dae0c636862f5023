/** Published results, their points and earlier revisions. */
import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, unique } from "drizzle-orm/pg-core";
import { instrumentRef, municipalityRef } from "./reference.server.ts";
import { stampedAt } from "./columns.server.ts";

/** Points are stored as numeric without scale: exactly what was given, never a float. */
const pointsColumn = (name: string) => numeric(name);

export const results = pgTable(
  "results",
  {
    id: serial("id").primaryKey(),
    municipalityCode: municipalityRef(),
    instrumentKey: instrumentRef(),
    year: integer("year").notNull(),
    date: date("date", { mode: "string" }),
    source: text("source"),
    level: text("level").$type<"subarea" | "area" | "total">().notNull(),
    /** The total as published, or null when none was. */
    publishedTotal: pointsColumn("published_total"),
    /** The total derived from complete finer figures (rounded), kept for ranking and checks. */
    derivedTotal: pointsColumn("derived_total"),
    createdAt: stampedAt("created_at"),
    updatedAt: stampedAt("updated_at"),
  },
  (t) => [
    unique("results_municipality_instrument_year").on(t.municipalityCode, t.instrumentKey, t.year),
    index("results_instrument_idx").on(t.instrumentKey, t.year),
    check("results_year_range", sql`${t.year} between 1990 and 2100`),
  ],
);

export const resultAreaPoints = pgTable(
  "result_area_points",
  {
    resultId: integer("result_id")
      .notNull()
      .references(() => results.id, { onDelete: "cascade" }),
    areaNumber: integer("area_number").notNull(),
    points: pointsColumn("points").notNull(),
  },
  (t) => [primaryKey({ columns: [t.resultId, t.areaNumber] })],
);

export const resultSubareaPoints = pgTable(
  "result_subarea_points",
  {
    resultId: integer("result_id")
      .notNull()
      .references(() => results.id, { onDelete: "cascade" }),
    subareaId: text("subarea_id").notNull(),
    points: pointsColumn("points").notNull(),
  },
  (t) => [primaryKey({ columns: [t.resultId, t.subareaId] })],
);

/** Earlier values of a result, kept whenever a later import replaces them. */
export const resultRevisions = pgTable(
  "result_revisions",
  {
    id: serial("id").primaryKey(),
    resultId: integer("result_id")
      .notNull()
      .references(() => results.id, { onDelete: "cascade" }),
    replacedAt: stampedAt("replaced_at"),
    /** The replaced figures: { date, source, total, areas, subareas } with decimals as text. */
    snapshot: jsonb("snapshot").$type<ResultSnapshot>().notNull(),
  },
  (t) => [index("result_revisions_result_idx").on(t.resultId)],
);

export interface ResultSnapshot {
  date: string | null;
  source: string | null;
  total: string | null;
  areas: Record<string, string>;
  subareas: Record<string, string>;
  validFrom: string;
}
