import { AsyncLocalStorage } from "node:async_hooks";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server.ts";
import {
  agreedScores,
  evaluationMembers,
  evaluations,
  evaluationTexts,
  interviews,
  municipalities,
  scoreSubmissions,
  users,
} from "../../db/schema.server.ts";
import type { InstrumentVersion } from "../../domain/instrument.ts";
import type { EvaluationAccessFacts } from "../../domain/policies.ts";
import { evaluationPolicy } from "../../domain/policies.ts";
import { scorableItems } from "../../domain/scorable.ts";
import { isStatus, type Actor, type EvaluationFacts, type EvaluationStatus } from "../../domain/workflow.ts";
import { NotFoundError } from "../errors.ts";
import { getInstruments } from "../instruments/catalog.server.ts";

export interface Person {
  id: string;
  name: string;
  email: string;
  organisation: string | null;
}

/** An evaluation with what every use-case needs: its instrument, people and access facts. */
export interface EvaluationContext {
  id: number;
  municipalityCode: string;
  municipalityName: string;
  /** The municipality is made up for practice: the evaluation can never be published. */
  practice: boolean;
  instrument: InstrumentVersion;
  year: number;
  status: EvaluationStatus;
  visitStart: string | null;
  visitEnd: string | null;
  revision: number;
  version: number;
  resultId: number | null;
  publishedAt: Date | null;
  evaluators: Person[];
  contacts: Person[];
  /** Municipality staff the contact invited (to answer questionnaire items). */
  staff: Person[];
  access: EvaluationAccessFacts;
}

/**
 * Loads an evaluation for an actor. One that does not exist and one the actor may not see get
 * the same answer, so that nobody learns of an unpublished evaluation they are not part of.
 */
export async function loadEvaluation(db: Db | Tx, actor: Actor, id: number): Promise<EvaluationContext> {
  const evaluation = await readEvaluation(db, actor, id);
  if (!evaluationPolicy.view(actor, evaluation.access)) throw new NotFoundError("evaluation", String(id));
  return evaluation;
}

/** Made once: making a collator costs more than the few names it sorts. */
const collator = new Intl.Collator("sv");

/** One page's reads: the evaluations it loaded, by actor and id, on the request's own database handle. */
interface SharedReads {
  db: Db;
  evaluations: Map<string, Promise<EvaluationContext>>;
}
const sharedReads = new AsyncLocalStorage<SharedReads>();

/**
 * Runs the loaders of one page (a GET) with each evaluation read once: the workspace frame's
 * loader, its tab's loader and the several services a tab calls each ask for the evaluation, and
 * all get the first load's answer. Only for reads: a form action is another request and runs
 * without, so the page that follows it sees what it saved. Reads in a transaction (a Tx, not the
 * `db` given here) always go to the database. Every caller still applies its own policy check
 * to the facts it gets: only the load is shared, never a decision.
 */
export function withSharedEvaluationReads<T>(db: Db, work: () => Promise<T>): Promise<T> {
  return sharedReads.run({ db, evaluations: new Map() }, work);
}

/**
 * The evaluation without the view check: for use-cases with a rule of their own, such as the
 * published report, which everyone may read. Callers treat the answer as read-only: inside
 * withSharedEvaluationReads it is shared.
 */
export function readEvaluation(db: Db | Tx, actor: Actor, id: number): Promise<EvaluationContext> {
  const shared = sharedReads.getStore();
  if (!shared || shared.db !== db) return readEvaluationFromDatabase(db, actor, id);
  const key = `${actor?.id ?? ""}:${id}`;
  let pending = shared.evaluations.get(key);
  if (!pending) {
    pending = readEvaluationFromDatabase(db, actor, id);
    shared.evaluations.set(key, pending);
  }
  return pending;
}

async function readEvaluationFromDatabase(db: Db | Tx, actor: Actor, id: number): Promise<EvaluationContext> {
  const [row] = Number.isSafeInteger(id)
    ? await db
        .select({ evaluation: evaluations, municipalityName: municipalities.name, practice: municipalities.practice })
        .from(evaluations)
        .innerJoin(municipalities, eq(municipalities.code, evaluations.municipalityCode))
        .where(eq(evaluations.id, id))
    : [];
  if (!row) throw new NotFoundError("evaluation", String(id));
  const members = await db
    .select({ role: evaluationMembers.role, id: users.id, name: users.name, email: users.email, organisation: users.organisation })
    .from(evaluationMembers)
    .innerJoin(users, eq(users.id, evaluationMembers.userId))
    .where(eq(evaluationMembers.evaluationId, id));
  const submitted = actor
    ? await db
        .select({ userId: scoreSubmissions.userId })
        .from(scoreSubmissions)
        .where(and(eq(scoreSubmissions.evaluationId, id), eq(scoreSubmissions.userId, actor.id)))
    : [];
  const e = row.evaluation;
  const status = isStatus(e.status) ? e.status : "planned";
  const people = (role: string) =>
    members
      .filter((m) => m.role === role)
      .map(({ role: _r, ...person }) => person)
      .sort((a, b) => collator.compare(a.name, b.name));
  const evaluators = people("evaluator");
  const contacts = people("contact");
  const staff = people("staff");
  const access: EvaluationAccessFacts = {
    status,
    municipalityCode: e.municipalityCode,
    evaluatorIds: evaluators.map((p) => p.id),
    contactIds: contacts.map((p) => p.id),
    staffIds: staff.map((p) => p.id),
    actorSubmitted: submitted.length > 0,
  };
  const instrument = (await getInstruments(db)).get(e.instrumentKey)!;
  return {
    id: e.id,
    municipalityCode: e.municipalityCode,
    municipalityName: row.municipalityName,
    practice: row.practice,
    instrument,
    year: e.year,
    status,
    visitStart: e.visitStart,
    visitEnd: e.visitEnd,
    revision: e.revision,
    version: e.version,
    resultId: e.resultId,
    publishedAt: e.publishedAt,
    evaluators,
    contacts,
    staff,
    access,
  };
}

/** The facts the workflow rules look at before a status change. */
export async function workflowFacts(db: Db | Tx, evaluation: EvaluationContext): Promise<EvaluationFacts> {
  const id = evaluation.id;
  const count = async (query: Promise<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);
  const interviewCount = await count(db.select({ n: sql<number>`count(*)::int` }).from(interviews).where(eq(interviews.evaluationId, id)));
  const items = scorableItems(evaluation.instrument).map((item) => item.id);
  const agreedItemCount =
    items.length === 0
      ? 0
      : await count(
          db
            .select({ n: sql<number>`count(*)::int` })
            .from(agreedScores)
            .where(and(eq(agreedScores.evaluationId, id), inArray(agreedScores.itemId, items))),
        );
  const submitted = await db
    .select({ userId: scoreSubmissions.userId })
    .from(scoreSubmissions)
    .where(eq(scoreSubmissions.evaluationId, id));
  const [summary] = await db
    .select({ body: evaluationTexts.body })
    .from(evaluationTexts)
    .where(and(eq(evaluationTexts.evaluationId, id), eq(evaluationTexts.key, "summary.evaluation")));
  return {
    status: evaluation.status,
    evaluatorIds: evaluation.access.evaluatorIds as string[],
    contactIds: evaluation.access.contactIds as string[],
    visitStart: evaluation.visitStart,
    visitEnd: evaluation.visitEnd,
    interviewCount,
    submittedEvaluatorIds: submitted.map((s) => s.userId),
    scorableItemCount: items.length,
    agreedItemCount,
    summaryWritten: !!summary && summary.body.trim().length > 0,
    practice: evaluation.practice,
  };
}
