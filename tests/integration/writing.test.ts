import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreedScores, evaluations, interviews } from "../../src/db/schema.server.ts";
import type { Actor, UserRole } from "../../src/domain/workflow.ts";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { auditEntries } from "../../src/services/evaluations/audit.server.ts";
import { createEvaluation } from "../../src/services/evaluations/createEvaluation.server.ts";
import { ConflictError, ForbiddenError, ValidationError } from "../../src/services/errors.ts";
import { getWriting } from "../../src/services/writing/getWriting.server.ts";
import { addGoodExample, deleteGoodExample, moveGoodExample, updateGoodExample } from "../../src/services/writing/goodExamples.server.ts";
import { saveText } from "../../src/services/writing/saveText.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";

const OREBRO = "1880";

/** The problems a ValidationError carries, as "field: message". */
async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).problems.map((p) => `${p.field}: ${p.message}`);
}

describe.each(testDatabaseKinds())("writing on %s", (kind) => {
  let database: TestDatabase;
  let evaluationId: number;
  let admin: NonNullable<Actor>;
  let anna: NonNullable<Actor>;
  let bo: NonNullable<Actor>;
  let contact: NonNullable<Actor>;
  let outsider: NonNullable<Actor>;

  const person = async (role: UserRole, name: string, municipalityCode: string | null = null): Promise<NonNullable<Actor>> => {
    const email = `${name.toLowerCase()}@example.se`;
    const { id } = await createUser(database.db, SYSTEM, { email, name, role, municipalityCode, password: "correct horse battery" });
    return { id, name, role, municipalityCode };
  };
  const setStatus = (status: string) => database.db.update(evaluations).set({ status }).where(eq(evaluations.id, evaluationId));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    admin = await person("administrator", "Admin");
    anna = await person("evaluator", "Anna");
    bo = await person("evaluator", "Bo");
    outsider = await person("evaluator", "Cecilia");
    contact = await person("contact", "Kontakt", OREBRO);
    ({ id: evaluationId } = await createEvaluation(database.db, admin, {
      municipalityCode: OREBRO,
      instrumentKey: "2010",
      year: 2030,
      visitStart: "2030-03-04",
      visitEnd: "2030-03-05",
      evaluatorIds: [anna.id, bo.id],
      contactIds: [contact.id],
    }));
  });
  afterAll(() => database.dispose());

  it("lets nobody write before scoring, and a contact read nothing before publication", async () => {
    await expect(
      saveText(database.db, anna, evaluationId, { key: "area.1.general", body: "För tidigt", version: 0 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await setStatus("scoring");
    await expect(getWriting(database.db, contact, evaluationId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      saveText(database.db, contact, evaluationId, { key: "area.1.general", body: "Kommunen", version: 0 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getWriting(database.db, outsider, evaluationId)).rejects.toThrow(/not found/);
    const view = await getWriting(database.db, admin, evaluationId);
    expect(view.canEdit).toBe(false);
    expect(view.municipalityChoices).toEqual([]);
  });

  it("gives every text of the instrument with version 0 before anything is written", async () => {
    await database.db.insert(interviews).values([
      { evaluationId, groupKind: "politicians", title: "Kommunstyrelsen", participantCount: 7 },
      { evaluationId, groupKind: "unions", title: "Fackliga företrädare" },
    ]);
    const view = await getWriting(database.db, anna, evaluationId);
    expect(view.canEdit).toBe(true);
    expect(view.areas).toHaveLength(8);
    expect(view.areas[0]!.subareas[1]).toMatchObject({
      id: "1.2",
      question: "Hur informeras medborgarna?",
      text: { key: "subarea.1.2", body: "", version: 0 },
    });
    expect(view.summary).toMatchObject({ key: "summary.evaluation", body: "", version: 0 });
    expect(Object.keys(view.texts)).toHaveLength(1 + 8 * 3 + 45);
    expect(view.suggested).toMatchObject({ visitStart: "2030-03-04", visitEnd: "2030-03-05", interviewCount: 2, participantCount: 7 });
    expect(view.suggested.evaluators.map((e) => e.name)).toEqual(["Anna", "Bo"]);
    const names = view.municipalityChoices.map((m) => m.name);
    expect(names).toHaveLength(289);
    expect(names).not.toContain("Örebro");
    expect(names.indexOf("Åre")).toBeGreaterThan(names.indexOf("Ystad"));
  });

  it("refuses the later of two saves from the same version, keeping the first and showing it", async () => {
    const key = "area.1.general";
    const first = await saveText(database.db, anna, evaluationId, { key, body: "Annas text", version: 0 });
    expect(first.version).toBe(1);
    const error = await saveText(database.db, bo, evaluationId, { key, body: "Bos text", version: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<string>).current).toBe("Annas text");
    expect((error as ConflictError<string>).currentVersion).toBe(1);
    expect((await getWriting(database.db, bo, evaluationId)).texts[key]).toMatchObject({
      body: "Annas text",
      version: 1,
      updatedByName: "Anna",
    });

    // Bo chooses his own version: he saves it again with the version he was shown.
    const mine = await saveText(database.db, bo, evaluationId, { key, body: "Bos text\r\nmed två rader", version: 1 });
    expect(mine.version).toBe(2);
    expect((await getWriting(database.db, anna, evaluationId)).texts[key]).toMatchObject({ body: "Bos text\nmed två rader", version: 2 });
    // Anna, still on version 1, is now the one who gets the conflict.
    await expect(saveText(database.db, anna, evaluationId, { key, body: "Annas nya text", version: 1 })).rejects.toMatchObject({
      current: "Bos text\nmed två rader",
      currentVersion: 2,
    });
    // Saving an unchanged text writes nothing.
    expect((await saveText(database.db, bo, evaluationId, { key, body: "Bos text\nmed två rader", version: 2 })).version).toBe(2);
  });

  it("lets exactly one of two simultaneous first saves through", async () => {
    const key = "subarea.1.1";
    const outcomes = await Promise.allSettled([
      saveText(database.db, anna, evaluationId, { key, body: "Anna samtidigt", version: 0 }),
      saveText(database.db, bo, evaluationId, { key, body: "Bo samtidigt", version: 0 }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    const stored = (await getWriting(database.db, anna, evaluationId)).texts[key]!;
    expect(stored.version).toBe(1);
    expect(refused.reason.current).toBe(stored.body);
  });

  it("writes every text change to the audit log with before and after", async () => {
    const entries = (await auditEntries(database.db, evaluationId)).filter((e) => e.action === "text");
    expect(entries.map((e) => [e.target, e.actorName, e.before, e.after])).toEqual([
      ["area.1.general", "Anna", null, "Annas text"],
      ["area.1.general", "Bo", "Annas text", "Bos text\nmed två rader"],
      ["subarea.1.1", expect.any(String), null, expect.stringMatching(/samtidigt$/)],
    ]);
  });

  it("refuses unknown keys, too long texts and bad versions", async () => {
    expect(await problemsOf(saveText(database.db, anna, evaluationId, { key: "area.9.general", body: "x", version: 0 }))).toEqual([
      "key: unknown_text_key",
    ]);
    expect(await problemsOf(saveText(database.db, anna, evaluationId, { key: "subarea.1.9", body: "x", version: 0 }))).toEqual([
      "key: unknown_text_key",
    ]);
    expect(
      await problemsOf(saveText(database.db, anna, evaluationId, { key: "area.2.general", body: "x".repeat(20_001), version: 0 })),
    ).toEqual(["body: text_too_long"]);
    expect(await problemsOf(saveText(database.db, anna, evaluationId, { key: "area.2.general", body: "x", version: -1 }))).toEqual([
      "version: version_invalid",
    ]);
    expect((await saveText(database.db, anna, evaluationId, { key: "area.2.general", body: "x".repeat(20_000), version: 0 })).version).toBe(
      1,
    );
  });

  it("keeps strengths and improvements as ordered lists, one item per line", async () => {
    await saveText(database.db, anna, evaluationId, {
      key: "area.3.strengths",
      body: "Tydliga mål\n\n  Öppna nämndmöten \nBra webb",
      version: 0,
    });
    const area = (await getWriting(database.db, anna, evaluationId)).areas[2]!;
    expect(area.strengths.items).toEqual(["Tydliga mål", "Öppna nämndmöten", "Bra webb"]);
    expect(area.improvements.items).toEqual([]);
  });

  it("names other municipalities as good examples, in order, and refuses unknown or the evaluated one", async () => {
    const add = (municipalityCode: string, sentence: string, areaNumber = 1) =>
      addGoodExample(database.db, anna, evaluationId, { areaNumber, municipalityCode, sentence });
    expect(await problemsOf(add("9999", "Finns inte"))).toEqual(["municipalityCode: unknown_municipality"]);
    expect(await problemsOf(add(OREBRO, "Sig själv"))).toEqual(["municipalityCode: own_municipality"]);
    expect(await problemsOf(add("0484", "  "))).toEqual(["sentence: sentence_length"]);
    expect(await problemsOf(add("0484", "x".repeat(501)))).toEqual(["sentence: sentence_length"]);
    expect(await problemsOf(add("0484", "Fel område", 9))).toEqual(["areaNumber: unknown_area"]);
    await expect(
      addGoodExample(database.db, contact, evaluationId, { areaNumber: 1, municipalityCode: "0484", sentence: "Kontakt" }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    const eskilstuna = await add("0484", "Eskilstuna har en tydlig medborgardialog.");
    const boras = await add("1490", "Borås publicerar alla nämndprotokoll.");
    const umea = await add("2480", "Umeå mäter invånarnas nöjdhet varje år.");
    const order = async () => (await getWriting(database.db, bo, evaluationId)).areas[0]!.goodExamples.map((e) => e.municipalityName);
    expect(await order()).toEqual(["Eskilstuna", "Borås", "Umeå"]);
    await moveGoodExample(database.db, bo, evaluationId, { id: umea.id, direction: "up" });
    expect(await order()).toEqual(["Eskilstuna", "Umeå", "Borås"]);
    await moveGoodExample(database.db, bo, evaluationId, { id: eskilstuna.id, direction: "up" });
    expect(await order()).toEqual(["Eskilstuna", "Umeå", "Borås"]);
    await updateGoodExample(database.db, bo, evaluationId, {
      id: boras.id,
      municipalityCode: "1490",
      sentence: "Borås visar nämndernas beslut öppet.",
    });
    expect(
      await problemsOf(updateGoodExample(database.db, bo, evaluationId, { id: boras.id, municipalityCode: OREBRO, sentence: "x" })),
    ).toEqual(["municipalityCode: own_municipality"]);
    await deleteGoodExample(database.db, bo, evaluationId, { id: eskilstuna.id });
    await deleteGoodExample(database.db, bo, evaluationId, { id: eskilstuna.id });
    expect(await order()).toEqual(["Umeå", "Borås"]);
    expect(await problemsOf(moveGoodExample(database.db, bo, evaluationId, { id: eskilstuna.id, direction: "down" }))).toEqual([
      "id: example_missing",
    ]);

    const entries = (await auditEntries(database.db, evaluationId)).filter((e) => e.action === "goodExample");
    expect(entries.map((e) => e.actorName)).toEqual(["Anna", "Anna", "Anna", "Bo", "Bo", "Bo"]);
    expect(entries[4]).toMatchObject({
      target: "area.1.goodExamples",
      before: { id: boras.id, sentence: "Borås publicerar alla nämndprotokoll." },
      after: { sentence: "Borås visar nämndernas beslut öppet." },
    });
    expect(entries[5]).toMatchObject({ before: { id: eskilstuna.id, municipalityCode: "0484" }, after: null });
  });

  it("gives each area's agreed points so far, exact and rounded half up, to show beside its texts", async () => {
    expect((await getWriting(database.db, anna, evaluationId)).agreed!.areas[0]).toMatchObject({ scored: 0, points: 0 });
    // Synthetic points, for this test only: 7.25 + 8.25 = 15.5 → 16 printed.
    await database.db.insert(agreedScores).values([
      { evaluationId, itemId: "1.1", points: "7.25", reason: "Test" },
      { evaluationId, itemId: "1.2", points: "8.25", reason: "Test" },
    ]);
    const { agreed } = await getWriting(database.db, anna, evaluationId);
    expect(agreed!.areas[0]).toMatchObject({ number: 1, exact: "15.5", points: 16, scored: 2, max: 100 });
    expect(agreed!.areas[0]!.items).toBeGreaterThan(2);
    expect(agreed!.areas[1]).toMatchObject({ number: 2, scored: 0 });
    expect(agreed!.exact).toBe("15.5");
  });

  it("lets the contact read the texts once published, and nobody change them", async () => {
    await setStatus("published");
    const view = await getWriting(database.db, contact, evaluationId);
    expect(view.canEdit).toBe(false);
    expect(view.agreed!.areas[0]!.points).toBe(16);
    expect(view.texts["area.1.general"]!.body).toBe("Bos text\nmed två rader");
    await expect(saveText(database.db, anna, evaluationId, { key: "area.1.general", body: "Efteråt", version: 2 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(deleteGoodExample(database.db, anna, evaluationId, { id: 1 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
