import { sql } from "drizzle-orm";
import { bigserial, date, index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, timestamp, unique } from "drizzle-orm/pg-core";
import type { FollowupBasis, FollowupEntry } from "../../domain/cycle/followup.ts";
import type { KeyFactsInput } from "../../domain/report/input.ts";
import { users } from "./auth.server.ts";
import { instrumentRef, municipalityRef } from "./reference.server.ts";
import { results } from "./results.server.ts";
import { bytea, stampedAt } from "./columns.server.ts";

/** planned → preparation → visit → scoring → agreement → review → published */
export const evaluations = pgTable(
  "evaluations",
  {
    id: serial("id").primaryKey(),
    municipalityCode: municipalityRef(),
    instrumentKey: instrumentRef(),
    year: integer("year").notNull(),
    status: text("status").notNull().default("planned"),
    visitStart: date("visit_start", { mode: "string" }),
    visitEnd: date("visit_end", { mode: "string" }),
    /** 1 until published; each correction after publication adds one. */
    revision: integer("revision").notNull().default(1),
    /** Optimistic concurrency for the evaluation's own fields and status. */
    version: integer("version").notNull().default(1),
    resultId: integer("result_id").references(() => results.id),
    createdBy: text("created_by").references(() => users.id),
    createdAt: stampedAt("created_at"),
    updatedAt: stampedAt("updated_at"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [unique("evaluations_municipality_instrument_year").on(t.municipalityCode, t.instrumentKey, t.year)],
);

/** The evaluation a row belongs to; the row goes with it. */
export const evaluationRef = () =>
  integer("evaluation_id")
    .notNull()
    .references(() => evaluations.id, { onDelete: "cascade" });

/** The team (evaluators) and the municipality's contacts of an evaluation. */
export const evaluationMembers = pgTable(
  "evaluation_members",
  {
    evaluationId: evaluationRef(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    /** evaluator | contact */
    role: text("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.userId] })],
);

/** Documents, links and notes (website, intranet) gathered for an evaluation. */
export const evidence = pgTable(
  "evidence",
  {
    id: serial("id").primaryKey(),
    evaluationId: evaluationRef(),
    /** document | link | note */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    url: text("url"),
    body: text("body"),
    fileName: text("file_name"),
    mediaType: text("media_type"),
    size: integer("size"),
    content: bytea("content"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: stampedAt("created_at"),
  },
  (t) => [index("evidence_evaluation_idx").on(t.evaluationId)],
);

/** An interview with a group during the visit. */
export const interviews = pgTable(
  "interviews",
  {
    id: serial("id").primaryKey(),
    evaluationId: evaluationRef(),
    /** politicians | officials | unions | companies | others */
    groupKind: text("group_kind").notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    participants: text("participants").notNull().default(""),
    participantCount: integer("participant_count"),
    notes: text("notes").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id),
    updatedAt: stampedAt("updated_at"),
  },
  (t) => [index("interviews_evaluation_idx").on(t.evaluationId)],
);

/** Which sub-areas a piece of evidence or an interview bears on. */
export const evidenceLinks = pgTable(
  "evidence_links",
  {
    evaluationId: evaluationRef(),
    /** evidence | interview */
    sourceKind: text("source_kind").notNull(),
    sourceId: integer("source_id").notNull(),
    subareaId: text("subarea_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sourceKind, t.sourceId, t.subareaId] }),
    index("evidence_links_evaluation_idx").on(t.evaluationId, t.subareaId),
  ],
);

/**
 * One evaluator's own points for a scorable item: a question ("1.2.3"), else a sub-area
 * ("1.2"), else an area ("1") when the version has no finer parts.
 */
export const scores = pgTable(
  "scores",
  {
    evaluationId: evaluationRef(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    itemId: text("item_id").notNull(),
    points: numeric("points"),
    justification: text("justification").notNull().default(""),
    version: integer("version").notNull().default(1),
    updatedAt: stampedAt("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.userId, t.itemId] })],
);

/** An evaluator has handed in their independent scoring: from then on they see the others'. */
export const scoreSubmissions = pgTable(
  "score_submissions",
  {
    evaluationId: evaluationRef(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    submittedAt: stampedAt("submitted_at"),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.userId] })],
);

/** The team's agreed points for an item, with the reason. */
export const agreedScores = pgTable(
  "agreed_scores",
  {
    evaluationId: evaluationRef(),
    itemId: text("item_id").notNull(),
    points: numeric("points").notNull(),
    reason: text("reason").notNull().default(""),
    version: integer("version").notNull().default(1),
    agreedBy: text("agreed_by").references(() => users.id),
    updatedAt: stampedAt("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.itemId] })],
);

/**
 * The report's texts, by key: "summary.evaluation", "area.3.general", "subarea.3.2",
 * "area.3.strengths" and "area.3.improvements" (one item per line, in order).
 */
export const evaluationTexts = pgTable(
  "evaluation_texts",
  {
    evaluationId: evaluationRef(),
    key: text("key").notNull(),
    body: text("body").notNull().default(""),
    version: integer("version").notNull().default(1),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: stampedAt("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.key] })],
);

/** Key facts about the municipality for report section 5, entered on the evaluation. */
export const evaluationKeyFacts = pgTable("evaluation_key_facts", {
  evaluationId: integer("evaluation_id")
    .primaryKey()
    .references(() => evaluations.id, { onDelete: "cascade" }),
  population: integer("population"),
  populationChange: integer("population_change"),
  populationChangePeriod: text("population_change_period"),
  employees: integer("employees"),
  rulingParties: text("ruling_parties"),
  version: integer("version").notNull().default(1),
  updatedBy: text("updated_by").references(() => users.id),
  updatedAt: stampedAt("updated_at"),
});

/** Other municipalities named as good examples in an area. */
export const goodExamples = pgTable(
  "good_examples",
  {
    id: serial("id").primaryKey(),
    evaluationId: evaluationRef(),
    areaNumber: integer("area_number").notNull(),
    municipalityCode: municipalityRef(),
    sentence: text("sentence").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("good_examples_evaluation_idx").on(t.evaluationId, t.areaNumber)],
);

/** Frozen states of a published evaluation: revision 1 at publication, one more per correction. */
export const evaluationRevisions = pgTable(
  "evaluation_revisions",
  {
    id: serial("id").primaryKey(),
    evaluationId: evaluationRef(),
    revision: integer("revision").notNull(),
    reason: text("reason").notNull(),
    /** Empty ({}) until the revision is published. */
    snapshot: jsonb("snapshot").$type<EvaluationSnapshot | Record<string, never>>().notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: stampedAt("created_at"),
  },
  (t) => [unique("evaluation_revisions_number").on(t.evaluationId, t.revision)],
);

/** Append-only: a trigger refuses updates and deletes (see the migration). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    evaluationId: integer("evaluation_id").references(() => evaluations.id),
    actorId: text("actor_id"),
    actorName: text("actor_name").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    action: text("action").notNull(),
    target: text("target").notNull().default(""),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("audit_log_evaluation_idx").on(t.evaluationId, t.id)],
);

/** What a revision freezes at publication: the published evaluation as readers see it. */
export interface EvaluationSnapshot {
  revision: number;
  publishedAt: string;
  agreed: Record<string, { points: string; reason: string }>;
  texts: Record<string, string>;
  goodExamples: { areaNumber: number; municipalityCode: string; sentence: string }[];
  evaluators: string[];
  /** Report section 5 as entered at publication (absent in revisions frozen before it existed). */
  keyFacts?: KeyFactsInput;
  /** Report section "Sedan förra utvärderingen": the earlier improvement opportunities as the team marked them (absent before issue 13). */
  followup?: { basis: FollowupBasis; entries: FollowupEntry[] };
}
