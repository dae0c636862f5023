import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleApiRequest } from "../../src/api/router.server.ts";
import { agreedScores, evaluations, evaluationTexts, interviews, scoreSubmissions } from "../../src/db/schema.server.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../src/services/errors.ts";
import { auditEntries } from "../../src/services/evaluations/audit.server.ts";
import { loadEvaluation } from "../../src/services/evaluations/evaluationContext.server.ts";
import {
  correctEvaluation,
  listRevisions,
  transitionEvaluation,
  TransitionBlockedError,
} from "../../src/services/evaluations/transitionEvaluation.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { TESTKOPING } from "../support/fictional.ts";
import { createCast, createTestEvaluation, type Cast } from "../support/workspace.ts";

describe.each(testDatabaseKinds())("an evaluation's way to publication on %s", (kind) => {
  let database: TestDatabase;
  let cast: Cast;
  let id: number;
  const version = async () => (await database.db.select({ v: evaluations.version }).from(evaluations).where(eq(evaluations.id, id)))[0]!.v;
  const move = async (actor: Cast[keyof Cast], to: string) =>
    transitionEvaluation(database.db, actor, id, { to, version: await version() });
  const apiResults = async () =>
    (await (await handleApiRequest(database.db, new Request(`http://x/api/v1/municipalities/${TESTKOPING.code}/results`))).json()) as {
      year: number;
      total: number;
    }[];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    cast = await createCast(database.db);
    id = await createTestEvaluation(database.db, cast);
  });
  afterAll(() => database.dispose());

  it("hides the evaluation from everyone outside the team, the administrator and the municipality's contact", async () => {
    for (const actor of [null, cast.outsider, cast.otherContact]) {
      await expect(loadEvaluation(database.db, actor, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    for (const actor of [cast.admin, cast.eva, cast.per, cast.contact]) {
      expect((await loadEvaluation(database.db, actor, id)).status).toBe("planned");
    }
  });

  it("lets only the administrator start preparation, and only evaluators move on", async () => {
    await expect(move(cast.eva, "preparation")).rejects.toBeInstanceOf(ForbiddenError);
    await move(cast.admin, "preparation");
    await expect(move(cast.contact, "visit")).rejects.toBeInstanceOf(ForbiddenError);
    await move(cast.eva, "visit");
  });

  it("refuses a step whose requirements are missing, and a stale one", async () => {
    const blocked = await move(cast.eva, "scoring").then(
      () => null,
      (e: unknown) => e,
    );
    expect(blocked).toBeInstanceOf(TransitionBlockedError);
    expect((blocked as TransitionBlockedError).blockers.map((b) => b.code)).toEqual(["no_interviews"]);
    await database.db.insert(interviews).values({ evaluationId: id, groupKind: "politicians", title: "KSAU" });
    const stale = (await version()) - 1;
    await expect(transitionEvaluation(database.db, cast.eva, id, { to: "scoring", version: stale })).rejects.toBeInstanceOf(ConflictError);
    await expect(transitionEvaluation(database.db, cast.eva, id, { to: "published", version: await version() })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await move(cast.eva, "scoring");
  });

  it("needs every evaluator's scoring handed in and every item agreed", async () => {
    await database.db.insert(scoreSubmissions).values({ evaluationId: id, userId: cast.eva.id });
    await expect(move(cast.per, "agreement")).rejects.toBeInstanceOf(TransitionBlockedError);
    await database.db.insert(scoreSubmissions).values({ evaluationId: id, userId: cast.per.id });
    await move(cast.per, "agreement");
    await database.db
      .insert(agreedScores)
      .values([1, 2, 3, 4, 5, 6, 7].map((n) => ({ evaluationId: id, itemId: String(n), points: String(60 + n) })));
    await expect(move(cast.eva, "review")).rejects.toBeInstanceOf(TransitionBlockedError);
    await database.db.insert(agreedScores).values({ evaluationId: id, itemId: "8", points: "70.5" });
    await move(cast.eva, "review");
  });

  it("publishes only by the administrator, with a summary, and the result appears in the open API", async () => {
    expect((await apiResults()).map((r) => r.year)).not.toContain(2017);
    await expect(move(cast.eva, "published")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(move(cast.admin, "published")).rejects.toBeInstanceOf(TransitionBlockedError);
    await database.db
      .insert(evaluationTexts)
      .values({ evaluationId: id, key: "summary.evaluation", body: "Utvärderingen gjordes i mars 2017." });
    await move(cast.admin, "published");
    // 61 + 62 + … + 67 + 70.5 = 518.5 → 519 (rounded half up).
    expect((await apiResults()).find((r) => r.year === 2017)).toMatchObject({ total: 519, level: "area", warnings: [] });
    const revisions = await listRevisions(database.db, cast.contact, id);
    expect(revisions.map((r) => r.revision)).toEqual([1]);
    expect(revisions[0]!.snapshot.agreed["8"]).toEqual({ points: "70.5", reason: "" });
  });

  it("keeps a published evaluation frozen: a correction is a new revision with a reason, the earlier stays readable", async () => {
    await expect(
      correctEvaluation(database.db, cast.eva, id, { reason: "Fel i område 8", version: await version() }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(correctEvaluation(database.db, cast.admin, id, { reason: "", version: await version() })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await correctEvaluation(database.db, cast.admin, id, { reason: "Fel poäng i område 8", version: await version() });
    expect((await loadEvaluation(database.db, cast.admin, id)).status).toBe("review");
    // Until it is published again, the public figures and revision 1 stand.
    expect((await apiResults()).find((r) => r.year === 2017)!.total).toBe(519);
    await database.db.update(agreedScores).set({ points: "80" }).where(eq(agreedScores.itemId, "8"));
    await move(cast.admin, "published");
    expect((await apiResults()).find((r) => r.year === 2017)!.total).toBe(528);
    const revisions = await listRevisions(database.db, cast.admin, id);
    expect(revisions.map((r) => [r.revision, r.reason])).toEqual([
      [2, "Fel poäng i område 8"],
      [1, "Första publiceringen"],
    ]);
    expect(revisions[1]!.snapshot.agreed["8"]!.points).toBe("70.5");
  });

  it("records every status change in the audit log", async () => {
    const entries = await auditEntries(database.db, id);
    expect(entries.filter((e) => e.action === "status").map((e) => `${e.before}→${e.after}`)).toEqual([
      "planned→preparation",
      "preparation→visit",
      "visit→scoring",
      "scoring→agreement",
      "agreement→review",
      "review→published",
      "review→published",
    ]);
    expect(entries.some((e) => e.action === "correction")).toBe(true);
  });
});
