import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, questionnaires } from "../../src/db/schema.server.ts";
import type { Actor } from "../../src/domain/workflow.ts";
import { createEvaluation } from "../../src/services/evaluations/createEvaluation.server.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../../src/services/errors.ts";
import { municipalityAnswersBeside } from "../../src/services/questionnaire/beside.server.ts";
import { getGap, publishedGap, setGapPublished } from "../../src/services/questionnaire/gap.server.ts";
import { publishTestEvaluation } from "../support/cycle.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { TESTKOPING } from "../support/fictional.ts";
import { addDocument, sendQuestionnaire, staffMember, writeAnswer } from "../support/questionnaireRows.ts";
import { type Cast, createCast, createTestEvaluation } from "../support/workspace.ts";

describe.each(testDatabaseKinds())("the questionnaire beside the scoring, and the gap view, on %s", (kind) => {
  let database: TestDatabase;
  let cast: Cast;
  let published: number;
  let staff: NonNullable<Actor>;
  let strangerStaff: NonNullable<Actor>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    cast = await createCast(database.db);
    // Every area agreed at 60 (synthetic points of the fictional Testköping, 2016 version).
    published = await publishTestEvaluation(database.db, cast);
    staff = await staffMember(database.db, "stina", TESTKOPING.code, published);
    // Staff of Örebro, even if put on Testköping's evaluation, speak for no one there.
    strangerStaff = await staffMember(database.db, "orvar", "1880", published);
    await sendQuestionnaire(database.db, published, "handed_in");
    await writeAnswer(database.db, published, "1", { answer: "Vi publicerar allt.", ownScore: "62.5" });
    await writeAnswer(database.db, published, "2", { answer: "Delvis.", ownScore: "59.5" });
    await writeAnswer(database.db, published, "3", { answer: "Ingen egen bedömning här." });
    await writeAnswer(database.db, published, "4", { ownScore: "60.49" });
    for (const area of ["5", "6", "7", "8"]) await writeAnswer(database.db, published, area, { ownScore: "60" });
  });
  afterAll(() => database.dispose());

  describe("the answers beside the scoring", () => {
    it("maps answers, own scores, links and this evaluation's documents to the areas of a version without sub-areas", async () => {
      const id = await createTestEvaluation(database.db, cast, 2031);
      const other = await createTestEvaluation(database.db, cast, 2032);
      const mine = await addDocument(database.db, id, "Demokratiplan");
      const foreign = await addDocument(database.db, other, "Någon annans");
      await sendQuestionnaire(database.db, id);
      await writeAnswer(database.db, id, "1", {
        answer: "Vi har en plan.",
        ownScore: "12.50",
        links: "https://testkoping.example/plan\n\n  inte en adress  \n",
        evidenceIds: [mine, foreign, 999_999],
      });
      const beside = await municipalityAnswersBeside(database.db, cast.eva, id);
      expect(beside).toMatchObject({ sent: true, handedIn: false, handedInAt: null });
      expect(Object.keys(beside.items)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
      expect(beside.items["1"]).toEqual([
        {
          itemId: "1",
          question: expect.stringContaining("Hur arbetar kommunen"),
          answered: true,
          answer: "Vi har en plan.",
          links: ["https://testkoping.example/plan", "inte en adress"],
          documents: [{ evidenceId: mine, title: "Demokratiplan" }],
          ownScore: "12.5",
          max: "100",
        },
      ]);
      expect(beside.items["2"]).toMatchObject([{ itemId: "2", answered: false, ownScore: null, links: [], documents: [] }]);
      // The administrator reads them too; the municipality's own people do not open the scoring.
      await expect(municipalityAnswersBeside(database.db, cast.admin, id)).resolves.toMatchObject({ sent: true });
      await expect(municipalityAnswersBeside(database.db, cast.contact, id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(municipalityAnswersBeside(database.db, cast.outsider, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(municipalityAnswersBeside(database.db, cast.otherContact, id)).rejects.toBeInstanceOf(NotFoundError);
      // Without a questionnaire there is nothing beside the scoring.
      await expect(municipalityAnswersBeside(database.db, cast.eva, other)).resolves.toEqual({
        sent: false,
        handedIn: false,
        handedInAt: null,
        items: {},
      });
    });

    it("maps answers to the sub-areas of a version with sub-areas (2010)", async () => {
      const { id } = await createEvaluation(database.db, cast.admin, {
        municipalityCode: TESTKOPING.code,
        instrumentKey: "2010",
        year: 2033,
        visitStart: "2033-03-01",
        visitEnd: "2033-03-02",
        evaluatorIds: [cast.eva.id, cast.per.id],
        contactIds: [cast.contact.id],
      });
      await sendQuestionnaire(database.db, id, "handed_in");
      await writeAnswer(database.db, id, "1.2", { answer: "Målen följs upp varje kvartal.", ownScore: "14" });
      const beside = await municipalityAnswersBeside(database.db, cast.per, id);
      expect(beside.handedIn).toBe(true);
      expect(beside.handedInAt).toBe("2030-01-28T10:00:00.000Z");
      expect(Object.keys(beside.items)).toHaveLength(45);
      expect(beside.items["1.2"]).toMatchObject([{ itemId: "1.2", answered: true, ownScore: "14", max: "20" }]);
      expect(beside.items["1.1"]).toMatchObject([{ itemId: "1.1", answered: false, max: "15" }]);
    });
  });

  describe("the gap view", () => {
    it("compares exact own scores with the published agreed points, rounding half up only for display", async () => {
      const { gap } = await getGap(database.db, cast.eva, published);
      expect(gap.hasSubareas).toBe(false);
      const row = (n: number) => gap.areas.find((a) => a.areaNumber === n)!;
      expect(row(1)).toMatchObject({
        own: "62.5",
        agreed: "60",
        difference: "2.5",
        state: "compared",
        shown: { own: 62.5, agreed: 60, difference: 2.5 },
      });
      expect(row(2)).toMatchObject({ own: "59.5", difference: "-0.5", shown: { own: 59.5, difference: -0.5 } });
      expect(row(3)).toMatchObject({ own: null, agreed: "60", difference: null, state: "incomplete" });
      expect(row(4)).toMatchObject({ own: "60.49", difference: "0.49", shown: { own: 60.49, difference: 0.49 } });
      expect(row(8)).toMatchObject({ difference: "0", state: "compared" });
    });

    it("is the municipality's and the team's after publication, and nobody else's", async () => {
      for (const actor of [cast.eva, cast.admin, cast.contact, staff]) {
        await expect(getGap(database.db, actor, published)).resolves.toMatchObject({ published: false, version: 1 });
      }
      for (const actor of [cast.outsider, cast.otherContact, strangerStaff]) {
        await expect(getGap(database.db, actor, published)).rejects.toBeInstanceOf(NotFoundError);
      }
      expect((await getGap(database.db, cast.contact, published)).mayPublish).toBe(true);
      expect((await getGap(database.db, cast.eva, published)).mayPublish).toBe(false);
      expect((await getGap(database.db, staff, published)).mayPublish).toBe(false);
    });

    it("does not exist before publication, nor without a questionnaire", async () => {
      const id = await createTestEvaluation(database.db, cast, 2034);
      await sendQuestionnaire(database.db, id);
      await expect(getGap(database.db, cast.eva, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getGap(database.db, cast.contact, id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await publishedGap(database.db, id)).toBeNull();
      // An evaluation that entered preparation before questionnaires existed has none.
      const bare = await publishTestEvaluation(database.db, cast, 2035);
      await database.db.delete(questionnaires).where(eq(questionnaires.evaluationId, bare));
      await expect(getGap(database.db, cast.contact, bare)).rejects.toBeInstanceOf(NotFoundError);
      expect(await publishedGap(database.db, bare)).toBeNull();
      expect(await publishedGap(database.db, 2_000_000)).toBeNull();
    });

    it("stays private until the contact publishes it, audited, with optimistic concurrency", async () => {
      expect(await publishedGap(database.db, published)).toBeNull();
      for (const actor of [cast.eva, cast.admin, staff]) {
        await expect(setGapPublished(database.db, actor, published, { published: true, version: 1 })).rejects.toBeInstanceOf(
          ForbiddenError,
        );
      }
      await expect(setGapPublished(database.db, cast.otherContact, published, { published: true, version: 1 })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(setGapPublished(database.db, strangerStaff, published, { published: true, version: 1 })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await publishedGap(database.db, published)).toBeNull();

      await expect(setGapPublished(database.db, cast.contact, published, { published: true, version: 1 })).resolves.toEqual({
        published: true,
        version: 2,
      });
      const shown = await publishedGap(database.db, published);
      expect(shown?.areas.find((a) => a.areaNumber === 1)?.difference).toBe("2.5");
      // Once published, anyone who may see the evaluation sees it in the workspace too; outsiders still do not.
      await expect(getGap(database.db, cast.contact, published)).resolves.toMatchObject({ published: true, version: 2 });
      await expect(getGap(database.db, cast.outsider, published)).rejects.toBeInstanceOf(NotFoundError);

      // Asked again from the old page: already so, nothing changes.
      await expect(setGapPublished(database.db, cast.contact, published, { published: true, version: 1 })).resolves.toEqual({
        published: true,
        version: 2,
      });
      // Made private from a page loaded before it was published: someone else saved first.
      const conflict = await setGapPublished(database.db, cast.contact, published, { published: false, version: 1 }).catch((e) => e);
      expect(conflict).toBeInstanceOf(ConflictError);
      expect(conflict).toMatchObject({ current: { published: true }, currentVersion: 2 });
      expect(await publishedGap(database.db, published)).not.toBeNull();

      await setGapPublished(database.db, cast.contact, published, { published: false, version: 2 });
      expect(await publishedGap(database.db, published)).toBeNull();
      const audit = await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.evaluationId, published), eq(auditLog.action, "gap_published")))
        .orderBy(auditLog.id);
      expect(audit.map((a) => [a.actorId, a.before, a.after])).toEqual([
        [cast.contact.id, { published: false }, { published: true }],
        [cast.contact.id, { published: true }, { published: false }],
      ]);
    });

    it("refuses a choice that is not one", async () => {
      await expect(
        setGapPublished(database.db, cast.contact, published, { published: "yes" as unknown as boolean, version: 3 }),
      ).rejects.toMatchObject({ problems: [{ field: "published" }] });
    });
  });
});
