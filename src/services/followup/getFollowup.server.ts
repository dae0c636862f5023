import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server.ts";
import { actionNotes, actions, scores, users } from "../../db/schema.server.ts";
import { type ActionStatus, isActionStatus, isOverdue } from "../../domain/cycle/actions.ts";
import { improvementsOf, isVerdict, type Verdict } from "../../domain/cycle/followup.ts";
import { reportPath } from "../../domain/paths.ts";
import { points } from "../../domain/points.ts";
import { followupPolicy } from "../../domain/policies.ts";
import type { Actor, EvaluationStatus } from "../../domain/workflow.ts";
import { ForbiddenError } from "../errors.ts";
import { loadEvaluation } from "../evaluations/evaluationContext.server.ts";
import { getInstruments } from "../instruments/catalog.server.ts";
import { agreedTotals } from "../scoring/agreement.server.ts";
import { type RunningArea, runningTotals } from "../scoring/shared.server.ts";
import { followupRows, previousPublishedEvaluation } from "./previous.server.ts";

/** An action of the municipality's action plan, as the follow-up shows it beside an opportunity. */
export interface FollowupAction {
  id: number;
  title: string;
  status: ActionStatus;
  dueDate: string | null;
  /** Open and past its due date (today in Sweden). */
  overdue: boolean;
  notes: number;
}

/** The team's mark on an opportunity. */
export interface FollowupMark {
  verdict: Verdict;
  comment: string;
  version: number;
  updatedByName: string | null;
  updatedAt: string;
  /** The opportunity was worded differently when it was marked (the previous report was corrected since). */
  markedText: string | null;
}

export interface FollowupOpportunity {
  areaNumber: number;
  /** 0-based position in the area's list. */
  index: number;
  text: string;
  actions: FollowupAction[];
  mark: FollowupMark | null;
}

/** This evaluation's points on an area so far: the actor's own and the team's agreed (null: none given yet). */
export interface CurrentPoints {
  own: RunningArea | null;
  agreed: RunningArea | null;
}

export interface FollowupArea {
  number: number;
  /** As the previous evaluation's instrument version names it. */
  name: string;
  opportunities: FollowupOpportunity[];
  /** The same area's points in this evaluation; null when the versions differ (no line-by-line match). */
  current: CurrentPoints | null;
}

export interface Followup {
  evaluation: { id: number; municipalityName: string; year: number; status: EvaluationStatus; instrumentKey: string };
  previous: {
    id: number;
    year: number;
    instrumentKey: string;
    instrumentName: string;
    sameVersion: boolean;
    reportPath: string;
  } | null;
  /** The previous evaluation's areas that list improvement opportunities, in area order. */
  areas: FollowupArea[];
  /** This evaluation's areas with their points so far (shown on their own when the versions differ). */
  currentAreas: ({ number: number; name: string } & CurrentPoints)[];
  /** The municipality's own actions, not tied to an opportunity. */
  otherActions: (FollowupAction & { areaNumber: number | null })[];
  marked: number;
  total: number;
  mayMark: boolean;
}

const swedishToday = (now: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(now);

/** The actions answering the previous evaluation, with how many progress notes each has. */
async function previousActions(db: Db, previousId: number, today: string) {
  const rows = await db
    .select({
      id: actions.id,
      title: actions.title,
      status: actions.status,
      dueDate: actions.dueDate,
      areaNumber: actions.areaNumber,
      improvementIndex: actions.improvementIndex,
    })
    .from(actions)
    .where(eq(actions.evaluationId, previousId))
    .orderBy(asc(actions.areaNumber), asc(actions.dueDate), asc(actions.id));
  const counts = rows.length
    ? await db
        .select({ actionId: actionNotes.actionId, n: sql<number>`count(*)::int` })
        .from(actionNotes)
        .where(
          inArray(
            actionNotes.actionId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(actionNotes.actionId)
    : [];
  const notesOf = new Map(counts.map((c) => [c.actionId, Number(c.n)]));
  return rows.map((row) => {
    const status: ActionStatus = isActionStatus(row.status) ? row.status : "planned";
    return {
      id: row.id,
      title: row.title,
      status,
      dueDate: row.dueDate,
      overdue: isOverdue({ status, dueDate: row.dueDate }, today),
      notes: notesOf.get(row.id) ?? 0,
      areaNumber: row.areaNumber,
      improvementIndex: row.improvementIndex,
    };
  });
}

/**
 * The follow-up page of an evaluation: every improvement opportunity of the municipality's
 * previous published evaluation, with the actions the municipality took and their status, the
 * team's mark on it, and beside it the same area's points in this evaluation (by area number
 * within one instrument version; across versions the previous areas stand on their own).
 */
export async function getFollowup(db: Db, actor: Actor, evaluationId: number, options: { now?: Date } = {}): Promise<Followup> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!followupPolicy.view(actor, evaluation.access)) throw new ForbiddenError("follow up the previous evaluation");
  const mine = actor
    ? await db
        .select({ itemId: scores.itemId, points: scores.points })
        .from(scores)
        .where(and(eq(scores.evaluationId, evaluation.id), eq(scores.userId, actor.id)))
    : [];
  const own = runningTotals(
    evaluation.instrument,
    new Map(mine.flatMap((row) => (row.points === null ? [] : [[row.itemId, points(row.points)] as const]))),
  );
  const agreed = await agreedTotals(db, evaluation);
  const pointsOf = (number: number): CurrentPoints => {
    const o = own.areas.find((a) => a.number === number);
    const a = agreed.areas.find((x) => x.number === number);
    return { own: o && o.scored > 0 ? o : null, agreed: a && a.scored > 0 ? a : null };
  };
  const currentAreas = evaluation.instrument.areas.map((area) => ({ number: area.number, name: area.name, ...pointsOf(area.number) }));
  const summary = {
    evaluation: {
      id: evaluation.id,
      municipalityName: evaluation.municipalityName,
      year: evaluation.year,
      status: evaluation.status,
      instrumentKey: evaluation.instrument.key,
    },
    currentAreas,
    mayMark: followupPolicy.mark(actor, evaluation.access),
  };

  const previous = await previousPublishedEvaluation(db, evaluation);
  if (!previous) return { ...summary, previous: null, areas: [], otherActions: [], marked: 0, total: 0 };
  const instrument = (await getInstruments(db)).get(previous.instrumentKey);
  const opportunities = improvementsOf(previous.texts);
  const [allActions, rows] = [
    await previousActions(db, previous.id, swedishToday(options.now ?? new Date())),
    await followupRows(db, evaluation.id, previous.id),
  ];
  const editors = rows.map((r) => r.updatedBy).filter((id): id is string => id !== null);
  const names = new Map(
    editors.length
      ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, editors))).map((u) => [u.id, u.name])
      : [],
  );
  const markOf = new Map(rows.map((row) => [`${row.areaNumber}.${row.improvementIndex}`, row]));
  const tied = new Set<number>();
  const areaNumbers = [...new Set(opportunities.map((o) => o.areaNumber))];
  const areas = areaNumbers.map(
    (number): FollowupArea => ({
      number,
      name: instrument?.areas.find((a) => a.number === number)?.name ?? "",
      current: previous.sameVersion ? pointsOf(number) : null,
      opportunities: opportunities
        .filter((o) => o.areaNumber === number)
        .map((o): FollowupOpportunity => {
          const own = allActions.filter((a) => a.areaNumber === number && a.improvementIndex === o.index);
          for (const a of own) tied.add(a.id);
          const row = markOf.get(`${number}.${o.index}`);
          return {
            areaNumber: number,
            index: o.index,
            text: o.text,
            actions: own.map(({ areaNumber: _a, improvementIndex: _i, ...action }) => action),
            mark:
              row && isVerdict(row.verdict)
                ? {
                    verdict: row.verdict,
                    comment: row.comment,
                    version: row.version,
                    updatedByName: row.updatedBy ? (names.get(row.updatedBy) ?? null) : null,
                    updatedAt: row.updatedAt.toISOString(),
                    markedText: row.improvementText === o.text ? null : row.improvementText,
                  }
                : null,
          };
        }),
    }),
  );
  const all = areas.flatMap((a) => a.opportunities);
  return {
    ...summary,
    previous: {
      id: previous.id,
      year: previous.year,
      instrumentKey: previous.instrumentKey,
      instrumentName: instrument?.name ?? previous.instrumentKey,
      sameVersion: previous.sameVersion,
      reportPath: reportPath(previous.id),
    },
    areas,
    otherActions: allActions.filter((a) => !tied.has(a.id)).map(({ improvementIndex: _i, ...action }) => action),
    marked: all.filter((o) => o.mark !== null).length,
    total: all.length,
  };
}
