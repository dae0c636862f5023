import type { InstrumentVersion } from "../../domain/instrument.ts";
import { isDecimalText, points, pointsNumber, pointsText, roundHalfUp, sum, type Points } from "../../domain/points.ts";
import { scorableItems, type ScorableItem } from "../../domain/scorable.ts";
import type { Problem } from "../errors.ts";
import type { EvaluationContext } from "../evaluations/evaluationContext.server.ts";

/**
 * A problem of a scoring form. The message is a key of the scoring catalog (`scoring.problem.*`,
 * else the shared `problem.*`), with the values it needs ("at most {{max}}").
 */
export interface ScoringProblem extends Problem {
  values?: Record<string, string | number>;
}

/** The evaluation as the scoring pages name it. */
export interface ScoringEvaluation {
  id: number;
  municipalityCode: string;
  municipalityName: string;
  year: number;
  status: EvaluationContext["status"];
  instrumentKey: string;
  instrumentName: string;
}

export function scoringEvaluation(e: EvaluationContext): ScoringEvaluation {
  return {
    id: e.id,
    municipalityCode: e.municipalityCode,
    municipalityName: e.municipalityName,
    year: e.year,
    status: e.status,
    instrumentKey: e.instrument.key,
    instrumentName: e.instrument.name,
  };
}

/** The most decimals a point figure may have: the published tables print two. */
export const POINT_DECIMALS = 2;

export type PointsInput = { ok: true; value: Points | null } | { ok: false; problem: ScoringProblem };

/**
 * Reads points typed in a form: "12,5" (Swedish comma) or "12.5", 0 up to the item's max, at
 * most two decimals, exact (never a binary float). Empty means "not scored yet" unless required.
 */
export function parsePointsInput(raw: unknown, max: Points, options: { required: boolean }): PointsInput {
  const fail = (message: string, values?: ScoringProblem["values"]): PointsInput => ({
    ok: false,
    problem: { field: "points", message, ...(values ? { values } : {}) },
  });
  if (raw !== null && raw !== undefined && typeof raw !== "string") return fail("expected_points");
  const text = (raw ?? "").trim().replace(/\s+/g, "");
  if (text === "") return options.required ? fail("points_required", { max: pointsText(max) }) : { ok: true, value: null };
  if ((text.match(/,/g) ?? []).length > 1 || (text.includes(",") && text.includes("."))) return fail("expected_points");
  const normal = text.replace(",", ".");
  if (!isDecimalText(normal)) return fail("expected_points");
  const value = points(normal);
  if (value.isNegative() || value.greaterThan(max)) return fail("points_range", { max: pointsText(max) });
  if (value.decimalPlaces() > POINT_DECIMALS) return fail("points_decimals", { decimals: POINT_DECIMALS });
  return { ok: true, value };
}

/** A version number sent back by a form: the row's version when loaded, 0 for "none yet". */
export function versionOf(raw: unknown): number | null {
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\d{1,9}$/.test(raw.trim()) ? Number(raw) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export const MAX_TEXT = 20_000;

export function findItem(instrument: InstrumentVersion, itemId: unknown): ScorableItem | undefined {
  return typeof itemId === "string" ? scorableItems(instrument).find((item) => item.id === itemId) : undefined;
}

/** Stored numeric text as canonical exact text ("12.50" → "12.5"). */
export const storedPoints = (value: string | null): string | null => (value === null ? null : pointsText(points(value)));

/** Running points of an area: the exact sum of what is scored so far, shown rounded half up. */
export interface RunningArea {
  number: number;
  name: string;
  /** Exact sum of the points given so far. */
  exact: string;
  /** As printed: the exact sum rounded half up. */
  points: number;
  max: number;
  scored: number;
  items: number;
}

export interface RunningTotals {
  areas: RunningArea[];
  exact: string;
  /** The rounded sum of all unrounded points. */
  points: number;
  max: number;
  scored: number;
  items: number;
}

/**
 * Area and total points as they stand, by the domain rules: an area is the rounded sum of its
 * unrounded points, the total the rounded sum of all unrounded points (not of rounded areas).
 */
export function runningTotals(instrument: InstrumentVersion, values: ReadonlyMap<string, Points>): RunningTotals {
  const items = scorableItems(instrument);
  const areas = instrument.areas.map((area): RunningArea & { exactValue: Points } => {
    const own = items.filter((item) => item.areaNumber === area.number);
    const given = own.map((item) => values.get(item.id)).filter((v): v is Points => v !== undefined);
    const exactValue = sum(given);
    return {
      number: area.number,
      name: area.name,
      exact: pointsText(exactValue),
      exactValue,
      points: pointsNumber(roundHalfUp(exactValue)),
      max: pointsNumber(area.maxPoints),
      scored: given.length,
      items: own.length,
    };
  });
  const exact = sum(areas.map((a) => a.exactValue));
  return {
    areas: areas.map(({ exactValue: _e, ...area }) => area),
    exact: pointsText(exact),
    points: pointsNumber(roundHalfUp(exact)),
    max: pointsNumber(sum(instrument.areas.map((a) => a.maxPoints))),
    scored: areas.reduce((n, a) => n + a.scored, 0),
    items: items.length,
  };
}
