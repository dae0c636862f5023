import type { EvaluationSnapshot } from "../../db/schema.server.ts";
import { and, asc, desc, eq } from "drizzle-orm";
import type { KeyFactsInput } from "../../domain/report/input.ts";
import { readKeyFacts, type KeyFacts } from "../reports/keyFacts.server.ts";
import { requestReportFiles } from "../reports/reportJobs.server.ts";
import type { Db, Tx } from "../../db/client.server.ts";
import { storeResults } from "../../db/repositories/results.server.ts";
import {
  agreedScores,
  evaluationMembers,
  evaluationRevisions,
  evaluations,
  evaluationTexts,
  goodExamples,
  results,
  users,
} from "../../db/schema.server.ts";
import { points, pointsText } from "../../domain/points.ts";
import { evaluationPolicy } from "../../domain/policies.ts";
import { assessResult, levelOf } from "../../domain/result.ts";
import { figuresFromAgreed } from "../../domain/scorable.ts";
import { isStatus, transitionRule, type Actor, type Blocker, type EvaluationStatus } from "../../domain/workflow.ts";
import { ConflictError, ForbiddenError, ValidationError } from "../errors.ts";
import { changePublicData } from "../../db/dataVersion.server.ts";
import { appendAudit } from "./audit.server.ts";
import { indexEvaluation } from "../search/indexEvaluation.server.ts";
import { followupRecord } from "../followup/previous.server.ts";
import { loadEvaluation, workflowFacts, type EvaluationContext } from "./evaluationContext.server.ts";
import { CONTROL_CHARACTERS, hasControlCharacters } from "../../domain/text.ts";
import { openQuestionnaire } from "../questionnaire/lifecycle.server.ts";
import { mailQuestionnaireSent } from "../questionnaire/mail.server.ts";

export class TransitionBlockedError extends ValidationError {
  constructor(readonly blockers: Blocker[]) {
    super(
      "the status was not changed",
      blockers.map((b) => ({ field: "status", message: b.code })),
    );
  }
}

/**
 * Moves an evaluation one step, if the actor may and what the step needs is complete.
 * Publishing also writes the agreed points as a result and freezes a revision.
 */
export async function transitionEvaluation(db: Db, actor: Actor, id: number, input: { to: string; version: number }): Promise<void> {
  const evaluation = await loadEvaluation(db, actor, id);
  if (!isStatus(input.to) || !transitionRule(evaluation.status, input.to)) {
    throw new ValidationError("the status was not changed", [
      { field: "to", message: "transition_not_allowed", values: { from: evaluation.status, to: input.to } },
    ]);
  }
  const to: EvaluationStatus = input.to;
  if (!evaluationPolicy.transition(actor, evaluation.access, to)) throw new ForbiddenError(`move the evaluation to ${to}`);
  // Publication changes what the public sees; other steps do not.
  const inTransaction = to === "published" ? changePublicData : <T>(d: Db, work: (tx: Tx) => Promise<T>) => d.transaction(work);
  const sent = await inTransaction(db, async (tx) => {
    const blockers = transitionRule(evaluation.status, to)!.requires(await workflowFacts(tx, evaluation));
    if (blockers.length) throw new TransitionBlockedError(blockers);
    const updated = await tx
      .update(evaluations)
      .set({ status: to, version: input.version + 1, updatedAt: new Date(), ...(to === "published" ? { publishedAt: new Date() } : {}) })
      .where(and(eq(evaluations.id, id), eq(evaluations.version, input.version), eq(evaluations.status, evaluation.status)))
      .returning({ id: evaluations.id });
    if (updated.length === 0) throw new ConflictError({ status: evaluation.status }, evaluation.version);
    await appendAudit(tx, { evaluationId: id, actor, action: "status", target: "status", before: evaluation.status, after: to });
    if (to === "published") await publish(tx, actor, evaluation);
    // Entering preparation sends the municipality its questionnaire (issue 13), once.
    return to === "preparation" ? await openQuestionnaire(tx, actor, evaluation) : null;
  });
  // The report's files are made by a job after the commit: publishing never waits for Chromium.
  if (to === "published") await requestReportFiles(db, id);
  // Mail after the commit: a rolled-back step sends nothing.
  if (sent) {
    await mailQuestionnaireSent(
      { evaluationId: id, municipalityName: evaluation.municipalityName, year: evaluation.year, dueDate: sent.dueDate },
      evaluation.contacts,
    );
  }
}

/** Writes the agreed points as the evaluation's result and keeps a frozen revision. */
async function publish(tx: Tx, actor: Actor, evaluation: EvaluationContext): Promise<void> {
  const agreed = await tx.select().from(agreedScores).where(eq(agreedScores.evaluationId, evaluation.id));
  const figures = figuresFromAgreed(evaluation.instrument, new Map(agreed.map((a) => [a.itemId, points(a.points)])));
  const source = `Kommunkompassen: utvärdering av ${evaluation.municipalityName} ${evaluation.year}${evaluation.revision > 1 ? `, revision ${evaluation.revision}` : ""}`;
  await storeResults(tx, [
    {
      municipalityCode: evaluation.municipalityCode,
      instrumentKey: evaluation.instrument.key,
      year: evaluation.year,
      date: evaluation.visitEnd,
      source,
      figures,
      level: levelOf(figures),
      derivedTotal: assessResult(evaluation.instrument, figures).derivedTotal,
    },
  ]);
  const [result] = await tx
    .select({ id: results.id })
    .from(results)
    .where(
      and(
        eq(results.municipalityCode, evaluation.municipalityCode),
        eq(results.instrumentKey, evaluation.instrument.key),
        eq(results.year, evaluation.year),
      ),
    );
  await tx.update(evaluations).set({ resultId: result!.id }).where(eq(evaluations.id, evaluation.id));

  const [latest] = await tx
    .select({ reason: evaluationRevisions.reason })
    .from(evaluationRevisions)
    .where(and(eq(evaluationRevisions.evaluationId, evaluation.id), eq(evaluationRevisions.revision, evaluation.revision)));
  const snapshot = await snapshotOf(tx, evaluation);
  if (latest) {
    // A correction's revision row was opened with its reason; publishing fills in what it froze.
    await tx
      .update(evaluationRevisions)
      .set({ snapshot, createdBy: actor!.id, createdAt: new Date() })
      .where(and(eq(evaluationRevisions.evaluationId, evaluation.id), eq(evaluationRevisions.revision, evaluation.revision)));
  } else {
    await tx.insert(evaluationRevisions).values({
      evaluationId: evaluation.id,
      revision: evaluation.revision,
      reason: "Första publiceringen",
      snapshot,
      createdBy: actor!.id,
    });
  }
  await appendAudit(tx, {
    evaluationId: evaluation.id,
    actor,
    action: "published",
    target: `revision ${evaluation.revision}`,
    after: { total: figures.total === null ? null : pointsText(figures.total) },
  });
  // The search index follows the published revision in the same transaction: never ahead of it.
  await indexEvaluation(tx, evaluation.id);
}

const withoutVersion = ({ version: _v, ...facts }: KeyFacts): KeyFactsInput => facts;

async function snapshotOf(tx: Tx, evaluation: EvaluationContext): Promise<EvaluationSnapshot> {
  const followup = await followupRecord(tx, evaluation);
  const [agreed, texts, examples, team] = [
    await tx.select().from(agreedScores).where(eq(agreedScores.evaluationId, evaluation.id)),
    await tx.select().from(evaluationTexts).where(eq(evaluationTexts.evaluationId, evaluation.id)),
    await tx
      .select()
      .from(goodExamples)
      .where(eq(goodExamples.evaluationId, evaluation.id))
      .orderBy(asc(goodExamples.areaNumber), asc(goodExamples.position)),
    await tx
      .select({ name: users.name, organisation: users.organisation })
      .from(evaluationMembers)
      .innerJoin(users, eq(users.id, evaluationMembers.userId))
      .where(and(eq(evaluationMembers.evaluationId, evaluation.id), eq(evaluationMembers.role, "evaluator"))),
  ];
  return {
    revision: evaluation.revision,
    publishedAt: new Date().toISOString(),
    agreed: Object.fromEntries(agreed.map((a) => [a.itemId, { points: a.points, reason: a.reason }])),
    texts: Object.fromEntries(texts.map((t) => [t.key, t.body])),
    goodExamples: examples.map((e) => ({ areaNumber: e.areaNumber, municipalityCode: e.municipalityCode, sentence: e.sentence })),
    evaluators: team.map((m) => (m.organisation ? `${m.name}, ${m.organisation}` : m.name)),
    keyFacts: withoutVersion(await readKeyFacts(tx, evaluation.id)),
    // The team's marks on the previous evaluation's improvement opportunities, as they stand now.
    ...(followup ? { followup } : {}),
  };
}

/**
 * Reopens a published evaluation for a correction, with a stated reason: it goes back to
 * review as the next revision; the published revision stays readable until the next publication.
 */
export async function correctEvaluation(db: Db, actor: Actor, id: number, input: { reason: string; version: number }): Promise<void> {
  const evaluation = await loadEvaluation(db, actor, id);
  if (!evaluationPolicy.correct(actor, evaluation.access)) throw new ForbiddenError("correct a published evaluation");
  const reason = input.reason.trim();
  if (reason.length < 5) throw new ValidationError("the evaluation was not reopened", [{ field: "reason", message: "reason_required" }]);
  if (hasControlCharacters(reason))
    throw new ValidationError("the evaluation was not reopened", [{ field: "reason", message: CONTROL_CHARACTERS }]);
  await changePublicData(db, async (tx) => {
    const next = evaluation.revision + 1;
    const updated = await tx
      .update(evaluations)
      .set({ status: "review", revision: next, version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(evaluations.id, id), eq(evaluations.version, input.version), eq(evaluations.status, "published")))
      .returning({ id: evaluations.id });
    if (updated.length === 0) throw new ConflictError({ status: evaluation.status }, evaluation.version);
    await tx.insert(evaluationRevisions).values({ evaluationId: id, revision: next, reason, snapshot: {}, createdBy: actor!.id });
    await appendAudit(tx, {
      evaluationId: id,
      actor,
      action: "correction",
      target: `revision ${next}`,
      before: "published",
      after: { status: "review", reason },
    });
  });
}

export async function listRevisions(db: Db, actor: Actor, id: number) {
  const evaluation = await loadEvaluation(db, actor, id);
  if (!evaluationPolicy.viewReport(actor, evaluation.access)) throw new ForbiddenError("read the revisions");
  const rows = await db
    .select()
    .from(evaluationRevisions)
    .where(eq(evaluationRevisions.evaluationId, id))
    .orderBy(desc(evaluationRevisions.revision));
  // Only frozen (published) revisions are shown; an open correction has an empty snapshot.
  return rows
    .filter((r) => Object.keys(r.snapshot as object).length > 0)
    .map((r) => ({ ...r, snapshot: r.snapshot as EvaluationSnapshot }));
}
