import { sql } from "drizzle-orm";
import { customType, index, integer, pgTable, serial, text } from "drizzle-orm/pg-core";
import { evaluationRef } from "./evaluations.server.ts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The search index: one row per paragraph, list item or good example of every published
 * evaluation's latest published revision (src/services/search/indexEvaluation.ts keeps it).
 * Municipality, county, instrument and year are copied in so that filters need no joins.
 */
export const searchPassages = pgTable(
  "search_passages",
  {
    id: serial("id").primaryKey(),
    evaluationId: evaluationRef(),
    municipalityCode: text("municipality_code").notNull(),
    municipalityName: text("municipality_name").notNull(),
    countyCode: text("county_code").notNull(),
    /** The municipality's group in SKL's 2011 grouping (the group filter), when it has one. */
    groupCode: text("group_code"),
    instrumentKey: text("instrument_key").notNull(),
    year: integer("year").notNull(),
    areaNumber: integer("area_number"),
    subareaId: text("subarea_id"),
    /** summary | area_text | subarea_text | strength | improvement | good_example */
    kind: text("kind").notNull(),
    anchor: text("anchor").notNull(),
    position: integer("position").notNull(),
    body: text("body").notNull(),
    exampleMunicipalityCode: text("example_municipality_code"),
    exampleMunicipalityName: text("example_municipality_name"),
    /**
     * The text weighs most; a good example is also found by the named municipality (B) and every
     * passage by its own municipality's name (D), so "medborgardialog örebro" narrows down. The
     * filters are lexemes too ("=county:18", see facetQuery in src/domain/search.ts): a common word
     * with a narrow filter is then narrowed inside the index, not row by row. They start with "=",
     * which no searched word does, so they never match the visitor's words.
     */
    document: tsvector("document")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('swedish'::regconfig, body), 'A') || setweight(to_tsvector('swedish'::regconfig, coalesce(example_municipality_name, '')), 'B') || setweight(to_tsvector('swedish'::regconfig, municipality_name), 'D') || array_to_tsvector(array_remove(array['=county:' || county_code, '=group:' || group_code, '=instrument:' || instrument_key, '=area:' || area_number::text], null))`,
      ),
  },
  (t) => [
    // No pending list: PGlite has no autovacuum to merge it, and a long one slows every search.
    // Passages are written only at publication, so slower inserts cost nothing that matters.
    index("search_passages_document_idx").using("gin", t.document).with({ fastupdate: false }),
    index("search_passages_evaluation_idx").on(t.evaluationId),
    // The search ranks only the most recent matches of a common word: walked newest first.
    index("search_passages_recent_idx").on(t.year, t.id),
  ],
);
