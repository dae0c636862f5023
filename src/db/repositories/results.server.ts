import { municipalityYear } from "../../domain/paths.ts";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../client.server.ts";
import { concurrently } from "./concurrently.server.ts";
import {
  municipalityGroups,
  resultAreaPoints,
  resultRevisions,
  results,
  resultSubareaPoints,
  type ResultSnapshot,
} from "../schema.server.ts";
import type { PublishedFigures, Result, ResultLevel } from "../../domain/result.ts";
import { points, pointsText, type Points } from "../../domain/points.ts";

type Queryable = Db | Tx;

export interface ResultFilter {
  municipalityCode?: string;
  instrumentKey?: string;
  year?: number;
  /** Only municipalities in this group of this grouping. */
  group?: { groupingKey: string; code: string };
  /** Only these results. */
  ids?: readonly number[];
}

/** The figures and metadata that identify and make up one stored result. */
export interface ResultInput {
  municipalityCode: string;
  instrumentKey: string;
  year: number;
  date: string | null;
  source: string | null;
  figures: PublishedFigures;
  level: ResultLevel;
  derivedTotal: Points | null;
}

function whereOf(filter: ResultFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.municipalityCode) conditions.push(eq(results.municipalityCode, filter.municipalityCode));
  if (filter.instrumentKey) conditions.push(eq(results.instrumentKey, filter.instrumentKey));
  if (filter.year !== undefined) conditions.push(eq(results.year, filter.year));
  if (filter.group) {
    conditions.push(
      inArray(
        results.municipalityCode,
        sql`(select ${municipalityGroups.municipalityCode} from ${municipalityGroups} where ${municipalityGroups.groupingKey} = ${filter.group.groupingKey} and ${municipalityGroups.groupCode} = ${filter.group.code})`,
      ),
    );
  }
  if (filter.ids) conditions.push(filter.ids.length > 0 ? inArray(results.id, [...filter.ids]) : sql`false`);
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** "code/year" of every municipality year with results under more than one instrument version. */
export async function findYearsWithTwoVersions(db: Queryable): Promise<Set<string>> {
  const rows = await db
    .select({ code: results.municipalityCode, year: results.year })
    .from(results)
    .groupBy(results.municipalityCode, results.year)
    .having(sql`count(*) > 1`);
  return new Set(rows.map((r) => municipalityYear(r.code, r.year)));
}

/** What orders results, without their figures: enough to choose which few to read in full. */
export async function findResultKeys(db: Queryable, filter: ResultFilter = {}) {
  return db
    .select({
      id: results.id,
      municipalityCode: results.municipalityCode,
      instrumentKey: results.instrumentKey,
      year: results.year,
      date: results.date,
    })
    .from(results)
    .where(whereOf(filter));
}

/** Results with their published figures, oldest first (year, date, municipality). */
export async function findResults(db: Queryable, filter: ResultFilter = {}): Promise<Result[]> {
  const where = whereOf(filter);
  const [rows, areaRows, subareaRows] = await concurrently(db, [
    () =>
      db
        .select()
        .from(results)
        .where(where)
        .orderBy(asc(results.year), asc(results.date), asc(results.municipalityCode), asc(results.instrumentKey)),
    () =>
      db
        .select({
          resultId: resultAreaPoints.resultId,
          number: resultAreaPoints.areaNumber,
          points: resultAreaPoints.points,
        })
        .from(resultAreaPoints)
        .innerJoin(results, eq(results.id, resultAreaPoints.resultId))
        .where(where),
    () =>
      db
        .select({
          resultId: resultSubareaPoints.resultId,
          id: resultSubareaPoints.subareaId,
          points: resultSubareaPoints.points,
        })
        .from(resultSubareaPoints)
        .innerJoin(results, eq(results.id, resultSubareaPoints.resultId))
        .where(where),
  ]);
  const areasById = groupBy(areaRows, (row) => row.resultId);
  const subareasById = groupBy(subareaRows, (row) => row.resultId);
  return rows.map((row) => ({
    id: row.id,
    municipalityCode: row.municipalityCode,
    instrumentKey: row.instrumentKey,
    year: row.year,
    date: row.date,
    source: row.source,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    figures: {
      total: row.publishedTotal === null ? null : points(row.publishedTotal),
      areas: new Map((areasById.get(row.id) ?? []).map((a) => [a.number, points(a.points)])),
      subareas: new Map((subareasById.get(row.id) ?? []).map((s) => [s.id, points(s.points)])),
    },
  }));
}

function groupBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}

export type UpsertOutcome = "created" | "updated" | "unchanged";

const naturalKey = (r: { municipalityCode: string; instrumentKey: string; year: number }) =>
  `${r.municipalityCode}/${r.instrumentKey}/${r.year}`;
const CHUNK = 500;

/**
 * Stores results under their natural key (municipality, instrument, year), in the caller's
 * transaction. An existing result is updated and its earlier values are kept as a revision;
 * identical figures change nothing. New results are written in batches: a file of ten
 * thousand results must not cost ten thousand round trips.
 */
export async function storeResults(tx: Tx, inputs: readonly ResultInput[]): Promise<Record<UpsertOutcome, number>> {
  const counts: Record<UpsertOutcome, number> = {
    created: 0,
    updated: 0,
    unchanged: 0,
  };
  const existing = new Map<string, Result>();
  for (const instrumentKey of new Set(inputs.map((input) => input.instrumentKey))) {
    for (const result of await findResults(tx, { instrumentKey })) existing.set(naturalKey(result), result);
  }
  const fresh: ResultInput[] = [];
  for (const input of inputs) {
    const current = existing.get(naturalKey(input));
    if (!current) fresh.push(input);
    else counts[await updateResult(tx, current, input)] += 1;
  }
  for (let start = 0; start < fresh.length; start += CHUNK) {
    const chunk = fresh.slice(start, start + CHUNK);
    const rows = await tx
      .insert(results)
      .values(
        chunk.map((input) => ({
          municipalityCode: input.municipalityCode,
          instrumentKey: input.instrumentKey,
          year: input.year,
          ...columnsOf(input),
        })),
      )
      .returning({
        id: results.id,
        municipalityCode: results.municipalityCode,
        instrumentKey: results.instrumentKey,
        year: results.year,
      });
    const ids = new Map(rows.map((row) => [naturalKey(row), row.id]));
    await insertFigures(
      tx,
      chunk.map((input) => ({
        resultId: ids.get(naturalKey(input))!,
        figures: input.figures,
      })),
    );
    counts.created += chunk.length;
  }
  return counts;
}

function columnsOf(input: ResultInput) {
  return {
    date: input.date,
    source: input.source,
    level: input.level,
    publishedTotal: input.figures.total === null ? null : pointsText(input.figures.total),
    derivedTotal: input.derivedTotal === null ? null : pointsText(input.derivedTotal),
  };
}

async function updateResult(tx: Tx, existing: Result, input: ResultInput): Promise<UpsertOutcome> {
  const before = snapshotOf(existing);
  const after = snapshotOf({
    ...existing,
    date: input.date,
    source: input.source,
    figures: input.figures,
  });
  if (sameSnapshot(before, after)) return "unchanged";
  await tx.insert(resultRevisions).values({ resultId: existing.id, snapshot: before });
  await tx
    .update(results)
    .set({ ...columnsOf(input), updatedAt: sql`now()` })
    .where(eq(results.id, existing.id));
  await tx.delete(resultAreaPoints).where(eq(resultAreaPoints.resultId, existing.id));
  await tx.delete(resultSubareaPoints).where(eq(resultSubareaPoints.resultId, existing.id));
  await insertFigures(tx, [{ resultId: existing.id, figures: input.figures }]);
  return "updated";
}

async function insertFigures(tx: Tx, items: { resultId: number; figures: PublishedFigures }[]): Promise<void> {
  const areaRows = items.flatMap(({ resultId, figures }) =>
    [...figures.areas].map(([areaNumber, value]) => ({
      resultId,
      areaNumber,
      points: pointsText(value),
    })),
  );
  const subareaRows = items.flatMap(({ resultId, figures }) =>
    [...figures.subareas].map(([subareaId, value]) => ({
      resultId,
      subareaId,
      points: pointsText(value),
    })),
  );
  for (let start = 0; start < areaRows.length; start += CHUNK * 4)
    await tx.insert(resultAreaPoints).values(areaRows.slice(start, start + CHUNK * 4));
  for (let start = 0; start < subareaRows.length; start += CHUNK * 4)
    await tx.insert(resultSubareaPoints).values(subareaRows.slice(start, start + CHUNK * 4));
}

export function snapshotOf(result: Pick<Result, "date" | "source" | "figures" | "updatedAt">): ResultSnapshot {
  const entries = <K>(map: ReadonlyMap<K, Points>) =>
    Object.fromEntries(
      [...map].map(([key, value]) => [String(key), pointsText(value)]).sort(([a], [b]) => a!.localeCompare(b!, "en", { numeric: true })),
    );
  return {
    date: result.date,
    source: result.source,
    total: result.figures.total === null ? null : pointsText(result.figures.total),
    areas: entries(result.figures.areas),
    subareas: entries(result.figures.subareas),
    validFrom: result.updatedAt.toISOString(),
  };
}

function sameSnapshot(a: ResultSnapshot, b: ResultSnapshot): boolean {
  const strip = ({ validFrom: _ignored, ...rest }: ResultSnapshot) => JSON.stringify(rest);
  return strip(a) === strip(b);
}

export async function findRevisions(db: Queryable, resultId: number): Promise<{ replacedAt: Date; snapshot: ResultSnapshot }[]> {
  return db
    .select({
      replacedAt: resultRevisions.replacedAt,
      snapshot: resultRevisions.snapshot,
    })
    .from(resultRevisions)
    .where(eq(resultRevisions.resultId, resultId))
    .orderBy(asc(resultRevisions.id));
}

export interface TotalRow {
  resultId: number;
  municipalityCode: string;
  year: number;
  date: string | null;
  publishedTotal: string | null;
  derivedTotal: string | null;
}

/** Every result with a total, of every instrument: the history that rankings and changes use. */
export async function findAllTotals(db: Queryable): Promise<(TotalRow & { instrumentKey: string })[]> {
  const { rows } = (await db.execute(
    sql`select ${results.id} as result_id, ${results.municipalityCode} as municipality_code, ${results.instrumentKey} as instrument_key,
      ${results.year} as year, ${results.date}::text as date, ${results.publishedTotal}::text as published_total, ${results.derivedTotal}::text as derived_total
      from ${results} where ${results.publishedTotal} is not null or ${results.derivedTotal} is not null`,
  )) as unknown as { rows: Record<string, unknown>[] };
  return rows.map((row) => ({
    resultId: Number(row.result_id),
    municipalityCode: String(row.municipality_code),
    instrumentKey: String(row.instrument_key),
    year: Number(row.year),
    date: row.date === null ? null : String(row.date),
    publishedTotal: row.published_total === null ? null : String(row.published_total),
    derivedTotal: row.derived_total === null ? null : String(row.derived_total),
  }));
}
