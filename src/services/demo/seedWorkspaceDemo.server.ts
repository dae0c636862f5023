import { changePublicData } from "../../db/dataVersion.server.ts";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server.ts";
import { findResults } from "../../db/repositories/results.server.ts";
import {
  agreedScores,
  evaluationKeyFacts,
  evaluationMembers,
  evaluationRevisions,
  evaluations,
  evaluationTexts,
  goodExamples,
  interviews,
  municipalities,
  scores,
  scoreSubmissions,
} from "../../db/schema.server.ts";
import { pointsText } from "../../domain/points.ts";
import type { KeyFactsInput } from "../../domain/report/input.ts";
import { createUser, SYSTEM } from "../auth/users.server.ts";
import type { Actor } from "../../domain/workflow.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { referenceFolder } from "../reference/loadReferenceData.server.ts";
import { indexEvaluation } from "../search/indexEvaluation.server.ts";
import { type DemoActionPlan, type DemoQuestionnaire, seedDemoActionPlan, seedDemoQuestionnaire } from "./seedCycleDemo.server.ts";

interface DemoInterview {
  groupKind: string;
  title: string;
  /** Left out where the source gives no count (Örebro 2012's report names only the groups). */
  participantCount?: number;
}

interface DemoEvaluation {
  municipalityCode: string;
  instrumentKey: string;
  year: number;
  visitStart: string;
  visitEnd: string;
  evaluators: string[];
  contacts: string[];
  /** Municipality staff the contact invited (issue 13). */
  staff?: string[];
  interviews: DemoInterview[];
  texts: Record<string, string>;
}

interface DemoFile {
  password: string;
  /** The made-up municipality of the practice case: never public, never published. */
  practiceMunicipality: { code: string; name: string; officialName: string; countyCode: string };
  users: {
    key: string;
    email: string;
    name: string;
    role: "administrator" | "evaluator" | "contact" | "staff";
    organisation?: string;
    municipalityCode?: string;
    noLogin?: boolean;
  }[];
  published: DemoEvaluation & {
    goodExamples: { areaNumber: number; municipalityCode: string; sentence: string }[];
    keyFacts: KeyFactsInput;
    actionPlan: DemoActionPlan;
  };
  inProgress: DemoEvaluation & {
    status: string;
    questionnaire: DemoQuestionnaire;
  };
}

/**
 * The workspace demo: accounts, Örebro 2012 as a published evaluation with the published
 * points (and a private practice action plan), and a practice case in scoring (with a
 * questionnaire handed in before the visit) for the demo's evaluators to score and agree on. The
 * practice case is about Övningsköping, a made-up municipality marked `practice`, and has no
 * points: every figure the demo shows is a published one. Tests that need a case in agreement add
 * synthetic points themselves (tests/support/practicePoints.ts).
 */
export async function seedWorkspaceDemo(db: Db): Promise<void> {
  const demo = JSON.parse(readFileSync(`${referenceFolder}demo/workspace.json`, "utf8")) as DemoFile;
  // Before the users: the practice case's contact and colleague belong to it.
  await db.insert(municipalities).values({ ...demo.practiceMunicipality, practice: true });
  const ids = new Map<string, string>();
  const people = new Map<string, NonNullable<Actor> & { email: string }>();
  for (const user of demo.users) {
    const { id } = await createUser(db, SYSTEM, {
      email: user.email,
      name: user.name,
      role: user.role,
      organisation: user.organisation ?? null,
      municipalityCode: user.municipalityCode ?? null,
      password: user.noLogin ? undefined : demo.password,
    });
    ids.set(user.key, id);
    people.set(user.key, { id, name: user.name, role: user.role, municipalityCode: user.municipalityCode ?? null, email: user.email });
  }
  const [orebro2012] = (await findResults(db, { municipalityCode: "1880", instrumentKey: "2010", year: 2012 })) ?? [];
  const { published, running } = await changePublicData(db, async (tx) => {
    const published = await createDemoEvaluation(tx, demo.published, ids, "published");
    if (orebro2012) {
      const agreed = [...orebro2012.figures.subareas].map(([itemId, value]) => ({ itemId, points: pointsText(value) }));
      for (const key of demo.published.evaluators) {
        await tx
          .insert(scores)
          .values(agreed.map((a) => ({ evaluationId: published, userId: ids.get(key)!, itemId: a.itemId, points: a.points })));
        await tx.insert(scoreSubmissions).values({ evaluationId: published, userId: ids.get(key)! });
      }
      await tx
        .insert(agreedScores)
        .values(agreed.map((a) => ({ evaluationId: published, itemId: a.itemId, points: a.points, reason: "Överens vid samsynsmötet." })));
      await tx
        .update(evaluations)
        .set({ resultId: orebro2012.id, publishedAt: new Date("2012-12-30T12:00:00Z") })
        .where(eq(evaluations.id, published));
      await tx.insert(goodExamples).values(demo.published.goodExamples.map((g, position) => ({ evaluationId: published, ...g, position })));
      await tx.insert(evaluationKeyFacts).values({ evaluationId: published, ...demo.published.keyFacts });
      await tx.insert(evaluationRevisions).values({
        evaluationId: published,
        revision: 1,
        reason: "Första publiceringen",
        createdBy: ids.get("admin")!,
        snapshot: {
          revision: 1,
          publishedAt: "2012-12-30T12:00:00.000Z",
          agreed: Object.fromEntries(agreed.map((a) => [a.itemId, { points: a.points, reason: "Överens vid samsynsmötet." }])),
          texts: demo.published.texts,
          goodExamples: demo.published.goodExamples,
          keyFacts: demo.published.keyFacts,
          evaluators: demo.published.evaluators.map((key) => {
            const user = demo.users.find((u) => u.key === key)!;
            return user.organisation ? `${user.name}, ${user.organisation}` : user.name;
          }),
        },
      });
      await indexEvaluation(tx, published);
    }

    // No points: the demo shows only published figures, so the team scores the practice case itself.
    const running = await createDemoEvaluation(tx, demo.inProgress, ids, demo.inProgress.status);
    return { published, running };
  });
  // The municipality's own cycle is practice content, private to signed-in users: no public data changes.
  if (orebro2012) {
    await seedDemoActionPlan(db, published, demo.published.municipalityCode, demo.published.texts, demo.published.actionPlan, people);
  }
  await seedDemoQuestionnaire(db, running, demo.inProgress.instrumentKey, demo.inProgress.questionnaire, people);
}

async function createDemoEvaluation(tx: Tx, demo: DemoEvaluation, ids: Map<string, string>, status: string): Promise<number> {
  const [row] = await tx
    .insert(evaluations)
    .values({
      municipalityCode: demo.municipalityCode,
      instrumentKey: demo.instrumentKey,
      year: demo.year,
      status,
      visitStart: demo.visitStart,
      visitEnd: demo.visitEnd,
      createdBy: ids.get("admin")!,
    })
    .returning({ id: evaluations.id });
  const id = row!.id;
  await tx
    .insert(evaluationMembers)
    .values([
      ...demo.evaluators.map((key) => ({ evaluationId: id, userId: ids.get(key)!, role: "evaluator" })),
      ...demo.contacts.map((key) => ({ evaluationId: id, userId: ids.get(key)!, role: "contact" })),
      ...(demo.staff ?? []).map((key) => ({ evaluationId: id, userId: ids.get(key)!, role: "staff" })),
    ]);
  await tx.insert(interviews).values(
    demo.interviews.map((i, n) => ({
      evaluationId: id,
      groupKind: i.groupKind,
      title: i.title,
      participantCount: i.participantCount ?? null,
      startsAt: new Date(`${demo.visitStart}T${String(9 + n * 2).padStart(2, "0")}:00:00+01:00`),
    })),
  );
  await tx.insert(evaluationTexts).values(Object.entries(demo.texts).map(([key, body]) => ({ evaluationId: id, key, body })));
  await appendAudit(tx, { evaluationId: id, actor: "system", action: "created", target: "demo", after: { status } });
  return id;
}
