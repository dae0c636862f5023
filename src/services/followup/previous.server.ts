import { and, asc, desc, eq, lt, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server.ts";
import { evaluationRevisions, evaluations, followups } from "../../db/schema.server.ts";
import { type FollowupBasis, type FollowupEntry, isVerdict } from "../../domain/cycle/followup.ts";
import type { EvaluationContext } from "../evaluations/evaluationContext.server.ts";
import { publishedSnapshot } from "../evaluations/publishedSnapshot.server.ts";

/** The municipality's previous published evaluation, as the follow-up looks back at it. */
export interface PreviousEvaluation {
  id: number;
  year: number;
  instrumentKey: string;
  /** The texts of its latest published revision (where the improvement opportunities are). */
  texts: Readonly<Record<string, string>>;
  /** Made with this evaluation's instrument version: areas map by number, line by line. */
  sameVersion: boolean;
}

export type FollowupSubject = Pick<EvaluationContext, "id" | "municipalityCode" | "year"> & { instrument: { key: string } };

/**
 * The latest evaluation of the same municipality from an earlier year that has a published
 * revision, or null. An evaluation under correction still counts: its published revision stays
 * public until the next one, and that is what the follow-up reads.
 */
export async function previousPublishedEvaluation(db: Db | Tx, evaluation: FollowupSubject): Promise<PreviousEvaluation | null> {
  const [row] = await db
    .select({ id: evaluations.id, year: evaluations.year, instrumentKey: evaluations.instrumentKey })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.municipalityCode, evaluation.municipalityCode),
        lt(evaluations.year, evaluation.year),
        ne(evaluations.id, evaluation.id),
        sql`exists (select 1 from ${evaluationRevisions} where ${evaluationRevisions.evaluationId} = ${evaluations.id} and ${evaluationRevisions.snapshot} <> '{}'::jsonb)`,
      ),
    )
    .orderBy(desc(evaluations.year), desc(evaluations.id))
    .limit(1);
  if (!row) return null;
  const snapshot = await publishedSnapshot(db, row.id);
  if (!snapshot) return null;
  return { ...row, texts: snapshot.texts, sameVersion: row.instrumentKey === evaluation.instrument.key };
}

export const basisOf = (previous: PreviousEvaluation): FollowupBasis => ({
  year: previous.year,
  instrumentKey: previous.instrumentKey,
  sameVersion: previous.sameVersion,
});

/** The team's marks on the previous evaluation's opportunities, in area and list order. */
export async function followupRows(db: Db | Tx, evaluationId: number, previousId: number) {
  return db
    .select()
    .from(followups)
    .where(and(eq(followups.evaluationId, evaluationId), eq(followups.previousEvaluationId, previousId)))
    .orderBy(asc(followups.areaNumber), asc(followups.improvementIndex));
}

/**
 * The follow-up as the report shows it: the previous evaluation it looks back at and every mark
 * the team has made, each with the opportunity's wording as it was marked. Null when the
 * municipality has no earlier published evaluation. Publication freezes this into the snapshot;
 * the working report reads it as it stands.
 */
export async function followupRecord(
  db: Db | Tx,
  evaluation: FollowupSubject,
): Promise<{ basis: FollowupBasis; entries: FollowupEntry[] } | null> {
  const previous = await previousPublishedEvaluation(db, evaluation);
  if (!previous) return null;
  const rows = await followupRows(db, evaluation.id, previous.id);
  return {
    basis: basisOf(previous),
    entries: rows.flatMap((row) =>
      isVerdict(row.verdict)
        ? [
            {
              areaNumber: row.areaNumber,
              improvementIndex: row.improvementIndex,
              improvementText: row.improvementText,
              verdict: row.verdict,
              comment: row.comment,
            },
          ]
        : [],
    ),
  };
}
