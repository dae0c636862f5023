import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actionNotes,
  actionPlans,
  actions,
  agreedScores,
  auditLog,
  evaluationMembers,
  evaluationRevisions,
  evaluations,
  interviews,
  municipalities,
  questionnaireAnswers,
  questionnaires,
  scores,
  users,
} from "../../src/db/schema.server.ts";
import { ACTION_STATUSES, type ActionStatus, isOverdue } from "../../src/domain/cycle/actions.ts";
import { improvementsOf } from "../../src/domain/cycle/followup.ts";
import { isAnswered } from "../../src/domain/cycle/questionnaire.ts";
import { demoCalendar } from "../../src/services/demo/seedCycleDemo.server.ts";
import { TEST_IMPROVEMENTS } from "../support/cycle.ts";
import { realMunicipalityCodes } from "../support/fictional.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { addE2eFixture, E2E_TESTKOPING_CONTACT } from "../support/e2eFixture.ts";

// The demo of the municipality's own cycle (issue 13): the practice case's questionnaire,
// half answered by its contact and an invited colleague, and Örebro 2012's private action plan
// with actions in every status, some overdue whenever the demo is seeded.
describe.each(testDatabaseKinds())("the cycle's demo, on %s", (kind) => {
  let database: TestDatabase;
  const PRACTICE = 2;
  const OREBRO = 1;
  const today = demoCalendar().day(0);

  beforeAll(async () => {
    // The demo exactly as shipped: without the tests' synthetic points for the practice case.
    database = await createTestDatabase(kind, { demo: true, practicePoints: false });
  }, 120_000);
  afterAll(() => database?.dispose());

  const userId = async (email: string) => (await database.db.select().from(users).where(eq(users.email, email)))[0]!;

  it("has a colleague in Övningsköping, invited to its practice case as staff", async () => {
    const sara = await userId("kollega.ovningskoping@kompass.example");
    expect(sara).toMatchObject({ name: "Sara Nyström", role: "staff", municipalityCode: "9990" });
    const members = await database.db.select().from(evaluationMembers).where(eq(evaluationMembers.userId, sara.id));
    expect(members.map((m) => [m.evaluationId, m.role])).toEqual([[PRACTICE, "staff"]]);
  });

  it("has the practice case's questionnaire handed in before the visit, half answered by the contact and the colleague", async () => {
    const [evaluation] = await database.db.select().from(evaluations).where(eq(evaluations.id, PRACTICE));
    const [questionnaire] = await database.db.select().from(questionnaires).where(eq(questionnaires.evaluationId, PRACTICE));
    expect(questionnaire).toMatchObject({ status: "handed_in", gapPublished: false });
    expect(questionnaire!.dueDate < evaluation!.visitStart!).toBe(true);
    expect(questionnaire!.handedInAt!.toISOString().slice(0, 10) <= questionnaire!.dueDate).toBe(true);
    const contact = await userId("kontakt.ovningskoping@kompass.example");
    const sara = await userId("kollega.ovningskoping@kompass.example");
    expect(questionnaire!.handedInBy).toBe(contact.id);

    const answers = await database.db.select().from(questionnaireAnswers).where(eq(questionnaireAnswers.evaluationId, PRACTICE));
    const answered = answers.filter(isAnswered);
    expect(answered).toHaveLength(4); // of the eight items, one per area of the 2020 version
    expect(answered.every((a) => a.answer.startsWith("Övningssvar"))).toBe(true);
    expect(answered.filter((a) => a.updatedBy === contact.id && a.assignedTo === null).length).toBeGreaterThan(0);
    expect(answered.filter((a) => a.updatedBy === sara.id && a.assignedTo === sara.id).length).toBeGreaterThan(0);
    // No own scores: the questionnaire shows the answers, and the draft points are the team's.
    expect(answered.filter((a) => a.ownScore !== null)).toEqual([]);
    expect(answered.filter((a) => a.links !== "").length).toBeGreaterThan(0);
    // One item is given to the colleague and waits for her answer.
    expect(answers.filter((a) => a.assignedTo === sara.id && !isAnswered(a))).toHaveLength(1);

    const logged = await database.db
      .select({ action: auditLog.action, target: auditLog.target, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.evaluationId, PRACTICE), sql`${auditLog.action} like 'questionnaire%'`));
    expect(logged.filter((e) => e.action === "questionnaire.answer").map((e) => e.target)).toEqual(answered.map((a) => a.itemId));
    expect(logged.filter((e) => e.action === "questionnaire.assigned").map((e) => e.target)).toEqual(["5", "7", "8"]);
    expect(logged.filter((e) => e.action === "questionnaire.colleagueInvited").map((e) => e.target)).toEqual([
      "kollega.ovningskoping@kompass.example",
    ]);
    expect(logged.at(0)).toMatchObject({ action: "questionnaire.sent", target: "questionnaire" });
    expect(logged.at(-1)).toEqual({ action: "questionnaire.handedIn", target: "questionnaire", actorId: contact.id });
  });

  it("has Örebro 2012's action plan, private, from its published improvement opportunities, in every status and some overdue", async () => {
    const [plan] = await database.db.select().from(actionPlans).where(eq(actionPlans.evaluationId, OREBRO));
    expect(plan).toMatchObject({ published: false, publishedAt: null });
    const rows = await database.db.select().from(actions).where(eq(actions.evaluationId, OREBRO));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(ACTION_STATUSES));
    const overdue = rows.filter((r) => isOverdue({ status: r.status as ActionStatus, dueDate: r.dueDate }, today));
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.status === "in_progress" && r.dueDate! >= today)).toBe(true);
    expect(rows.every((r) => r.municipalityCode === "1880")).toBe(true);
    // Own actions answer no improvement opportunity (and so have no area, as the services store them).
    const own = rows.filter((r) => r.improvementIndex === null);
    expect(own.length).toBeGreaterThanOrEqual(2);
    expect(own.every((r) => r.areaNumber === null && r.improvementText === null)).toBe(true);
    const logged = await database.db.select().from(auditLog).where(eq(auditLog.evaluationId, OREBRO));
    expect(logged.filter((e) => e.action === "action_added")).toHaveLength(rows.length);
    expect(rows.every((r) => (r.status === "done" || r.status === "cancelled") === (r.closedAt !== null))).toBe(true);

    // Every improvement opportunity of the published revision has an action, with its wording as published.
    const [revision] = await database.db.select().from(evaluationRevisions).where(eq(evaluationRevisions.evaluationId, OREBRO));
    const published = improvementsOf(revision!.snapshot.texts);
    for (const improvement of published) {
      const answering = rows.filter((r) => r.areaNumber === improvement.areaNumber && r.improvementIndex === improvement.index);
      expect(answering.length, improvement.text).toBeGreaterThan(0);
      expect(answering.every((r) => r.improvementText === improvement.text)).toBe(true);
    }
    const notes = await database.db.select().from(actionNotes);
    expect(notes.length).toBeGreaterThan(rows.length / 2);
    expect(notes.every((n) => n.notedOn <= today)).toBe(true);
    expect(new Set(rows.map((r) => r.owner))).toContain("Kommundirektören");
    expect(new Set(rows.map((r) => r.owner))).toContain("Kommunikationschefen");
  });

  it("puts its practice case in a made-up municipality without points: every figure it shows is a published one", async () => {
    const [place] = await database.db.select().from(municipalities).where(eq(municipalities.code, "9990"));
    expect(place).toMatchObject({ name: "Övningsköping", practice: true });
    expect(realMunicipalityCodes.has("9990")).toBe(false);
    const [practice] = await database.db.select().from(evaluations).where(eq(evaluations.id, PRACTICE));
    expect(practice).toMatchObject({ municipalityCode: "9990", status: "scoring", resultId: null });
    // The team scores the practice case itself; the demo brings no draft or agreed points for it.
    expect(await database.db.select().from(scores).where(eq(scores.evaluationId, PRACTICE))).toEqual([]);
    expect(await database.db.select().from(agreedScores).where(eq(agreedScores.evaluationId, PRACTICE))).toEqual([]);
    // Every evaluation with points is a published result (Örebro 2012, from the seeds).
    const scored = await database.db
      .selectDistinct({ id: evaluations.id, code: evaluations.municipalityCode, resultId: evaluations.resultId })
      .from(evaluations)
      .innerJoin(scores, eq(scores.evaluationId, evaluations.id));
    expect(scored.map((e) => e.code)).toEqual(["1880"]);
    for (const evaluation of scored) expect(evaluation.resultId, evaluation.code).not.toBeNull();
    const agreed = await database.db.selectDistinct({ id: agreedScores.evaluationId }).from(agreedScores);
    expect(agreed.map((a) => a.id)).toEqual([OREBRO]);
    // Örebro 2012's report names the groups interviewed (about 40 people) but no count per group.
    const orebroInterviews = await database.db.select().from(interviews).where(eq(interviews.evaluationId, OREBRO));
    expect(orebroInterviews.map((i) => [i.groupKind, i.participantCount])).toEqual([
      ["politicians", null],
      ["officials", null],
      ["unions", null],
    ]);
  });

  it("keeps the practice plan out of the published revision", async () => {
    const [revision] = await database.db.select().from(evaluationRevisions).where(eq(evaluationRevisions.evaluationId, OREBRO));
    expect(JSON.stringify(revision!.snapshot)).not.toMatch(/Kommundirektören|e-förslag/);
  });

  // Last: it adds to the demo what the Playwright journeys need (tests/e2e/prepare-database.mjs).
  it("gives the journeys a published evaluation of the fictional Testköping, with its contact", async () => {
    const id = await addE2eFixture(database.db);
    const [evaluation] = await database.db.select().from(evaluations).where(eq(evaluations.id, id));
    expect(evaluation).toMatchObject({ municipalityCode: "9901", instrumentKey: "2016", year: 2017, status: "published" });
    const [revision] = await database.db.select().from(evaluationRevisions).where(eq(evaluationRevisions.evaluationId, id));
    expect(improvementsOf(revision!.snapshot.texts).map((i) => i.text)).toEqual(Object.values(TEST_IMPROVEMENTS).flat());
    const contact = await userId(E2E_TESTKOPING_CONTACT.email);
    expect(contact).toMatchObject({ name: "Tea Testsson", role: "contact", municipalityCode: "9901" });
    const members = await database.db.select().from(evaluationMembers).where(eq(evaluationMembers.evaluationId, id));
    expect(members.filter((m) => m.role === "contact").map((m) => m.userId)).toEqual([contact.id]);
  });
});
