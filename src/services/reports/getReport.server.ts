import type { Db } from "../../db/client.server.ts";
import { reportPolicy } from "../../domain/policies.ts";
import { buildReport } from "../../domain/report/buildReport.ts";
import type { ReportModel } from "../../domain/report/model.ts";
import type { Actor, EvaluationStatus } from "../../domain/workflow.ts";
import { reportDocument } from "../../domain/report/wording.ts";
import { readEvaluation, type EvaluationContext } from "../evaluations/evaluationContext.server.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { publishedSnapshot } from "../evaluations/publishedSnapshot.server.ts";
import { reportInput } from "./reportInput.server.ts";
import { DEFAULT_COMPARE, enoughToAverage, MAX_COMPARE, MIN_AVERAGED } from "../../domain/report/compare.ts";

/** The published revision's report (public), or the working one (the team's draft). */
export type ReportEdition = "published" | "current";

export interface ReportRequest {
  edition?: ReportEdition;
  /** N, the number of latest evaluations the profile is compared with. */
  compare?: number;
  /** The evaluation as the caller has already read it for this actor (spares reading it again). */
  evaluation?: EvaluationContext;
}

export interface Report {
  model: ReportModel;
  edition: ReportEdition;
  /** The editions this actor may choose between. */
  editions: ReportEdition[];
  evaluationId: number;
  /** The published revision shown (edition "published"), else null. */
  revision: number | null;
  municipalityCode: string;
  year: number;
  status: EvaluationStatus;
  /** N as used: the one asked for when the actor may choose it, else the published DEFAULT_COMPARE. */
  compare: number;
  /** What the profile is compared with, for the sentence that names it on the report's pages. */
  comparison: ReportComparison;
}

export interface ReportComparison {
  /** May this actor choose N (reportPolicy.chooseComparison)? */
  mayChoose: boolean;
  /** How many evaluations were found (at most N), and whether that is enough to draw their average. */
  used: number;
  averaged: boolean;
  /** The instrument version they share. */
  instrument: string;
}

export function parseCompare(value: string | number | null | undefined): number {
  if (value === null || value === undefined || value === "") return DEFAULT_COMPARE;
  const n = typeof value === "number" ? value : Number(value.trim());
  // Fewer than MIN_AVERAGED could never be drawn as an average.
  if (!Number.isInteger(n) || n < MIN_AVERAGED || n > MAX_COMPARE) {
    throw new ValidationError("the report was not made", [
      { field: "compare", message: "compare_invalid", values: { min: MIN_AVERAGED, max: MAX_COMPARE } },
    ]);
  }
  return n;
}

/**
 * The report of an evaluation. Its published revision is public; the working report is for
 * whoever may read the evaluation's texts, marked as a draft until published. Anyone else gets
 * the same answer as for an evaluation that does not exist.
 */
export async function getReport(db: Db, actor: Actor, evaluationId: number, request: ReportRequest = {}): Promise<Report> {
  // Ids are PostgreSQL integers: anything else names no evaluation (and must not reach a query).
  if (!Number.isInteger(evaluationId) || evaluationId < 1 || evaluationId > 2_147_483_647)
    throw new NotFoundError("report", String(evaluationId));
  const evaluation = request.evaluation?.id === evaluationId ? request.evaluation : await readEvaluation(db, actor, evaluationId);
  const snapshot = await publishedSnapshot(db, evaluation.id);
  const editions: ReportEdition[] = [];
  if (reportPolicy.viewPublished(snapshot !== null)) editions.push("published");
  // A published evaluation's working state is its published revision.
  if (reportPolicy.viewCurrent(actor, evaluation.access) && evaluation.status !== "published") editions.push("current");
  const edition = request.edition ?? (editions.includes("current") ? "current" : "published");
  if (!editions.includes(edition)) throw new NotFoundError("report", String(evaluationId));
  // Anyone else's ?jamfor= is not an error, but they see the published comparison.
  const mayChoose = reportPolicy.chooseComparison(actor, evaluation.access);
  const compare = mayChoose ? (request.compare ?? DEFAULT_COMPARE) : DEFAULT_COMPARE;
  const input = await reportInput(db, evaluation, { snapshot: edition === "published" ? snapshot : null, compare });
  const used = input.comparison.used.length;
  return {
    model: buildReport(input, reportDocument),
    edition,
    editions,
    evaluationId: evaluation.id,
    revision: edition === "published" && snapshot ? snapshot.revision : null,
    municipalityCode: evaluation.municipalityCode,
    year: evaluation.year,
    status: evaluation.status,
    compare,
    comparison: { mayChoose, used, averaged: enoughToAverage(used), instrument: input.instrument.key },
  };
}
