import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server.ts";
import { findResults } from "../../db/repositories/results.server.ts";
import { agreedScores, evaluationTexts, evidence, goodExamples, interviews } from "../../db/schema.server.ts";
import { points } from "../../domain/points.ts";
import type { ComparisonInput, FollowupInput, PreviousInput, ReportInput } from "../../domain/report/input.ts";
import { AVERAGE_DECIMALS } from "../../domain/report/compare.ts";
import type { PublishedFigures, Result } from "../../domain/result.ts";
import { figuresFromAgreed } from "../../domain/scorable.ts";
import { sv } from "../../i18n/sv.ts";
import type { EvaluationContext } from "../evaluations/evaluationContext.server.ts";
import type { EvaluationSnapshot } from "../../db/schema.server.ts";
import { DEFAULT_GROUPING, getAverages, getMunicipality, municipalityNames } from "../results/queries.server.ts";
import { followupRecord } from "../followup/previous.server.ts";
import { getInstruments } from "../instruments/catalog.server.ts";
import { previousResultFor } from "../scoring/previous.server.ts";
import { readKeyFacts } from "./keyFacts.server.ts";

/** What differs between the published report and the working one. */
interface EditionParts {
  draft: boolean;
  date: string;
  figures: PublishedFigures;
  texts: Record<string, string>;
  evaluators: string[];
  goodExamples: { areaNumber: number; municipalityCode: string; sentence: string }[];
  keyFacts: ReportInput["keyFacts"];
  followup: EvaluationSnapshot["followup"] | null;
}

const stockholmDate = (date: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(date);

/** The published revision: its frozen texts and team, and the figures the public sees. */
async function publishedParts(
  db: Db,
  evaluation: EvaluationContext,
  snapshot: EvaluationSnapshot,
  history: readonly Result[],
): Promise<EditionParts> {
  const result = history.find((r) => r.instrumentKey === evaluation.instrument.key && r.year === evaluation.year);
  return {
    draft: false,
    date: stockholmDate(new Date(snapshot.publishedAt)),
    // Published figures are printed as published, never recomputed from the points.
    figures: result?.figures ?? { total: null, areas: new Map(), subareas: new Map() },
    texts: snapshot.texts,
    evaluators: snapshot.evaluators,
    goodExamples: snapshot.goodExamples,
    keyFacts: snapshot.keyFacts ?? (await readKeyFacts(db, evaluation.id)),
    // As frozen at publication: the marks of the working state may have changed since (a correction).
    followup: snapshot.followup ?? null,
  };
}

/** The working state: agreed points so far, texts as they stand. A draft until published. */
async function currentParts(db: Db, evaluation: EvaluationContext, now: Date): Promise<EditionParts> {
  const id = evaluation.id;
  const [agreed, texts, examples, keyFacts, followup] = await Promise.all([
    db.select({ itemId: agreedScores.itemId, points: agreedScores.points }).from(agreedScores).where(eq(agreedScores.evaluationId, id)),
    db.select({ key: evaluationTexts.key, body: evaluationTexts.body }).from(evaluationTexts).where(eq(evaluationTexts.evaluationId, id)),
    db.select().from(goodExamples).where(eq(goodExamples.evaluationId, id)).orderBy(goodExamples.areaNumber, goodExamples.position),
    readKeyFacts(db, id),
    followupRecord(db, evaluation),
  ]);
  return {
    draft: evaluation.status !== "published",
    date: stockholmDate(now),
    figures: figuresFromAgreed(evaluation.instrument, new Map(agreed.map((a) => [a.itemId, points(a.points)]))),
    texts: Object.fromEntries(texts.map((t) => [t.key, t.body])),
    evaluators: evaluation.evaluators.map((p) => (p.organisation ? `${p.name}, ${p.organisation}` : p.name)),
    goodExamples: examples,
    keyFacts,
    followup,
  };
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase("sv") + text.slice(1);

/** Everything `buildReport` needs, for the published revision (`snapshot`) or the working state. */
export async function reportInput(
  db: Db,
  evaluation: EvaluationContext,
  options: { snapshot: EvaluationSnapshot | null; compare: number; now?: Date },
): Promise<ReportInput> {
  const id = evaluation.id;
  // The municipality's results serve three ends: the published figures, the count of earlier evaluations and the previous result.
  const history = await findResults(db, { municipalityCode: evaluation.municipalityCode });
  const [parts, municipality, names, interviewRows, documents, previous, comparison] = await Promise.all([
    options.snapshot ? publishedParts(db, evaluation, options.snapshot, history) : currentParts(db, evaluation, options.now ?? new Date()),
    // The team's working copy of a practice case has a report too; only published ones are public.
    getMunicipality(db, evaluation.municipalityCode, { practice: true }),
    municipalityNames(db),
    db.select({ kind: interviews.groupKind, people: interviews.participantCount }).from(interviews).where(eq(interviews.evaluationId, id)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(evidence)
      .where(and(eq(evidence.evaluationId, id), inArray(evidence.kind, ["document", "link"]))),
    previousResultFor(db, evaluation, history),
    comparisonFor(db, evaluation, options.compare),
  ]);
  const earlier = history.filter((r) => r.year < evaluation.year).length;
  const group = municipality.groups.find((g) => g.grouping === DEFAULT_GROUPING) ?? municipality.groups[0];
  const known = interviewRows.filter((i) => i.people !== null);
  const groupNames: Record<string, string> = sv.evidence.groups;
  const kinds = [...new Set(interviewRows.map((i) => i.kind))].filter((k) => k !== "others");

  return {
    municipality: { code: municipality.code, name: municipality.name },
    group: group ? { grouping: group.groupingName, name: `${group.code}. ${group.name}` } : null,
    instrument: evaluation.instrument,
    year: evaluation.year,
    draft: parts.draft,
    date: parts.date,
    evaluators: parts.evaluators,
    visitStart: evaluation.visitStart,
    visitEnd: evaluation.visitEnd,
    earlierEvaluations: earlier,
    interviews: {
      count: interviewRows.length,
      people: known.length > 0 ? known.reduce((total, i) => total + i.people!, 0) : null,
      groups: kinds.map((k) => lowerFirst(groupNames[k] ?? k)),
    },
    documentCount: documents[0]?.n ?? 0,
    figures: parts.figures,
    texts: parts.texts,
    goodExamples: parts.goodExamples.map((g) => ({
      areaNumber: g.areaNumber,
      municipality: names.get(g.municipalityCode) ?? g.municipalityCode,
      sentence: g.sentence,
    })),
    previous: previous ? previousInput(previous) : null,
    comparison,
    keyFacts: parts.keyFacts,
    followup: parts.followup ? await followupInput(db, parts.followup) : null,
  };
}

/** The follow-up with the previous evaluation's areas named as its own version names them. */
async function followupInput(db: Db, followup: NonNullable<EvaluationSnapshot["followup"]>): Promise<FollowupInput> {
  const instrument = (await getInstruments(db)).get(followup.basis.instrumentKey);
  return { ...followup, areaNames: Object.fromEntries((instrument?.areas ?? []).map((a) => [a.number, a.name])) };
}

function previousInput(previous: NonNullable<Awaited<ReturnType<typeof previousResultFor>>>): PreviousInput {
  return {
    year: previous.year,
    instrumentKey: previous.instrumentKey,
    instrumentName: previous.instrumentName,
    sameInstrument: previous.sameInstrument,
    total: previous.total,
    maxTotal: previous.maxTotal,
    areas: previous.areas.map((a) => ({ number: a.number, points: a.points, derived: a.derived })),
  };
}

/** The average of the N latest evaluations with the same version made before this one, other municipalities only. */
async function comparisonFor(db: Db, evaluation: EvaluationContext, compare: number): Promise<ComparisonInput> {
  const before = evaluation.visitStart ?? `${evaluation.year}-01-01`;
  const averages = await getAverages(db, {
    instrument: evaluation.instrument.key,
    latest: compare,
    before,
    exclude: evaluation.municipalityCode,
    decimals: AVERAGE_DECIMALS,
  });
  return { asked: compare, areas: averages.areas, used: averages.results.map((r) => ({ municipality: r.name, year: r.year })) };
}
