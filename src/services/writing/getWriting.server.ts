import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server.ts";
import { evaluationTexts, goodExamples, interviews, municipalities, users } from "../../db/schema.server.ts";
import { scoringPolicy, writingPolicy } from "../../domain/policies.ts";
import type { Actor, EvaluationStatus } from "../../domain/workflow.ts";
import { loadEvaluation } from "../evaluations/evaluationContext.server.ts";
import { ForbiddenError } from "../errors.ts";
import { agreedTotals } from "../scoring/agreement.server.ts";
import { municipalityList } from "../results/queries.server.ts";
import { previousResultFor, type PreviousResult } from "../scoring/previous.server.ts";
import type { RunningTotals } from "../scoring/shared.server.ts";
import { generalKey, improvementsKey, listItems, strengthsKey, subareaKey, SUMMARY_KEY } from "./textKeys.shared.ts";

/** One stored text. A text nobody has written yet has version 0 and an empty body. */
export interface WritingText {
  key: string;
  body: string;
  version: number;
  updatedAt: Date | null;
  updatedByName: string | null;
}

/** A list text (strengths, improvements): the text as written, and its items in order. */
export interface WritingList extends WritingText {
  items: string[];
}

export interface GoodExample {
  id: number;
  areaNumber: number;
  municipalityCode: string;
  municipalityName: string;
  sentence: string;
  position: number;
}

export interface WritingArea {
  number: number;
  name: string;
  general: WritingText;
  subareas: { id: string; question: string; text: WritingText }[];
  strengths: WritingList;
  improvements: WritingList;
  goodExamples: GoodExample[];
}

/** Facts the summary text ("when, who, how many interviews") can draw on, shown beside it. */
export interface SuggestedFacts {
  visitStart: string | null;
  visitEnd: string | null;
  evaluators: { name: string; organisation: string | null }[];
  interviewCount: number;
  /** The participants of the interviews whose number is known. */
  participantCount: number;
}

export interface Writing {
  evaluation: {
    id: number;
    municipalityCode: string;
    municipalityName: string;
    year: number;
    status: EvaluationStatus;
    instrumentKey: string;
    instrumentName: string;
  };
  canEdit: boolean;
  /** Every text of the report by key, written or not. */
  texts: Record<string, WritingText>;
  summary: WritingText;
  suggested: SuggestedFacts;
  areas: WritingArea[];
  /** The municipality's latest earlier result, to show beside each area (see PreviousResult.sameInstrument). */
  previous: PreviousResult | null;
  /** The agreed points per area so far, shown beside each area's heading; null for whoever may not see them. */
  agreed: RunningTotals | null;
  /** Municipalities that may be named as good examples (not the evaluated one), in Swedish order; empty when the actor may not edit. */
  municipalityChoices: { code: string; name: string }[];
}

/** Made once: making a collator costs more than sorting the municipalities with it. */
const collator = new Intl.Collator("sv");

/** Everything the writing page shows: texts with their versions, lists, good examples and summary facts. */
export async function getWriting(db: Db, actor: Actor, evaluationId: number): Promise<Writing> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!writingPolicy.view(actor, evaluation.access)) throw new ForbiddenError("read the evaluation's texts");
  const canEdit = writingPolicy.edit(actor, evaluation.access);
  const id = evaluation.id;

  const rows = await db
    .select({
      key: evaluationTexts.key,
      body: evaluationTexts.body,
      version: evaluationTexts.version,
      updatedAt: evaluationTexts.updatedAt,
      updatedByName: users.name,
    })
    .from(evaluationTexts)
    .leftJoin(users, eq(users.id, evaluationTexts.updatedBy))
    .where(eq(evaluationTexts.evaluationId, id));
  const stored = new Map(rows.map((row) => [row.key, row]));
  const texts: Record<string, WritingText> = {};
  const text = (key: string): WritingText => {
    const row = stored.get(key);
    const value = row
      ? { key, body: row.body, version: row.version, updatedAt: row.updatedAt, updatedByName: row.updatedByName }
      : { key, body: "", version: 0, updatedAt: null, updatedByName: null };
    texts[key] = value;
    return value;
  };
  const list = (key: string): WritingList => {
    const value = text(key);
    return { ...value, items: listItems(value.body) };
  };

  const examples = await db
    .select({
      id: goodExamples.id,
      areaNumber: goodExamples.areaNumber,
      municipalityCode: goodExamples.municipalityCode,
      municipalityName: municipalities.name,
      sentence: goodExamples.sentence,
      position: goodExamples.position,
    })
    .from(goodExamples)
    .innerJoin(municipalities, eq(municipalities.code, goodExamples.municipalityCode))
    .where(eq(goodExamples.evaluationId, id))
    .orderBy(asc(goodExamples.areaNumber), asc(goodExamples.position), asc(goodExamples.id));

  const summary = text(SUMMARY_KEY);
  const areas: WritingArea[] = evaluation.instrument.areas.map((area) => ({
    number: area.number,
    name: area.name,
    general: text(generalKey(area.number)),
    subareas: area.subareas.map((subarea) => ({ id: subarea.id, question: subarea.question, text: text(subareaKey(subarea.id)) })),
    strengths: list(strengthsKey(area.number)),
    improvements: list(improvementsKey(area.number)),
    goodExamples: examples.filter((example) => example.areaNumber === area.number),
  }));

  const [counts] = await db
    .select({ interviews: sql<number>`count(*)::int`, participants: sql<number>`coalesce(sum(${interviews.participantCount}), 0)::int` })
    .from(interviews)
    .where(eq(interviews.evaluationId, id));

  const municipalityChoices = canEdit
    ? // The cached list (kept per data version), not a query of every municipality per page.
      (await municipalityList(db))
        .filter((m) => m.code !== evaluation.municipalityCode)
        .map(({ code, name }) => ({ code, name }))
        .sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code))
    : [];

  return {
    evaluation: {
      id,
      municipalityCode: evaluation.municipalityCode,
      municipalityName: evaluation.municipalityName,
      year: evaluation.year,
      status: evaluation.status,
      instrumentKey: evaluation.instrument.key,
      instrumentName: evaluation.instrument.name,
    },
    canEdit,
    texts,
    summary,
    suggested: {
      visitStart: evaluation.visitStart,
      visitEnd: evaluation.visitEnd,
      evaluators: evaluation.evaluators.map((person) => ({ name: person.name, organisation: person.organisation })),
      interviewCount: Number(counts?.interviews ?? 0),
      participantCount: Number(counts?.participants ?? 0),
    },
    areas,
    previous: await previousResultFor(db, evaluation),
    agreed: scoringPolicy.viewAgreed(actor, evaluation.access) ? await agreedTotals(db, evaluation) : null,
    municipalityChoices,
  };
}
