import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server.ts";
import { evaluationRevisions } from "../../db/schema.server.ts";
import type { EvaluationSnapshot } from "../../db/schema.server.ts";

/**
 * The latest published (frozen) revision of an evaluation, or null. An open correction's
 * revision row has an empty snapshot until it is published, so it is passed over.
 */
export async function publishedSnapshot(db: Db | Tx, evaluationId: number): Promise<EvaluationSnapshot | null> {
  const [row] = await db
    .select({ snapshot: evaluationRevisions.snapshot })
    .from(evaluationRevisions)
    .where(and(eq(evaluationRevisions.evaluationId, evaluationId), sql`${evaluationRevisions.snapshot} <> '{}'::jsonb`))
    .orderBy(desc(evaluationRevisions.revision))
    .limit(1);
  return row ? (row.snapshot as EvaluationSnapshot) : null;
}
