// The workspace benchmark's data (bench/workspace.ts): 200 evaluations of 100 fictional
// municipalities ("Syntetisk kommun 001" …, never real ones: every figure is made up), made
// through the services as a team and its contacts would. Each municipality has a published
// evaluation (2015) with questionnaire answers, evidence, scores, texts and an action plan, and a
// second one (2019) that stops at one of the seven statuses in turn, with what that status allows
// (a follow-up of the first's improvement opportunities from scoring on).
import { asc } from "drizzle-orm";
import type { Db } from "../src/db/client.server.ts";
import { evaluations as evaluationRows, users } from "../src/db/schema.server.ts";
import { STATUSES, type EvaluationStatus } from "../src/domain/workflow.ts";
import { scorableItems } from "../src/domain/scorable.ts";
import { addAction } from "../src/services/actionPlan/actions.server.ts";
import { setActionPlanPublished } from "../src/services/actionPlan/publish.server.ts";
import { createUser, SYSTEM } from "../src/services/auth/users.server.ts";
import { createEvaluation } from "../src/services/evaluations/createEvaluation.server.ts";
import { readEvaluation } from "../src/services/evaluations/evaluationContext.server.ts";
import { addLink, addNote } from "../src/services/evidence/documents.server.ts";
import { addInterview } from "../src/services/evidence/interviews.server.ts";
import { markFollowup } from "../src/services/followup/markFollowup.server.ts";
import { planRow } from "../src/services/actionPlan/plan.server.ts";
import { saveAnswer } from "../src/services/questionnaire/answers.server.ts";
import { questionnaireFor } from "../src/services/questionnaire/items.server.ts";
import { handIn } from "../src/services/questionnaire/lifecycle.server.ts";
import { questionnaireRow } from "../src/services/questionnaire/shared.server.ts";
import { saveAgreedScore } from "../src/services/scoring/agreement.server.ts";
import { saveMyScore, submitMyScoring } from "../src/services/scoring/myScoring.server.ts";
import { saveText } from "../src/services/writing/saveText.server.ts";
import type { Actor } from "../src/domain/workflow.ts";
import { moveTo } from "../tests/support/cycle.ts";
import { addFictionalMunicipalities, type FictionalMunicipality, syntheticMunicipalities } from "../tests/support/fictional.ts";
import type { Cast } from "../tests/support/workspace.ts";
import { prng } from "./data.ts";

export const MUNICIPALITY_COUNT = 100;
export const PASSWORD = "ett-langt-losenord";
const INSTRUMENT = "2016";
const TEXT = "Syntetiska benchmarkdata om en fiktiv kommun. ".repeat(6).trim();

type Who = NonNullable<Actor>;
export interface BenchEvaluation {
  id: number;
  status: EvaluationStatus;
  municipality: FictionalMunicipality;
}
export interface WorkspaceData {
  evaluator: { email: string; actor: Who };
  contact: { email: string; actor: Who };
  evaluations: BenchEvaluation[];
}

async function user(db: Db, email: string, role: "administrator" | "evaluator" | "contact", municipalityCode: string | null = null) {
  const name = email.split("@")[0]!;
  const { id } = await createUser(db, SYSTEM, { email, name, role, municipalityCode, password: PASSWORD });
  return { id, name, role, municipalityCode } as Who;
}

/** Makes the people and the 200 evaluations; `log` hears of progress. */
export async function makeWorkspaceData(db: Db, log: (message: string) => void): Promise<WorkspaceData> {
  const towns = syntheticMunicipalities(MUNICIPALITY_COUNT);
  await addFictionalMunicipalities(db, towns);
  const admin = await user(db, "admin@bench.example", "administrator");
  const eva = await user(db, "eva@bench.example", "evaluator");
  const per = await user(db, "per@bench.example", "evaluator");
  const random = prng(20261206);
  const points = () => String(10 + Math.floor(random() * 80));
  const { items } = await questionnaireFor(db, INSTRUMENT);
  const evaluations: BenchEvaluation[] = [];
  let firstContact: Who | undefined;

  for (const [n, town] of towns.entries()) {
    const contact = await user(db, `kontakt${n + 1}@bench.example`, "contact", town.code);
    firstContact ??= contact;
    const cast: Cast = { admin, eva, per, contact, outsider: per, otherContact: contact };
    const evaluationOf = async (year: number, to: EvaluationStatus, previousId: number | null) => {
      const { id } = await createEvaluation(db, admin, {
        municipalityCode: town.code,
        instrumentKey: INSTRUMENT,
        year,
        visitStart: `${year}-03-01`,
        visitEnd: `${year}-03-02`,
        evaluatorIds: [eva.id, per.id],
        contactIds: [contact.id],
      });
      await advance(db, cast, id, to, { items, points, previousId });
      evaluations.push({ id, status: to, municipality: town });
      return id;
    };
    const first = await evaluationOf(2015, "published", null);
    await evaluationOf(2019, STATUSES[n % STATUSES.length]!, first);
    if ((n + 1) % 10 === 0) log(`${evaluations.length} evaluations`);
  }
  return {
    evaluator: { email: "eva@bench.example", actor: eva },
    contact: { email: "kontakt1@bench.example", actor: firstContact! },
    evaluations,
  };
}

/** The people and evaluations of a database makeWorkspaceData filled before (BENCH_WORKSPACE_DATABASE). */
export async function readWorkspaceData(db: Db): Promise<WorkspaceData> {
  const towns = new Map(syntheticMunicipalities(MUNICIPALITY_COUNT).map((town) => [town.code, town]));
  const people = new Map((await db.select().from(users)).map((row) => [row.email, row]));
  const who = (email: string) => {
    const row = people.get(email)!;
    return { email, actor: { id: row.id, name: row.name, role: row.role, municipalityCode: row.municipalityCode } as Who };
  };
  const rows = await db.select().from(evaluationRows).orderBy(asc(evaluationRows.id));
  return {
    evaluator: who("eva@bench.example"),
    contact: who("kontakt1@bench.example"),
    evaluations: rows.map((row) => ({
      id: row.id,
      status: row.status as EvaluationStatus,
      municipality: towns.get(row.municipalityCode)!,
    })),
  };
}

type Items = Awaited<ReturnType<typeof questionnaireFor>>["items"];

/** Takes a planned evaluation step by step to `to`, doing at each step what the people would. */
async function advance(
  db: Db,
  cast: Cast,
  id: number,
  to: EvaluationStatus,
  { items, points, previousId }: { items: Items; points: () => string; previousId: number | null },
) {
  const reached = (status: EvaluationStatus) => STATUSES.indexOf(to) >= STATUSES.indexOf(status);
  if (!reached("preparation")) return;
  await moveTo(db, cast, id, "preparation");
  for (const item of items) {
    const ownScore = item.maxPoints === null ? "" : item.maxPoints.mul(0.6).floor().toString();
    await saveAnswer(db, cast.contact, id, { itemId: item.id, answer: TEXT, ownScore, links: "https://example.org/", version: 0 });
  }
  await handIn(db, cast.contact, id, { version: (await questionnaireRow(db, id)).version });
  for (let k = 1; k <= 4; k++) {
    await addNote(db, cast.eva, id, { title: `Anteckning ${k}`, body: TEXT });
    await addLink(db, cast.contact, id, { title: `Länk ${k}`, url: `https://example.org/${k}` });
  }
  if (!reached("visit")) return;
  await moveTo(db, cast, id, "visit");
  await addInterview(db, cast.eva, id, { groupKind: "politicians", title: "Kommunstyrelsens presidium", participantCount: 5 });
  if (!reached("scoring")) return;
  await moveTo(db, cast, id, "scoring");
  if (previousId !== null) {
    for (const [areaNumber, improvementIndex] of [
      [1, 0],
      [3, 1],
    ] as const)
      await markFollowup(db, cast.eva, id, { areaNumber, improvementIndex, verdict: "partly", comment: TEXT, version: 0 });
  }
  const evaluation = await readEvaluation(db, cast.eva, id);
  const itemIds = scorableItems(evaluation.instrument).map((item) => item.id);
  for (const evaluator of [cast.eva, cast.per]) {
    for (const itemId of itemIds) await saveMyScore(db, evaluator, id, { itemId, points: points(), justification: TEXT, version: 0 });
    await submitMyScoring(db, evaluator, id);
  }
  if (!reached("agreement")) return;
  await moveTo(db, cast, id, "agreement");
  for (const itemId of itemIds) await saveAgreedScore(db, cast.eva, id, { itemId, points: points(), reason: TEXT, version: 0 });
  await saveText(db, cast.eva, id, { key: "summary.evaluation", body: TEXT, version: 0 });
  for (const area of [1, 2, 3, 4])
    await saveText(db, cast.eva, id, { key: `area.${area}.improvements`, body: `${TEXT}\nEn andra möjlighet\nEn tredje`, version: 0 });
  if (!reached("review")) return;
  await moveTo(db, cast, id, "review");
  if (!reached("published")) return;
  await moveTo(db, cast, id, "published");
  for (const area of [1, 2, 3, 4])
    for (const improvementIndex of [0, 1, 2])
      await addAction(db, cast.contact, id, {
        areaNumber: area,
        improvementIndex,
        title: `Åtgärd ${area}.${improvementIndex + 1}`,
        description: TEXT,
      });
  if (id % 2 === 0) await setActionPlanPublished(db, cast.contact, id, { published: true, version: (await planRow(db, id)).version });
}
