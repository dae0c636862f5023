import { asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../client.server.ts";
import { concurrently } from "./concurrently.server.ts";
import {
  instrumentAreas,
  instrumentQuestions,
  instrumentSubareas,
  instrumentVersions,
  resultAreaPoints,
  resultSubareaPoints,
  results,
} from "../schema.server.ts";
import type { Area, InstrumentVersion } from "../../domain/instrument.ts";
import { points, pointsText } from "../../domain/points.ts";

type Queryable = Db | Tx;

export async function loadAllInstruments(db: Queryable): Promise<InstrumentVersion[]> {
  const [versions, areas, subareas, questions] = await concurrently(db, [
    () => db.select().from(instrumentVersions).orderBy(asc(instrumentVersions.key)),
    () => db.select().from(instrumentAreas).orderBy(asc(instrumentAreas.number)),
    () => db.select().from(instrumentSubareas).orderBy(asc(instrumentSubareas.areaNumber), asc(instrumentSubareas.position)),
    () => db.select().from(instrumentQuestions).orderBy(asc(instrumentQuestions.position)),
  ]);
  return versions.map((version) => ({
    key: version.key,
    name: version.name,
    description: version.description,
    areas: areas
      .filter((area) => area.instrumentKey === version.key)
      .map(
        (area): Area => ({
          number: area.number,
          name: area.name,
          role: area.role,
          rubricHeadings: area.rubricHeadings,
          maxPoints: points(area.maxPoints),
          subareas: subareas
            .filter((s) => s.instrumentKey === version.key && s.areaNumber === area.number)
            .map((s) => ({
              id: s.id,
              areaNumber: s.areaNumber,
              question: s.question,
              maxPoints: points(s.maxPoints),
              questions: questions
                .filter((q) => q.instrumentKey === version.key && q.subareaId === s.id)
                .map((q) => ({
                  id: q.id,
                  text: q.text,
                  maxPoints: q.maxPoints === null ? null : points(q.maxPoints),
                })),
            })),
        }),
      ),
  }));
}

export async function loadInstrument(db: Queryable, key: string): Promise<InstrumentVersion | null> {
  const all = await loadAllInstruments(db);
  return all.find((instrument) => instrument.key === key) ?? null;
}

/** Replaces the stored definition of a version with the given one (inside the caller's transaction). */
export async function saveInstrument(tx: Tx, instrument: InstrumentVersion): Promise<void> {
  await tx
    .insert(instrumentVersions)
    .values({
      key: instrument.key,
      name: instrument.name,
      description: instrument.description,
    })
    .onConflictDoUpdate({
      target: instrumentVersions.key,
      set: {
        name: instrument.name,
        description: instrument.description,
        updatedAt: sql`now()`,
      },
    });
  await tx.delete(instrumentQuestions).where(eq(instrumentQuestions.instrumentKey, instrument.key));
  await tx.delete(instrumentSubareas).where(eq(instrumentSubareas.instrumentKey, instrument.key));
  await tx.delete(instrumentAreas).where(eq(instrumentAreas.instrumentKey, instrument.key));
  await tx.insert(instrumentAreas).values(
    instrument.areas.map((area) => ({
      instrumentKey: instrument.key,
      number: area.number,
      name: area.name,
      role: area.role,
      rubricHeadings: area.rubricHeadings,
      maxPoints: pointsText(area.maxPoints),
    })),
  );
  const subareas = instrument.areas.flatMap((area) =>
    area.subareas.map((s, position) => ({
      instrumentKey: instrument.key,
      id: s.id,
      areaNumber: area.number,
      position,
      question: s.question,
      maxPoints: pointsText(s.maxPoints),
    })),
  );
  if (subareas.length > 0) await tx.insert(instrumentSubareas).values(subareas);
  const questions = instrument.areas.flatMap((area) =>
    area.subareas.flatMap((s) =>
      s.questions.map((q, position) => ({
        instrumentKey: instrument.key,
        subareaId: s.id,
        id: q.id,
        position,
        text: q.text,
        maxPoints: q.maxPoints === null ? null : pointsText(q.maxPoints),
      })),
    ),
  );
  if (questions.length > 0) await tx.insert(instrumentQuestions).values(questions);
}

/** The areas and sub-areas of a version that stored results refer to. */
export async function referencedElements(db: Queryable, key: string): Promise<{ areas: Set<number>; subareas: Set<string> }> {
  const [areaRows, subareaRows] = await concurrently(db, [
    () =>
      db
        .selectDistinct({ number: resultAreaPoints.areaNumber })
        .from(resultAreaPoints)
        .innerJoin(results, eq(results.id, resultAreaPoints.resultId))
        .where(eq(results.instrumentKey, key)),
    () =>
      db
        .selectDistinct({ id: resultSubareaPoints.subareaId })
        .from(resultSubareaPoints)
        .innerJoin(results, eq(results.id, resultSubareaPoints.resultId))
        .where(eq(results.instrumentKey, key)),
  ]);
  const subareas = new Set(subareaRows.map((row) => row.id));
  // A result at sub-area level refers to the areas of its sub-areas as well.
  const areas = new Set([...areaRows.map((row) => row.number), ...[...subareas].map((id) => Number(id.split(".")[0]))]);
  return { areas, subareas };
}
