/** Reference data: instrument versions, counties, municipalities and their groupings. */
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { stampedAt } from "./columns.server.ts";

/** Points are stored as numeric without scale: exactly what was given, never a float. */
const pointsColumn = (name: string) => numeric(name);

export const instrumentVersions = pgTable("instrument_versions", {
  key: text("key").primaryKey(),
  name: text("name").notNull(),
  description: text("description"),
  createdAt: stampedAt("created_at"),
  updatedAt: stampedAt("updated_at"),
});

export const instrumentAreas = pgTable(
  "instrument_areas",
  {
    instrumentKey: instrumentRef(),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    role: text("role"),
    rubricHeadings: jsonb("rubric_headings").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    maxPoints: pointsColumn("max_points").notNull(),
  },
  (t) => [primaryKey({ columns: [t.instrumentKey, t.number] })],
);

export const instrumentSubareas = pgTable(
  "instrument_subareas",
  {
    instrumentKey: text("instrument_key").notNull(),
    id: text("id").notNull(),
    areaNumber: integer("area_number").notNull(),
    position: integer("position").notNull(),
    question: text("question").notNull(),
    maxPoints: pointsColumn("max_points").notNull(),
  },
  (t) => [primaryKey({ columns: [t.instrumentKey, t.id] })],
);

export const instrumentQuestions = pgTable(
  "instrument_questions",
  {
    instrumentKey: text("instrument_key").notNull(),
    subareaId: text("subarea_id").notNull(),
    id: text("id").notNull(),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    maxPoints: pointsColumn("max_points"),
  },
  (t) => [primaryKey({ columns: [t.instrumentKey, t.id] })],
);

export const counties = pgTable("counties", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
});

export const municipalities = pgTable("municipalities", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  officialName: text("official_name"),
  countyCode: text("county_code")
    .notNull()
    .references(() => counties.code),
  /**
   * A made-up municipality for practice (the demo's practice case): evaluators and contacts can
   * work in it, but the public never sees it and its evaluations are never published, so that
   * practice points are never shown as a real municipality's result.
   */
  practice: boolean("practice").notNull().default(false),
});

/** A dated classification of municipalities, such as SKL's 2011 groups. */
export const groupings = pgTable("groupings", {
  key: text("key").primaryKey(),
  name: text("name").notNull(),
  validFrom: date("valid_from", { mode: "string" }),
  source: text("source"),
});

export const groupingGroups = pgTable(
  "grouping_groups",
  {
    groupingKey: text("grouping_key")
      .notNull()
      .references(() => groupings.key),
    code: text("code").notNull(),
    name: text("name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupingKey, t.code] })],
);

export const municipalityGroups = pgTable(
  "municipality_groups",
  {
    groupingKey: text("grouping_key")
      .notNull()
      .references(() => groupings.key),
    municipalityCode: municipalityRef(),
    groupCode: text("group_code").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.groupingKey, t.municipalityCode] }),
    index("municipality_groups_group_idx").on(t.groupingKey, t.groupCode),
  ],
);

/** The municipality a row is about (by its code). */
export function municipalityRef() {
  return text("municipality_code")
    .notNull()
    .references(() => municipalities.code);
}

/** The instrument version a row follows (by its key). */
export function instrumentRef() {
  return text("instrument_key")
    .notNull()
    .references(() => instrumentVersions.key);
}
