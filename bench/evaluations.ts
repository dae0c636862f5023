// Evaluations in the workspace for the benchmarks, of fictional municipalities only: their
// points are synthetic (seeded), so no real municipality is given a figure it never had.
import type { Db } from "../src/db/client.server.ts";
import { evaluationPath } from "../src/domain/paths.ts";
import type { EvaluationStatus } from "../src/domain/workflow.ts";
import { createUser, SYSTEM } from "../src/services/auth/users.server.ts";
import { createEvaluation } from "../src/services/evaluations/createEvaluation.server.ts";
import { saveMyScore, submitMyScoring } from "../src/services/scoring/myScoring.server.ts";
import { completeTestEvaluation, moveTo, moveToScoring } from "../tests/support/cycle.ts";
import { addFictionalMunicipalities, type FictionalMunicipality, syntheticMunicipalities } from "../tests/support/fictional.ts";
import { type Cast, createCast } from "../tests/support/workspace.ts";
import { prng, SEED } from "./data.ts";

/** The password of the cast's accounts (tests/support/workspace.ts). */
export const BENCH_PASSWORD = "ett-langt-losenord";
/** The cast's tag: the evaluators sign in as eva.bench@test.example and per.bench@test.example. */
const TAG = "bench";
export const benchEmail = (key: "eva" | "per" | "admin") => `${key}.${TAG}@test.example`;

/** Each stage in turn, so that every workspace tab has evaluations it shows something for. */
const STAGES: EvaluationStatus[] = ["planned", "preparation", "visit", "scoring", "agreement", "review", "published"];
const AREAS = ["1", "2", "3", "4", "5", "6", "7", "8"];

export interface BenchEvaluation {
  id: number;
  status: EvaluationStatus;
  municipality: FictionalMunicipality;
  year: number;
  /** The public evaluation page (/kommun/<slug>/<year>); it exists once the evaluation is published. */
  publicPath: string;
}

/**
 * `count` evaluations of the 2016 version (eight areas), one per fictional municipality from
 * "Syntetisk kommun <first>" on (291 by default: beyond bench/data.ts's 290, so a publication
 * adds a result rather than replacing an imported one), planned by the cast's administrator for
 * the evaluators eva and per and taken through the stages in turn: every seventh is published.
 */
export async function seedBenchEvaluations(
  db: Db,
  options: { count: number; first?: number; seed?: number },
): Promise<{ cast: Cast; evaluations: BenchEvaluation[] }> {
  const random = prng(options.seed ?? SEED);
  const towns = syntheticMunicipalities(options.count, options.first ?? 291);
  await addFictionalMunicipalities(db, towns);
  const cast = await createCast(db, TAG);
  const evaluations: BenchEvaluation[] = [];
  for (const [i, municipality] of towns.entries()) {
    const status = STAGES[i % STAGES.length]!;
    const year = 2016 + (i % 4);
    const { id } = await createEvaluation(db, cast.admin, {
      municipalityCode: municipality.code,
      instrumentKey: "2016",
      year,
      visitStart: `${year}-03-01`,
      visitEnd: `${year}-03-02`,
      evaluatorIds: [cast.eva.id, cast.per.id],
      // Preparation needs the municipality's contact person.
      contactIds: [await contactOf(db, municipality)],
    });
    await advance(db, cast, id, status, String(20 + Math.floor(random() * 76)));
    evaluations.push({ id, status, municipality, year, publicPath: evaluationPath(municipality.code, municipality.name, year) });
  }
  return { cast, evaluations };
}

/** A contact person of the fictional municipality (a user of its own). */
async function contactOf(db: Db, municipality: FictionalMunicipality): Promise<string> {
  const { id } = await createUser(db, SYSTEM, {
    email: `contact.${municipality.code}.${TAG}@test.example`,
    name: `Kontakt ${municipality.name}`,
    role: "contact",
    municipalityCode: municipality.code,
    password: BENCH_PASSWORD,
  });
  return id;
}

/** Takes a planned evaluation to `status` as the team would, with synthetic `points` on every area. */
async function advance(db: Db, cast: Cast, id: number, status: EvaluationStatus, points: string): Promise<void> {
  const reached = STAGES.indexOf(status);
  if (reached === STAGES.indexOf("planned")) return;
  if (reached < STAGES.indexOf("scoring")) {
    await moveTo(db, cast, id, "preparation");
    if (status === "visit") await moveTo(db, cast, id, "visit");
    return;
  }
  await moveToScoring(db, cast, id);
  if (status === "scoring") {
    // Half-way: one evaluator has scored some areas.
    for (const itemId of AREAS.slice(0, 4))
      await saveMyScore(db, cast.eva, id, { itemId, points, justification: "Syntetiska testdata", version: 0 });
    return;
  }
  if (status === "agreement") {
    for (const evaluator of [cast.eva, cast.per]) {
      for (const itemId of AREAS)
        await saveMyScore(db, evaluator, id, { itemId, points, justification: "Syntetiska testdata", version: 0 });
      await submitMyScoring(db, evaluator, id);
    }
    await moveTo(db, cast, id, "agreement");
    return;
  }
  await completeTestEvaluation(db, cast, id, { points });
  if (status === "published") await moveTo(db, cast, id, "published");
}
