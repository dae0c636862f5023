import { boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth.server.ts";
import { evaluationRef, evaluations } from "./evaluations.server.ts";
import { instrumentRef, municipalityRef } from "./reference.server.ts";
import { stampedAt } from "./columns.server.ts";

/**
 * The municipality's own cycle (issue 13): the written questionnaire before the visit, the action
 * plan after publication, and the evaluators' follow-up of the earlier improvement opportunities
 * at the next evaluation.
 */

/**
 * The questionnaire (självvärdering) of an instrument version, maintained as data by an
 * administrator. One item per question the municipality answers, tied to an area and, where the
 * version has them, a sub-area. An item with max points lets the municipality score itself.
 */
export const questionnaireItems = pgTable(
  "questionnaire_items",
  {
    instrumentKey: instrumentRef(),
    /** "1.4" (a sub-area's question), "3" (an area's), or the loaded file's own id ("1.4.a"). */
    itemId: text("item_id").notNull(),
    position: integer("position").notNull(),
    areaNumber: integer("area_number").notNull(),
    subareaId: text("subarea_id"),
    text: text("text").notNull(),
    /** Help for whoever answers: what the evaluators look for. */
    guidance: text("guidance").notNull().default(""),
    /** The municipality's own score runs 0–max; null: no own score on this item. */
    maxPoints: numeric("max_points"),
  },
  (t) => [primaryKey({ columns: [t.instrumentKey, t.itemId] })],
);

/** One evaluation's questionnaire: sent to the municipality when the evaluation enters preparation. */
export const questionnaires = pgTable("questionnaires", {
  evaluationId: integer("evaluation_id")
    .primaryKey()
    .references(() => evaluations.id, { onDelete: "cascade" }),
  /** The hand-in date the municipality is asked to meet (a Swedish calendar day). */
  dueDate: date("due_date", { mode: "string" }).notNull(),
  /** open | handed_in */
  status: text("status").notNull().default("open"),
  handedInAt: timestamp("handed_in_at", { withTimezone: true }),
  handedInBy: text("handed_in_by").references(() => users.id),
  /** After publication the municipality may show its own scores beside the agreed points. */
  gapPublished: boolean("gap_published").notNull().default(false),
  version: integer("version").notNull().default(1),
  createdAt: stampedAt("created_at"),
});

/** The municipality's answer to one questionnaire item, and who in the municipality answers it. */
export const questionnaireAnswers = pgTable(
  "questionnaire_answers",
  {
    evaluationId: evaluationRef(),
    itemId: text("item_id").notNull(),
    answer: text("answer").notNull().default(""),
    ownScore: numeric("own_score"),
    /** Web addresses, one per line. */
    links: text("links").notNull().default(""),
    /** Documents of this evaluation's evidence (evidence.id) the answer refers to. */
    evidenceIds: jsonb("evidence_ids").$type<number[]>().notNull().default([]),
    /** A colleague (municipality staff) the contact gave the item to; null: the contact's own. */
    assignedTo: text("assigned_to").references(() => users.id),
    version: integer("version").notNull().default(1),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: stampedAt("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.itemId] }), index("questionnaire_answers_assigned_idx").on(t.assignedTo)],
);

/** A published evaluation's action plan: whether the municipality has made it public. */
export const actionPlans = pgTable("action_plans", {
  evaluationId: integer("evaluation_id")
    .primaryKey()
    .references(() => evaluations.id, { onDelete: "cascade" }),
  published: boolean("published").notNull().default(false),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  version: integer("version").notNull().default(1),
  updatedBy: text("updated_by").references(() => users.id),
  updatedAt: stampedAt("updated_at"),
});

/**
 * One action of a municipality's action plan, answering an improvement opportunity of a published
 * evaluation (area and its line in "area.N.improvements", with the wording copied as it stood) or
 * the municipality's own (no area line).
 */
export const actions = pgTable(
  "actions",
  {
    id: serial("id").primaryKey(),
    evaluationId: evaluationRef(),
    municipalityCode: municipalityRef(),
    areaNumber: integer("area_number"),
    /** The improvement opportunity's position (0-based) in its area's list; null for an own action. */
    improvementIndex: integer("improvement_index"),
    improvementText: text("improvement_text"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** A name or a role ("Kommundirektören"). */
    owner: text("owner").notNull().default(""),
    startDate: date("start_date", { mode: "string" }),
    dueDate: date("due_date", { mode: "string" }),
    /** planned | in_progress | done | cancelled */
    status: text("status").notNull().default("planned"),
    /** Web addresses as evidence, one per line. */
    links: text("links").notNull().default(""),
    /** When the status last became done or cancelled (progress over time). */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id),
    createdAt: stampedAt("created_at"),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: stampedAt("updated_at"),
  },
  (t) => [index("actions_evaluation_idx").on(t.evaluationId), index("actions_municipality_idx").on(t.municipalityCode)],
);

/** A dated progress note on an action. */
export const actionNotes = pgTable(
  "action_notes",
  {
    id: serial("id").primaryKey(),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    notedOn: date("noted_on", { mode: "string" }).notNull(),
    body: text("body").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: stampedAt("created_at"),
  },
  (t) => [index("action_notes_action_idx").on(t.actionId)],
);

/**
 * The evaluators' verdict, at a new evaluation, on one improvement opportunity of the
 * municipality's previous published evaluation: resolved (åtgärdad), partly (delvis) or remains
 * (kvarstår), with a short comment.
 */
export const followups = pgTable(
  "followups",
  {
    evaluationId: evaluationRef(),
    previousEvaluationId: integer("previous_evaluation_id")
      .notNull()
      .references(() => evaluations.id),
    areaNumber: integer("area_number").notNull(),
    improvementIndex: integer("improvement_index").notNull(),
    improvementText: text("improvement_text").notNull(),
    /** resolved | partly | remains */
    verdict: text("verdict").notNull(),
    comment: text("comment").notNull().default(""),
    version: integer("version").notNull().default(1),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: stampedAt("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.areaNumber, t.improvementIndex] })],
);

/**
 * Reminders already sent: one row per kind, subject and recipient, so that the scheduled job
 * sends each reminder once, however often it runs and on however many servers.
 */
export const remindersSent = pgTable(
  "reminders_sent",
  {
    /** hand_in_due | action_overdue */
    kind: text("kind").notNull(),
    /** What it is about: "questionnaire:12:2026-03-01", "action:7:2026-05-31". */
    subject: text("subject").notNull(),
    recipient: text("recipient").notNull(),
    sentAt: stampedAt("sent_at"),
  },
  (t) => [primaryKey({ columns: [t.kind, t.subject, t.recipient] })],
);
