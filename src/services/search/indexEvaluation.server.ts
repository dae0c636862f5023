import { changePublicData } from "../../db/dataVersion.server.ts";
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server.ts";
import { evaluationRevisions, evaluations, municipalities, municipalityGroups, searchPassages } from "../../db/schema.server.ts";
import { passagesOf, type PublishedTexts } from "../../domain/search.ts";
import { actionPassages } from "../actionPlan/search.server.ts";
import { publishedSnapshot } from "../evaluations/publishedSnapshot.server.ts";
import { DEFAULT_GROUPING } from "../results/queries.server.ts";

/** Rows per insert statement: well below PostgreSQL's limit on parameters. */
const BATCH = 500;

/**
 * Replaces an evaluation's search passages with those of its latest published revision and of
 * its action plan when the municipality has published it. Call it in the transaction that
 * publishes (or seeds) the revision or changes a published plan; an evaluation with no published
 * revision ends up with no passages, so nothing unpublished is ever found.
 */
export async function indexEvaluation(tx: Db | Tx, evaluationId: number): Promise<number> {
  await tx.delete(searchPassages).where(eq(searchPassages.evaluationId, evaluationId));
  const [evaluation] = await tx
    .select({
      municipalityCode: evaluations.municipalityCode,
      municipalityName: municipalities.name,
      countyCode: municipalities.countyCode,
      groupCode: municipalityGroups.groupCode,
      instrumentKey: evaluations.instrumentKey,
      year: evaluations.year,
      status: evaluations.status,
      resultId: evaluations.resultId,
    })
    .from(evaluations)
    .innerJoin(municipalities, eq(municipalities.code, evaluations.municipalityCode))
    .leftJoin(
      municipalityGroups,
      and(eq(municipalityGroups.municipalityCode, evaluations.municipalityCode), eq(municipalityGroups.groupingKey, DEFAULT_GROUPING)),
    )
    .where(eq(evaluations.id, evaluationId));
  if (!evaluation || (evaluation.status !== "published" && evaluation.resultId === null)) return 0;
  const snapshot = await publishedSnapshot(tx, evaluationId);
  const published: PublishedTexts | null = snapshot && { texts: snapshot.texts ?? {}, goodExamples: snapshot.goodExamples ?? [] };
  if (!published) return 0;
  const texts = passagesOf(published);
  // A published action plan's actions follow the texts, in the page's order.
  const passages = [...texts, ...(await actionPassages(tx, evaluationId)).map((p, i) => ({ ...p, position: texts.length + i }))];
  const exampleCodes = [...new Set(passages.flatMap((p) => (p.exampleMunicipalityCode ? [p.exampleMunicipalityCode] : [])))];
  const names = new Map(
    exampleCodes.length === 0
      ? []
      : (
          await tx
            .select({ code: municipalities.code, name: municipalities.name })
            .from(municipalities)
            .where(inArray(municipalities.code, exampleCodes))
        ).map((m) => [m.code, m.name]),
  );
  const rows = passages.map((p) => ({
    evaluationId,
    municipalityCode: evaluation.municipalityCode,
    municipalityName: evaluation.municipalityName,
    countyCode: evaluation.countyCode,
    groupCode: evaluation.groupCode,
    instrumentKey: evaluation.instrumentKey,
    year: evaluation.year,
    areaNumber: p.areaNumber,
    subareaId: p.subareaId,
    kind: p.kind,
    anchor: p.anchor,
    position: p.position,
    body: p.body,
    exampleMunicipalityCode: p.exampleMunicipalityCode,
    exampleMunicipalityName: p.exampleMunicipalityCode ? (names.get(p.exampleMunicipalityCode) ?? null) : null,
  }));
  for (let i = 0; i < rows.length; i += BATCH) await tx.insert(searchPassages).values(rows.slice(i, i + BATCH));
  return rows.length;
}

/**
 * Indexes every published evaluation that has no passages yet: databases from before the search
 * existed, at start. Returns how many evaluations were indexed.
 */
export async function indexUnindexedEvaluations(db: Db): Promise<number> {
  const missing = await db
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(
      and(
        or(eq(evaluations.status, "published"), isNotNull(evaluations.resultId)),
        sql`not exists (select 1 from ${searchPassages} p where p.evaluation_id = ${evaluations.id})`,
        sql`exists (select 1 from ${evaluationRevisions} r where r.evaluation_id = ${evaluations.id} and r.snapshot <> '{}'::jsonb)`,
      ),
    );
  for (const { id } of missing) await changePublicData(db, (tx) => indexEvaluation(tx, id));
  return missing.length;
}
