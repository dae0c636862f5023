import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.server.ts";
import { evaluations, scores } from "../../src/db/schema.server.ts";
import { points, pointsText } from "../../src/domain/points.ts";
import type { Actor, EvaluationStatus } from "../../src/domain/workflow.ts";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../../src/services/errors.ts";
import { auditEntries } from "../../src/services/evaluations/audit.server.ts";
import { createEvaluation } from "../../src/services/evaluations/createEvaluation.server.ts";
import { getAgreement, saveAgreedScore } from "../../src/services/scoring/agreement.server.ts";
import { getMyScoring, saveMyScore, submitMyScoring } from "../../src/services/scoring/myScoring.server.ts";
import { previousResultFor } from "../../src/services/scoring/previous.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { addFictionalMunicipalities, TESTKOPING } from "../support/fictional.ts";
import { importDemo } from "../support/fixtures.ts";
import { problemsOf } from "../support/errors.ts";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/orebro-2012.json", import.meta.url), "utf8")) as {
  areas: { subareas: { id: string; exact: number }[] }[];
};
const orebro = fixture.areas.flatMap((a) => a.subareas.map((s) => [s.id, String(s.exact)] as const));

type Person = NonNullable<Actor>;

describe.each(testDatabaseKinds())("scoring and agreement on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let admin: Person, anna: Person, bo: Person, outsider: Person, contact: Person;
  let id: number;

  const person = async (role: Person["role"], name: string, municipalityCode: string | null = null): Promise<Person> => {
    const user = await createUser(db, SYSTEM, { email: `${name.toLowerCase()}@example.se`, name, role, municipalityCode });
    return { id: user.id, name, role, municipalityCode };
  };
  const setStatus = (status: EvaluationStatus) => db.update(evaluations).set({ status }).where(eq(evaluations.id, id));
  const stored = async (userId: string, itemId: string) =>
    (
      await db
        .select()
        .from(scores)
        .where(sql`${scores.evaluationId} = ${id} and ${scores.userId} = ${userId} and ${scores.itemId} = ${itemId}`)
    )[0];
  const counts = async () => {
    const { rows } = (await db.execute(
      sql`select (select count(*)::int from scores) as scores, (select count(*)::int from audit_log) as audit`,
    )) as unknown as {
      rows: { scores: number; audit: number }[];
    };
    return rows[0];
  };
  const itemOf = async (actor: Person, itemId: string) =>
    (await getMyScoring(db, actor, id)).areas.flatMap((a) => a.groups.flatMap((g) => g.items)).find((i) => i.id === itemId)!;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await importDemo(db);
    // The evaluation scored here is not a real one: of a fictional municipality.
    await addFictionalMunicipalities(db);
    admin = await person("administrator", "Admin");
    anna = await person("evaluator", "Anna");
    bo = await person("evaluator", "Bo");
    outsider = await person("evaluator", "Olle");
    contact = await person("contact", "Kim", TESTKOPING.code);
    ({ id } = await createEvaluation(db, admin, {
      municipalityCode: TESTKOPING.code,
      instrumentKey: "2010",
      year: 2016,
      evaluatorIds: [anna.id, bo.id],
      contactIds: [contact.id],
    }));
    await setStatus("scoring");
  });
  afterAll(() => database.dispose());

  it("refuses points above max, letters and negative points, and changes nothing", async () => {
    const before = await counts();
    for (const [value, message] of [
      ["16", "points_range"],
      ["15.01", "points_range"],
      ["abc", "expected_points"],
      ["12a", "expected_points"],
      ["-1", "points_range"],
      ["1,2,3", "expected_points"],
      ["9.125", "points_decimals"],
    ] as const) {
      const problems = await problemsOf(saveMyScore(db, anna, id, { itemId: "1.1", points: value, justification: "x", version: 0 }));
      expect(problems, value).toEqual([expect.objectContaining({ field: "points", message })]);
    }
    const range = await problemsOf(saveMyScore(db, anna, id, { itemId: "1.1", points: "16", version: 0 }));
    expect(range[0]).toMatchObject({ values: { max: "15" } });
    expect((await problemsOf(saveMyScore(db, anna, id, { itemId: "9.9", points: "1", version: 0 })))[0]).toMatchObject({ field: "itemId" });
    expect(await counts()).toEqual(before);
    expect(await stored(anna.id, "1.1")).toBeUndefined();
  });

  it("stores 12,5 exactly as 12.5, and area and total points update as you go", async () => {
    const saved = await saveMyScore(db, anna, id, { itemId: "1.1", points: " 12,5 ", justification: "Plan finns.", version: 0 });
    expect(saved).toEqual({ itemId: "1.1", points: "12.5", justification: "Plan finns.", version: 1 });
    expect((await stored(anna.id, "1.1"))!.points).toBe("12.5");
    await saveMyScore(db, anna, id, { itemId: "1.2", points: "15.51", justification: "", version: 0 });
    await saveMyScore(db, anna, id, { itemId: "2.1", points: "0.49", justification: "", version: 0 });
    const mine = await getMyScoring(db, anna, id);
    const area1 = mine.areas[0]!;
    expect([area1.exact, area1.points, area1.max, area1.scored, area1.items]).toEqual(["28.01", 28, 100, 2, 5]);
    expect(area1.rubricHeadings.length).toBeGreaterThan(0);
    expect(area1.groups[1]).toMatchObject({
      subareaId: "1.2",
      question: "Hur informeras medborgarna?",
      max: 20,
      exact: "15.51",
      points: 16,
      percent: 78,
    });
    expect(area1.groups[0]!.items[0]).toMatchObject({ id: "1.1", points: "12.5", justification: "Plan finns.", version: 1, max: 15 });
    expect(mine.areas[1]!.points).toBe(0);
    // The total is the rounded sum of unrounded points (28.5), not of rounded areas (28 + 0).
    expect([mine.total.exact, mine.total.points, mine.total.max]).toEqual(["28.5", 29, 800]);
    expect([mine.missing, mine.submitted, mine.mayScore]).toEqual([42, false, true]);
    // Bo's page knows nothing of Anna's points.
    expect((await getMyScoring(db, bo, id)).total.scored).toBe(0);
  });

  it("lets points be cleared (not yet scored) and a justification saved without points", async () => {
    const saved = await saveMyScore(db, anna, id, { itemId: "2.1", points: "", justification: "Återkommer", version: 1 });
    expect(saved).toMatchObject({ points: null, justification: "Återkommer", version: 2 });
    expect((await stored(anna.id, "2.1"))!.points).toBeNull();
  });

  it("refuses a stale save with a conflict carrying the saved version, and keeps the stored value", async () => {
    const conflict = await saveMyScore(db, anna, id, { itemId: "1.1", points: "3", justification: "old tab", version: 0 }).catch(
      (e: unknown) => e,
    );
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).current).toEqual({ points: "12.5", justification: "Plan finns." });
    expect((conflict as ConflictError).currentVersion).toBe(1);
    expect(await stored(anna.id, "1.1")).toMatchObject({ points: "12.5", justification: "Plan finns.", version: 1 });
    // Keeping mine: resubmit with the saved version.
    expect(await saveMyScore(db, anna, id, { itemId: "1.1", points: "13", justification: "Plan finns.", version: 1 })).toMatchObject({
      version: 2,
      points: "13",
    });
  });

  it("writes every change of points to the audit log, before and after", async () => {
    const rows = (await auditEntries(db, id)).filter((r) => r.action === "score" && r.target === "1.1");
    expect(rows.map((r) => [r.actorId, r.before, r.after])).toEqual([
      [anna.id, { points: null, justification: "" }, { points: "12.5", justification: "Plan finns." }],
      [anna.id, { points: "12.5", justification: "Plan finns." }, { points: "13", justification: "Plan finns." }],
    ]);
  });

  it("lets only the team's evaluators score, and hides the evaluation from outsiders", async () => {
    await expect(saveMyScore(db, admin, id, { itemId: "1.1", points: "1", version: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveMyScore(db, outsider, id, { itemId: "1.1", points: "1", version: 0 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAgreement(db, outsider, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyScoring(db, contact, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getAgreement(db, contact, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveAgreedScore(db, anna, id, { itemId: "1.1", points: "1", version: 0 })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses to hand in while items lack points, naming how many", async () => {
    const problems = await problemsOf(submitMyScoring(db, anna, id));
    expect(problems).toEqual([expect.objectContaining({ message: "scores_missing", values: expect.objectContaining({ count: 43 }) })]);
  });

  it("shows nobody the others' points before they hand in their own, and everyone after", async () => {
    // Bo scores Örebro's 2012 points; Anna the same but 3 less on 2.1 and 1 less on 1.5 (and 13 on 1.1).
    for (const [itemId, value] of orebro)
      await saveMyScore(db, bo, id, { itemId, points: value, justification: `Bo om ${itemId}`, version: 0 });
    for (const [itemId, value] of orebro) {
      const current = await itemOf(anna, itemId);
      const mine = itemId === "1.1" ? "13" : itemId === "2.1" ? pointsText(points(value).minus(3)) : itemId === "1.5" ? "4.6" : value;
      await saveMyScore(db, anna, id, { itemId, points: mine, justification: current.justification, version: current.version });
    }
    const beforeAnna = await getAgreement(db, anna, id);
    expect(beforeAnna.othersVisible).toBe(false);
    const boOnAnnasPage = beforeAnna.items.flatMap((item) => item.evaluators.filter((e) => e.userId === bo.id));
    expect(boOnAnnasPage.every((e) => e.hidden && e.points === null && e.justification === null)).toBe(true);
    expect(beforeAnna.items.every((item) => item.spread === null)).toBe(true);
    expect(beforeAnna.items.map((i) => i.id).slice(0, 3)).toEqual(["1.1", "1.2", "1.3"]);
    expect(beforeAnna.items[0]!.evaluators.find((e) => e.userId === anna.id)).toMatchObject({ hidden: false, points: "13" });
    expect(JSON.stringify(beforeAnna)).not.toContain("Bo om");

    await submitMyScoring(db, anna, id);
    await expect(saveMyScore(db, anna, id, { itemId: "1.1", points: "1", version: 3 })).rejects.toBeInstanceOf(ForbiddenError);
    const afterAnna = await getAgreement(db, anna, id);
    expect(afterAnna.othersVisible).toBe(true);
    expect(afterAnna.items[0]!.evaluators.find((e) => e.userId === bo.id)).toMatchObject({ hidden: false, submitted: false });
    // Bo has not handed in: Anna's points stay hidden from him.
    const boView = await getAgreement(db, bo, id);
    expect(boView.othersVisible).toBe(false);
    expect(boView.items.flatMap((i) => i.evaluators.filter((e) => e.userId === anna.id)).every((e) => e.hidden && e.points === null)).toBe(
      true,
    );
    expect(JSON.stringify(boView)).not.toContain("Plan finns");
    expect(JSON.stringify(boView.items)).not.toContain('"points":"13"');
    await submitMyScoring(db, bo, id);
    expect((await getAgreement(db, bo, id)).othersVisible).toBe(true);
    expect((await getAgreement(db, admin, id)).othersVisible).toBe(true);
    const submitted = (await auditEntries(db, id)).filter((r) => r.action === "submitted");
    expect(submitted.map((r) => r.actorId)).toEqual([anna.id, bo.id]);
  });

  it("sorts the agreement by largest spread first", async () => {
    const agreement = await getAgreement(db, bo, id);
    expect(agreement.items.slice(0, 4).map((i) => [i.id, i.spread])).toEqual([
      ["1.1", "4"],
      ["2.1", "3"],
      ["1.5", "1"],
      ["1.2", "0"],
    ]);
    expect(agreement.items).toHaveLength(45);
    expect(agreement.items[0]!.evaluators.map((e) => [e.name, e.points, e.submitted])).toEqual([
      ["Anna", "13", true],
      ["Bo", "9", true],
    ]);
  });

  it("records agreed points with a reason in the agreement step, with conflicts and running totals", async () => {
    await setStatus("agreement");
    const problems = await problemsOf(saveAgreedScore(db, anna, id, { itemId: "1.1", points: "", reason: "?", version: 0 }));
    expect(problems).toEqual([expect.objectContaining({ field: "points", message: "points_required" })]);
    expect((await problemsOf(saveAgreedScore(db, anna, id, { itemId: "1.1", points: "15,5", version: 0 })))[0]).toMatchObject({
      message: "points_range",
    });
    for (const [itemId, value] of orebro)
      await saveAgreedScore(db, anna, id, { itemId, points: value.replace(".", ","), reason: `Enligt ${itemId}`, version: 0 });
    const agreement = await getAgreement(db, bo, id);
    expect(agreement.agreedCount).toBe(45);
    expect([agreement.totals.points, agreement.totals.areas[0]!.points, agreement.totals.areas[0]!.exact]).toEqual([615, 68, "68.12"]);
    expect(agreement.items.find((i) => i.id === "1.2")!.agreed).toEqual({ points: "15.51", reason: "Enligt 1.2", version: 1 });

    const stale = await saveAgreedScore(db, bo, id, { itemId: "1.2", points: "16", reason: "Bo", version: 0 }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale).toMatchObject({ current: { points: "15.51", reason: "Enligt 1.2" }, currentVersion: 1 });
    expect(await saveAgreedScore(db, bo, id, { itemId: "1.2", points: "16", reason: "Bo", version: 1 })).toEqual({
      itemId: "1.2",
      points: "16",
      reason: "Bo",
      version: 2,
    });
    const audit = (await auditEntries(db, id)).filter((r) => r.action === "agreed" && r.target === "1.2");
    expect(audit.map((r) => [r.actorId, r.before, r.after])).toEqual([
      [anna.id, { points: null, reason: "" }, { points: "15.51", reason: "Enligt 1.2" }],
      [bo.id, { points: "15.51", reason: "Enligt 1.2" }, { points: "16", reason: "Bo" }],
    ]);
    await expect(saveAgreedScore(db, admin, id, { itemId: "1.2", points: "16", version: 2 })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("finds the municipality's latest earlier result, and marks one made with another version", async () => {
    const same = await previousResultFor(db, { municipalityCode: "1880", year: 2014, instrument: { key: "2010" } });
    expect(same).toMatchObject({ year: 2012, instrumentKey: "2010", sameInstrument: true, total: 615, level: "subarea" });
    expect(same!.areas.find((a) => a.number === 1)).toMatchObject({ points: 68, max: 100, derived: false });
    expect(same!.subareas["1.2"]).toBe(15.51);
    const other = await previousResultFor(db, { municipalityCode: "1880", year: 2021, instrument: { key: "2020" } });
    expect(other).toMatchObject({ year: 2015, instrumentKey: "2010", sameInstrument: false, total: 650, areas: [] });
    expect(await previousResultFor(db, { municipalityCode: "1880", year: 2010, instrument: { key: "2010" } })).toBeNull();
    expect(await previousResultFor(db, { municipalityCode: "0180", year: 2020, instrument: { key: "2010" } })).toBeNull();
  });
});
