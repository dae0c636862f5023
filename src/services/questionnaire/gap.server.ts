import { changePublicData } from "../../db/dataVersion.server.ts";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client.server.ts";
import { questionnaireAnswers, questionnaires } from "../../db/schema.server.ts";
import { computeGap, shownGap, type GapArea, type GapGroup, type GapState } from "../../domain/cycle/gap.ts";
import { points, pointsNumber, pointsText, type Points } from "../../domain/points.ts";
import { questionnairePolicy, type QuestionnaireFacts } from "../../domain/policies.ts";
import type { Actor } from "../../domain/workflow.ts";
import { ConflictError, ForbiddenError, NotFoundError, problemsFromZod, ValidationError } from "../errors.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { loadEvaluation, readEvaluation, type EvaluationContext } from "../evaluations/evaluationContext.server.ts";
import { publishedSnapshot } from "../evaluations/publishedSnapshot.server.ts";
import { questionnaireFor } from "./items.server.ts";

/** One row of the gap view: exact figures as decimal text, and as shown (rounded half up once). */
export interface GapGroupView {
  level: GapGroup["level"];
  areaNumber: number;
  subareaId: string | null;
  name: string;
  max: number;
  own: string | null;
  ownMax: string | null;
  agreed: string | null;
  difference: string | null;
  shown: { own: number | null; ownMax: number | null; agreed: number | null; difference: number | null };
  state: GapState;
}

export interface GapAreaView extends GapGroupView {
  subareas: GapGroupView[];
}

/** The gap of one published evaluation: what the page's table, its chart and the public section show. */
export interface GapView {
  evaluationId: number;
  municipalityName: string;
  year: number;
  instrumentName: string;
  /** Does the version score sub-areas (then the view has a table per sub-area too)? */
  hasSubareas: boolean;
  areas: GapAreaView[];
}

/** The questionnaire's row as the policies see it, with its version; null when none was sent. */
export async function questionnaireFacts(
  db: Db | Tx,
  evaluationId: number,
): Promise<(QuestionnaireFacts & { version: number; handedInAt: Date | null }) | null> {
  const [row] = await db.select().from(questionnaires).where(eq(questionnaires.evaluationId, evaluationId));
  if (!row) return null;
  return {
    status: row.status === "handed_in" ? "handed_in" : "open",
    gapPublished: row.gapPublished,
    version: row.version,
    handedInAt: row.handedInAt,
  };
}

const figure = (value: Points | null) => (value === null ? null : pointsText(value));

function groupView(g: GapGroup): GapGroupView {
  const shown = (value: Points | null) => (value === null ? null : pointsNumber(shownGap(value, g.level)));
  return {
    level: g.level,
    areaNumber: g.areaNumber,
    subareaId: g.subareaId,
    name: g.name,
    max: pointsNumber(g.max),
    own: figure(g.own),
    ownMax: figure(g.ownMax),
    agreed: figure(g.agreed),
    difference: figure(g.difference),
    shown: { own: shown(g.own), ownMax: shown(g.ownMax), agreed: shown(g.agreed), difference: shown(g.difference) },
    state: g.state,
  };
}

/** The gap from the published revision's agreed points and the questionnaire's own scores. */
async function buildGap(db: Db | Tx, evaluation: EvaluationContext): Promise<GapView> {
  const snapshot = await publishedSnapshot(db, evaluation.id);
  if (!snapshot) throw new NotFoundError("gap", String(evaluation.id));
  const [{ items }, answers] = await Promise.all([
    questionnaireFor(db, evaluation.instrument.key),
    db
      .select({ itemId: questionnaireAnswers.itemId, ownScore: questionnaireAnswers.ownScore })
      .from(questionnaireAnswers)
      .where(eq(questionnaireAnswers.evaluationId, evaluation.id)),
  ]);
  const own = new Map(answers.flatMap((a) => (a.ownScore === null ? [] : [[a.itemId, points(a.ownScore)] as const])));
  const agreed = new Map(Object.entries(snapshot.agreed).map(([itemId, a]) => [itemId, points(a.points)] as const));
  const areas: GapArea[] = computeGap(evaluation.instrument, items, own, agreed);
  return {
    evaluationId: evaluation.id,
    municipalityName: evaluation.municipalityName,
    year: evaluation.year,
    instrumentName: evaluation.instrument.name,
    hasSubareas: areas.some((a) => a.subareas.length > 0),
    areas: areas.map((a) => ({ ...groupView(a), subareas: a.subareas.map(groupView) })),
  };
}

export interface GapPage {
  gap: GapView;
  /** Has the municipality made it public? */
  published: boolean;
  /** The questionnaire's version, for the publish form. */
  version: number;
  mayPublish: boolean;
}

/**
 * The gap view in the workspace: after publication, for the municipality and the team (and for
 * anyone who may see the evaluation once the municipality has published it). Before that, and
 * for an evaluation without a questionnaire, it does not exist (NotFoundError), as elsewhere.
 */
export async function getGap(db: Db, actor: Actor, evaluationId: number): Promise<GapPage> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  const facts = await questionnaireFacts(db, evaluation.id);
  if (!facts || !questionnairePolicy.viewGap(actor, evaluation.access, facts)) throw new NotFoundError("gap", String(evaluationId));
  return {
    gap: await buildGap(db, evaluation),
    published: facts.gapPublished,
    version: facts.version,
    mayPublish: questionnairePolicy.publishGap(actor, evaluation.access),
  };
}

export const gapPublicationSchema = z.object({
  published: z.boolean({ error: "expected_boolean" }),
  version: z.number({ error: "version_invalid" }).int().min(0, "version_invalid"),
});
export type GapPublicationInput = z.input<typeof gapPublicationSchema>;

/** What a conflict shows: whether the gap is public as someone else left it. */
export interface GapPublicationState {
  published: boolean;
}

/**
 * The contact makes the gap view public (beside the published evaluation) or private again.
 * Asking for the state it already has changes nothing; a change made from an outdated version
 * throws a ConflictError with the state as saved.
 */
export async function setGapPublished(
  db: Db,
  actor: Actor,
  evaluationId: number,
  input: GapPublicationInput,
): Promise<{ published: boolean; version: number }> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  const facts = await questionnaireFacts(db, evaluation.id);
  if (!facts || !questionnairePolicy.viewGap(actor, evaluation.access, facts)) throw new NotFoundError("gap", String(evaluationId));
  if (!questionnairePolicy.publishGap(actor, evaluation.access)) throw new ForbiddenError("publish the gap view");
  const parsed = gapPublicationSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("the choice was not saved", problemsFromZod(parsed.error.issues));
  const { published, version } = parsed.data;
  // The gap shows on the public evaluation page once published: the caches must hear of the change.
  return changePublicData(db, async (tx) => {
    const now = await questionnaireFacts(tx, evaluation.id);
    if (!now) throw new NotFoundError("gap", String(evaluationId));
    if (now.gapPublished === published) return { published, version: now.version };
    if (now.version !== version) throw new ConflictError<GapPublicationState>({ published: now.gapPublished }, now.version);
    const written = await tx
      .update(questionnaires)
      .set({ gapPublished: published, version: version + 1 })
      .where(and(eq(questionnaires.evaluationId, evaluation.id), eq(questionnaires.version, version)))
      .returning({ version: questionnaires.version });
    if (written.length === 0) {
      const current = (await questionnaireFacts(tx, evaluation.id))!;
      throw new ConflictError<GapPublicationState>({ published: current.gapPublished }, current.version);
    }
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "gap_published",
      target: "questionnaire",
      before: { published: now.gapPublished },
      after: { published },
    });
    return { published, version: written[0]!.version };
  });
}

/**
 * The gap as the public evaluation page shows it: only when the evaluation is published and the
 * municipality has published its gap view; null otherwise (the page then shows nothing of it).
 */
export async function publishedGap(db: Db, evaluationId: number): Promise<GapView | null> {
  let evaluation: EvaluationContext;
  try {
    evaluation = await readEvaluation(db, null, evaluationId);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
  const facts = await questionnaireFacts(db, evaluation.id);
  if (!facts || evaluation.status !== "published" || !questionnairePolicy.viewGap(null, evaluation.access, facts)) return null;
  return buildGap(db, evaluation);
}
