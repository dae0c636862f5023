import { desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.server.ts";
import { evaluationMembers, evaluations, municipalities } from "../../db/schema.server.ts";
import { isAdministrator } from "../../domain/policies.ts";
import { isStatus, type Actor, type EvaluationStatus } from "../../domain/workflow.ts";

export interface EvaluationSummary {
  id: number;
  municipalityCode: string;
  municipalityName: string;
  instrumentKey: string;
  year: number;
  status: EvaluationStatus;
  visitStart: string | null;
  visitEnd: string | null;
  revision: number;
}

/** The evaluations an actor takes part in (all of them for an administrator), latest first. */
export async function listEvaluations(db: Db, actor: Actor): Promise<EvaluationSummary[]> {
  if (!actor) return [];
  const mine = isAdministrator(actor)
    ? undefined
    : (await db.select({ id: evaluationMembers.evaluationId }).from(evaluationMembers).where(eq(evaluationMembers.userId, actor.id))).map(
        (r) => r.id,
      );
  if (mine && mine.length === 0) return [];
  const rows = await db
    .select({ e: evaluations, municipalityName: municipalities.name })
    .from(evaluations)
    .innerJoin(municipalities, eq(municipalities.code, evaluations.municipalityCode))
    .where(mine ? inArray(evaluations.id, mine) : undefined)
    .orderBy(desc(evaluations.year), desc(evaluations.id));
  return rows.map(({ e, municipalityName }) => ({
    id: e.id,
    municipalityCode: e.municipalityCode,
    municipalityName,
    instrumentKey: e.instrumentKey,
    year: e.year,
    status: isStatus(e.status) ? e.status : "planned",
    visitStart: e.visitStart,
    visitEnd: e.visitEnd,
    revision: e.revision,
  }));
}
