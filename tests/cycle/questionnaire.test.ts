import PostalMime from "postal-mime";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, evaluations, evidence, questionnaireAnswers, questionnaires, users } from "../../src/db/schema.server.ts";
import { addDays, defaultDueDate, swedishToday } from "../../src/domain/cycle/dueDate.ts";
import type { Actor } from "../../src/domain/workflow.ts";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { transitionEvaluation } from "../../src/services/evaluations/transitionEvaluation.server.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../src/services/errors.ts";
import { assignItem, saveAnswer } from "../../src/services/questionnaire/answers.server.ts";
import { inviteColleague, removeColleague } from "../../src/services/questionnaire/colleagues.server.ts";
import { getQuestionnaire } from "../../src/services/questionnaire/getQuestionnaire.server.ts";
import { handIn, reopenQuestionnaire, setDueDate } from "../../src/services/questionnaire/lifecycle.server.ts";
import { moveTo } from "../support/cycle.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { TESTKOPING } from "../support/fictional.ts";
import { type Cast, createCast, createTestEvaluation } from "../support/workspace.ts";

describe("the hand-in date", () => {
  it("is two weeks before a visit still ahead, else thirty days from today", () => {
    expect(defaultDueDate("2026-05-20", "2026-03-01")).toBe("2026-05-06");
    expect(defaultDueDate("2026-03-10", "2026-03-01")).toBe("2026-03-31");
    expect(defaultDueDate(null, "2026-12-15")).toBe("2027-01-14");
  });
});

describe.each(testDatabaseKinds())("the questionnaire on %s", (kind) => {
  let database: TestDatabase;
  let cast: Cast;
  let id: number;
  let colleague: NonNullable<Actor>;
  let mailDir: string;
  const previousMail = process.env.KOMPASS_MAIL;
  const db = () => database.db;
  const mails = () => readdirSync(mailDir).map((f) => readFileSync(join(mailDir, f), "utf8"));
  const auditOf = (action: string) =>
    db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.evaluationId, id), eq(auditLog.action, action)));
  const answerOf = async (itemId: string) =>
    (
      await db()
        .select()
        .from(questionnaireAnswers)
        .where(and(eq(questionnaireAnswers.evaluationId, id), eq(questionnaireAnswers.itemId, itemId)))
    )[0];

  beforeAll(async () => {
    mailDir = mkdtempSync(join(tmpdir(), "kompass-mail-"));
    process.env.KOMPASS_MAIL = `dir:${mailDir}`;
    database = await createTestDatabase(kind);
    cast = await createCast(database.db);
    id = await createTestEvaluation(database.db, cast);
  });
  afterAll(async () => {
    process.env.KOMPASS_MAIL = previousMail;
    rmSync(mailDir, { recursive: true, force: true });
    await database.dispose();
  });

  it("does not exist while the evaluation is planned", async () => {
    await expect(getQuestionnaire(db(), cast.contact, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is made and mailed to the contact when the evaluation enters preparation, once", async () => {
    await moveTo(db(), cast, id, "preparation");
    const q = await getQuestionnaire(db(), cast.contact, id);
    // The test visit (2017) lies in the past: thirty days from today.
    expect(q.dueDate).toBe(addDays(swedishToday(), 30));
    expect(q.status).toBe("open");
    expect(q.items.length).toBe(8);
    expect(q.progress).toMatchObject({ answered: 0, total: 8 });
    expect(await auditOf("questionnaire.sent")).toHaveLength(1);
    const sent = mails();
    expect(sent).toHaveLength(1);
    const message = await PostalMime.parse(sent[0]!);
    expect(message.to?.[0]?.address).toMatch(/^kim\./);
    expect(message.text).toContain(`/arbetsyta/${id}/sjalvvardering`);
    // A step back and forth sends nothing again.
    const [row] = await db().select({ version: evaluations.version }).from(evaluations).where(eq(evaluations.id, id));
    await transitionEvaluation(db(), cast.admin, id, { to: "planned", version: row!.version });
    await moveTo(db(), cast, id, "preparation");
    expect(mails()).toHaveLength(1);
    expect(await auditOf("questionnaire.sent")).toHaveLength(1);
  });

  it("hides from outsiders as not found", async () => {
    await expect(getQuestionnaire(db(), cast.outsider, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getQuestionnaire(db(), cast.otherContact, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveAnswer(db(), cast.outsider, id, { itemId: "1", answer: "x", version: 0 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets the contact invite a colleague of the municipality, with an account and a mail", async () => {
    const before = mails().length;
    const { userId, newAccount } = await inviteColleague(db(), cast.contact, id, { name: "Stina Stab", email: "Stina.Stab@test.example" });
    expect(newAccount).toBe(true);
    const [user] = await db().select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ role: "staff", municipalityCode: TESTKOPING.code, email: "stina.stab@test.example" });
    colleague = { id: userId, name: "Stina Stab", role: "staff", municipalityCode: TESTKOPING.code };
    // The password link and the invitation.
    expect(mails().length).toBe(before + 2);
    expect(mails().some((m) => m.includes("/losenord/"))).toBe(true);
    expect(await auditOf("questionnaire.colleagueInvited")).toHaveLength(1);
  });

  it("refuses an address that belongs to another kind of account, changing nothing", async () => {
    const email = (await db().select({ email: users.email }).from(users).where(eq(users.id, cast.otherContact.id)))[0]!.email;
    await expect(inviteColleague(db(), cast.contact, id, { name: "Kaj", email })).rejects.toMatchObject({
      problems: [{ field: "email", message: "email_not_colleague" }],
    });
    const { id: otherStaff } = await createUser(db(), SYSTEM, {
      email: "annan@test.example",
      name: "Annan",
      role: "staff",
      municipalityCode: "1880",
    });
    await expect(inviteColleague(db(), cast.contact, id, { name: "Annan", email: "annan@test.example" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(inviteColleague(db(), cast.contact, id, { name: "", email: "inte-en-adress" })).rejects.toBeInstanceOf(ValidationError);
    await expect(inviteColleague(db(), colleagueActor(), id, { name: "X", email: "x@test.example" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const q = await getQuestionnaire(db(), cast.contact, id);
    expect(q.colleagues.map((c) => c.id)).toEqual([colleague.id]);
    expect(q.colleagues.map((c) => c.id)).not.toContain(otherStaff);
  });

  const colleagueActor = () => colleague;

  it("lets a colleague see and answer only the items given to them", async () => {
    expect((await getQuestionnaire(db(), colleague, id)).items).toHaveLength(0);
    await expect(saveAnswer(db(), colleague, id, { itemId: "1", answer: "Inte min", version: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    await assignItem(db(), cast.contact, id, { itemId: "2", assigneeId: colleague.id });
    const mine = await getQuestionnaire(db(), colleague, id);
    expect(mine.items.map((e) => e.item.id)).toEqual(["2"]);
    expect(mine.items[0]!.answer).toMatchObject({ assignedTo: { id: colleague.id }, version: 0 });
    expect(mine.progress).toMatchObject({ answered: 0, total: 1 });
    const saved = await saveAnswer(db(), colleague, id, {
      itemId: "2",
      answer: "Vi följer upp målen varje kvartal.",
      ownScore: "70,5",
      version: 0,
    });
    expect(saved).toMatchObject({ ownScore: "70.5", version: 1 });
    const all = await getQuestionnaire(db(), cast.contact, id);
    expect(all.progress.answered).toBe(1);
    expect(all.items.find((e) => e.item.id === "2")!.answer).toMatchObject({ ownScore: "70.5", updatedBy: { name: "Stina Stab" } });
    expect(await auditOf("questionnaire.assigned")).toHaveLength(1);
  });

  it("saves answers with links and documents of this evaluation only", async () => {
    const [doc] = await db()
      .insert(evidence)
      .values({ evaluationId: id, kind: "link", title: "Budget 2017", url: "https://example.org/budget" })
      .returning();
    const other = await createTestEvaluation(db(), cast, 2019);
    const [foreign] = await db()
      .insert(evidence)
      .values({ evaluationId: other, kind: "link", title: "Annan", url: "https://example.org/x" })
      .returning();
    const saved = await saveAnswer(db(), cast.contact, id, {
      itemId: "1",
      answer: "Fullmäktiges handlingar finns på webben.",
      links: "https://example.org/a\n\n http://example.org/b \n",
      evidenceIds: [doc!.id],
      version: 0,
    });
    expect(saved.links).toEqual(["https://example.org/a", "http://example.org/b"]);
    const entry = (await getQuestionnaire(db(), cast.contact, id)).items.find((e) => e.item.id === "1")!;
    expect(entry.answer!.documents).toEqual([{ id: doc!.id, title: "Budget 2017" }]);
    const refused = [
      { links: "ftp://example.org/a", field: "links" },
      { links: "javascript:alert(1)", field: "links" },
      { evidenceIds: [foreign!.id], field: "evidenceIds" },
      { ownScore: "101", field: "ownScore" },
      { ownScore: "-1", field: "ownScore" },
      { ownScore: "tolv", field: "ownScore" },
    ];
    for (const { field, ...change } of refused) {
      await expect(
        saveAnswer(db(), cast.contact, id, { itemId: "1", answer: "Ändrat", version: saved.version, ...change }),
      ).rejects.toMatchObject({
        problems: [expect.objectContaining({ field })],
      });
    }
    expect((await answerOf("1"))!.answer).toBe("Fullmäktiges handlingar finns på webben.");
    await expect(
      saveAnswer(db(), cast.contact, id, { itemId: "1", answer: "Full poäng", ownScore: "100", version: saved.version }),
    ).resolves.toMatchObject({
      ownScore: "100",
    });
  });

  it("refuses a save from a stale version with the stored answer", async () => {
    const stored = await answerOf("1");
    const conflict = await saveAnswer(db(), colleague, id, { itemId: "1", answer: "x", version: 0 }).catch((e) => e);
    expect(conflict).toBeInstanceOf(ForbiddenError);
    const error = await saveAnswer(db(), cast.contact, id, { itemId: "1", answer: "Gammal", version: stored!.version - 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toMatchObject({ answer: "Full poäng", ownScore: "100" });
    expect((error as ConflictError).currentVersion).toBe(stored!.version);
    expect((await answerOf("1"))!.version).toBe(stored!.version);
  });

  it("gives a removed colleague's items back to the contact", async () => {
    const { userId } = await inviteColleague(db(), cast.contact, id, { name: "Tore Tillfällig", email: "tore@test.example" });
    await assignItem(db(), cast.contact, id, { itemId: "3", assigneeId: userId });
    await removeColleague(db(), cast.contact, id, { userId });
    expect((await answerOf("3"))!.assignedTo).toBeNull();
    const tore: Actor = { id: userId, name: "Tore", role: "staff", municipalityCode: TESTKOPING.code };
    await expect(getQuestionnaire(db(), tore, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignItem(db(), cast.contact, id, { itemId: "3", assigneeId: userId })).rejects.toBeInstanceOf(ValidationError);
  });

  it("moves the hand-in date for the team only", async () => {
    const q = await getQuestionnaire(db(), cast.eva, id);
    await expect(setDueDate(db(), cast.contact, id, { dueDate: "2030-01-31", version: q.version })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setDueDate(db(), cast.eva, id, { dueDate: "2030-02-30", version: q.version })).rejects.toBeInstanceOf(ValidationError);
    await setDueDate(db(), cast.eva, id, { dueDate: "2030-01-31", version: q.version });
    expect((await getQuestionnaire(db(), cast.contact, id)).dueDate).toBe("2030-01-31");
    expect(await auditOf("questionnaire.dueDate")).toMatchObject([{ before: q.dueDate, after: "2030-01-31" }]);
  });

  it("freezes when handed in, and the team reopens it with a reason", async () => {
    let q = await getQuestionnaire(db(), cast.contact, id);
    await expect(handIn(db(), colleague, id, { version: q.version })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(handIn(db(), cast.contact, id, { version: q.version - 1 })).rejects.toBeInstanceOf(ConflictError);
    await handIn(db(), cast.contact, id, { version: q.version });
    q = await getQuestionnaire(db(), cast.eva, id);
    expect(q).toMatchObject({ status: "handed_in", handedInBy: { id: cast.contact.id } });
    expect(q.items.every((e) => !e.canAnswer)).toBe(true);
    const stored = await answerOf("2");
    await expect(saveAnswer(db(), colleague, id, { itemId: "2", answer: "Sent", version: stored!.version })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(assignItem(db(), cast.contact, id, { itemId: "4", assigneeId: colleague.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reopenQuestionnaire(db(), cast.contact, id, { reason: "Vill ändra", version: q.version })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(reopenQuestionnaire(db(), cast.eva, id, { reason: "kort", version: q.version })).rejects.toBeInstanceOf(ValidationError);
    expect((await db().select().from(questionnaires).where(eq(questionnaires.evaluationId, id)))[0]!.status).toBe("handed_in");
    await reopenQuestionnaire(db(), cast.eva, id, { reason: "Område 2 behöver kompletteras", version: q.version });
    expect(await auditOf("questionnaire.reopened")).toMatchObject([{ after: { status: "open", reason: "Område 2 behöver kompletteras" } }]);
    expect(await auditOf("questionnaire.handedIn")).toHaveLength(1);
    await expect(saveAnswer(db(), colleague, id, { itemId: "2", answer: "Kompletterat", version: stored!.version })).resolves.toBeTruthy();
  });

  it("closes for answers when scoring starts", async () => {
    await moveTo(db(), cast, id, "visit");
    const { addInterview } = await import("../../src/services/evidence/interviews.server.ts");
    await addInterview(db(), cast.eva, id, { groupKind: "politicians", title: "Presidiet", participantCount: 3 });
    await moveTo(db(), cast, id, "scoring");
    const stored = await answerOf("2");
    await expect(saveAnswer(db(), colleague, id, { itemId: "2", answer: "För sent", version: stored!.version })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // The team still reads everything.
    expect((await getQuestionnaire(db(), cast.per, id)).items).toHaveLength(8);
  });
});
