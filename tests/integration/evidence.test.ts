import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluations, evidence } from "../../src/db/schema.server.ts";
import type { Actor } from "../../src/domain/workflow.ts";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../src/services/errors.ts";
import { auditEntries } from "../../src/services/evaluations/audit.server.ts";
import { createEvaluation } from "../../src/services/evaluations/createEvaluation.server.ts";
import { loadEvaluation } from "../../src/services/evaluations/evaluationContext.server.ts";
import { transitionEvaluation } from "../../src/services/evaluations/transitionEvaluation.server.ts";
import {
  addInterview,
  addLink,
  addNote,
  deleteEvidence,
  deleteInterview,
  evidenceForSubarea,
  getDocumentFile,
  listEvidence,
  listInterviews,
  loadEvidencePage,
  tagSubareas,
  updateInterview,
  uploadDocument,
} from "../../src/services/evidence/index.server.ts";
import { MAX_UPLOAD_BYTES } from "../../src/domain/evidence.ts";
import { evidenceFormKey, runEvidenceForm } from "../../app/evidence-forms.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";

type Person = NonNullable<Actor>;

const pdf = Buffer.concat([
  Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
  Buffer.alloc(200, 32),
  Buffer.from("%%EOF\n"),
]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** Expects a promise to fail with a ValidationError naming the field, and returns its problems. */
async function refused(promise: Promise<unknown>, field: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  const problems = (error as ValidationError).problems;
  expect(problems.map((p) => p.field)).toContain(field);
  return problems;
}

describe.each(testDatabaseKinds())("evidence on %s", (kind) => {
  let database: TestDatabase;
  let admin: Person, evaluatorA: Person, evaluatorB: Person, stranger: Person, contact: Person, otherContact: Person;
  let evaluationId: number;
  const db = () => database.db;
  const documentCount = async () =>
    Number((await db().select({ n: sql<number>`count(*)::int` }).from(evidence).where(eq(evidence.evaluationId, evaluationId)))[0]!.n);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const person = async (name: string, role: Person["role"], municipalityCode: string | null = null): Promise<Person> => {
      const { id } = await createUser(db(), SYSTEM, {
        email: `${name.toLowerCase().replace(/\W/g, "")}@example.se`,
        name,
        role,
        municipalityCode,
      });
      return { id, name, role, municipalityCode };
    };
    admin = await person("Ada Admin", "administrator");
    evaluatorA = await person("Eva Evaluator", "evaluator");
    evaluatorB = await person("Erik Evaluator", "evaluator");
    stranger = await person("Sven Stranger", "evaluator");
    contact = await person("Karin Kontakt", "contact", "1880");
    otherContact = await person("Olle Annan", "contact", "0180");
    ({ id: evaluationId } = await createEvaluation(db(), admin, {
      municipalityCode: "1880",
      instrumentKey: "2010",
      year: 2031,
      evaluatorIds: [evaluatorA.id, evaluatorB.id],
      contactIds: [contact.id],
    }));
  });
  afterAll(() => database?.dispose());

  it("stores a PDF the contact uploads, in the database, and gives it back for download", async () => {
    const { id } = await uploadDocument(db(), contact, evaluationId, {
      fileName: "C:\\Mina dokument\\Styrdokument.pdf",
      mediaType: "application/pdf",
      bytes: pdf,
      title: "",
    });
    const file = await getDocumentFile(db(), evaluatorA, evaluationId, { evidenceId: id });
    expect(file.fileName).toBe("Styrdokument.pdf");
    expect(file.mediaType).toBe("application/pdf");
    expect(Buffer.compare(file.bytes, pdf)).toBe(0);
    const items = await listEvidence(db(), contact, evaluationId);
    expect(items).toEqual([
      expect.objectContaining({
        id,
        kind: "document",
        title: "Styrdokument.pdf",
        size: pdf.length,
        createdByName: "Karin Kontakt",
        canDelete: true,
      }),
    ]);
    expect(items[0]).not.toHaveProperty("content");
  });

  it("refuses an empty file, one above the limit, and a wrong or disguised type, storing nothing", async () => {
    const before = await documentCount();
    const tooLarge = Buffer.alloc(26 * 1024 * 1024, 0x20);
    tooLarge.write("%PDF-1.4");
    expect(tooLarge.length).toBeGreaterThan(MAX_UPLOAD_BYTES);
    const upload = (fileName: string, mediaType: string, bytes: Buffer) =>
      uploadDocument(db(), contact, evaluationId, { fileName, mediaType, bytes, title: "Test" });
    expect(await refused(upload("stor.pdf", "application/pdf", tooLarge), "file")).toEqual([
      { field: "file", message: "evidence.problem.file_too_large" },
    ]);
    expect((await refused(upload("tom.pdf", "application/pdf", Buffer.alloc(0)), "file"))[0]!.message).toBe("evidence.problem.file_empty");
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100)]);
    expect((await refused(upload("setup.exe", "application/x-msdownload", exe), "file"))[0]!.message).toBe("evidence.problem.file_type");
    expect((await refused(upload("setup.exe", "application/pdf", exe), "file"))[0]!.message).toBe("evidence.problem.file_type");
    expect((await refused(upload("program.pdf", "application/pdf", exe), "file"))[0]!.message).toBe("evidence.problem.file_content");
    expect((await refused(upload("anteckning.pdf", "application/pdf", Buffer.from("bara text, inte en pdf")), "file"))[0]!.message).toBe(
      "evidence.problem.file_content",
    );
    expect((await refused(upload("bild.png", "application/pdf", png), "file"))[0]!.message).toBe("evidence.problem.file_type");
    expect(await documentCount()).toBe(before);
    // A real image of an accepted kind is taken.
    await upload("bild.png", "image/png", png);
    expect(await documentCount()).toBe(before + 1);
  });

  it("takes http and https links only", async () => {
    await refused(addLink(db(), contact, evaluationId, { title: "Skript", url: "javascript:alert(1)" }), "url");
    await refused(addLink(db(), contact, evaluationId, { title: "", url: "https://www.orebro.se" }), "title");
    const { id } = await addLink(db(), contact, evaluationId, { title: "Kommunens webbplats", url: "https://www.orebro.se/" });
    expect((await listEvidence(db(), evaluatorB, evaluationId)).find((item) => item.id === id)).toMatchObject({
      kind: "link",
      url: "https://www.orebro.se/",
    });
  });

  it("hides the evaluation's evidence from outsiders as if it did not exist", async () => {
    const [document] = await listEvidence(db(), admin, evaluationId);
    for (const outsider of [otherContact, stranger, null]) {
      await expect(listEvidence(db(), outsider, evaluationId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getDocumentFile(db(), outsider, evaluationId, { evidenceId: document!.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        uploadDocument(db(), outsider, evaluationId, { fileName: "x.pdf", mediaType: "application/pdf", bytes: pdf }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(addLink(db(), outsider, evaluationId, { title: "x", url: "https://example.se" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(listInterviews(db(), outsider, evaluationId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(evidenceForSubarea(db(), outsider, evaluationId, "1.2")).rejects.toBeInstanceOf(NotFoundError);
      await expect(deleteEvidence(db(), outsider, evaluationId, { evidenceId: document!.id })).rejects.toBeInstanceOf(NotFoundError);
    }
    // A document of another evaluation is not found through this one.
    await expect(getDocumentFile(db(), admin, evaluationId + 1000, { evidenceId: document!.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps notes and the interview plan from the municipality's contact", async () => {
    const { id: noteId } = await addNote(db(), evaluatorA, evaluationId, {
      title: "Intranätet",
      body: "Styrdokumenten är lätta att hitta.",
      url: "",
    });
    expect((await listEvidence(db(), evaluatorB, evaluationId)).map((item) => item.id)).toContain(noteId);
    expect((await listEvidence(db(), contact, evaluationId)).map((item) => item.kind)).not.toContain("note");
    await expect(addNote(db(), contact, evaluationId, { title: "x", body: "y" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDocumentFile(db(), contact, evaluationId, { evidenceId: noteId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteEvidence(db(), contact, evaluationId, { evidenceId: noteId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listInterviews(db(), contact, evaluationId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addInterview(db(), contact, evaluationId, { groupKind: "politicians", title: "x" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("ties evidence and interviews to sub-areas and shows them per sub-area", async () => {
    const [document] = await listEvidence(db(), contact, evaluationId);
    const { id: interviewId } = await addInterview(db(), evaluatorA, evaluationId, {
      groupKind: "politicians",
      title: "Kommunstyrelsens presidium",
      startsAt: "2031-03-12T09:30",
      participants: "Anna, Bertil, Cecilia",
      participantCount: "3",
      notes: "",
    });
    await tagSubareas(db(), evaluatorA, evaluationId, { sourceKind: "evidence", sourceId: document!.id, subareaIds: ["1.2", "3.1"] });
    await tagSubareas(db(), evaluatorB, evaluationId, { sourceKind: "interview", sourceId: interviewId, subareaIds: ["1.2"] });
    const tied = await evidenceForSubarea(db(), evaluatorB, evaluationId, "1.2");
    expect(tied.evidence.map((item) => item.id)).toEqual([document!.id]);
    expect(tied.interviews).toEqual([
      expect.objectContaining({ id: interviewId, startsAt: "2031-03-12T09:30", participantCount: 3, subareaIds: ["1.2"] }),
    ]);
    expect((await evidenceForSubarea(db(), contact, evaluationId, "1.2")).interviews).toEqual([]);
    expect((await evidenceForSubarea(db(), evaluatorA, evaluationId, "2.1")).evidence).toEqual([]);
    // Replacing the set; unknown ids and other evaluations' sources are refused.
    await tagSubareas(db(), evaluatorA, evaluationId, { sourceKind: "evidence", sourceId: document!.id, subareaIds: ["3.1"] });
    expect((await evidenceForSubarea(db(), evaluatorA, evaluationId, "1.2")).evidence).toEqual([]);
    await refused(
      tagSubareas(db(), evaluatorA, evaluationId, { sourceKind: "evidence", sourceId: document!.id, subareaIds: ["9.9"] }),
      "subareaIds",
    );
    await expect(
      tagSubareas(db(), evaluatorA, evaluationId, { sourceKind: "interview", sourceId: 999999, subareaIds: [] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      tagSubareas(db(), contact, evaluationId, { sourceKind: "evidence", sourceId: document!.id, subareaIds: ["1.2"] }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("validates interviews and refuses a stale update, changing nothing", async () => {
    await refused(addInterview(db(), evaluatorA, evaluationId, { groupKind: "press", title: "x" }), "groupKind");
    await refused(
      addInterview(db(), evaluatorA, evaluationId, { groupKind: "unions", title: "Fack", participantCount: "101" }),
      "participantCount",
    );
    await refused(
      addInterview(db(), evaluatorA, evaluationId, { groupKind: "unions", title: "Fack", participantCount: "tre" }),
      "participantCount",
    );
    await refused(
      addInterview(db(), evaluatorA, evaluationId, { groupKind: "unions", title: "Fack", startsAt: "2031-02-30T10:00" }),
      "startsAt",
    );
    const { id } = await addInterview(db(), evaluatorA, evaluationId, {
      groupKind: "unions",
      title: "Fackliga företrädare",
      startsAt: "2031-07-01T13:00",
      participantCount: 4,
    });
    const fields = {
      groupKind: "unions",
      title: "Fackliga företrädare",
      startsAt: "2031-07-01T13:15",
      participants: "Kommunal, Vision",
      participantCount: 4,
    } as const;
    expect(
      await updateInterview(db(), evaluatorA, evaluationId, { ...fields, notes: "A:s anteckningar", interviewId: id, version: 1 }),
    ).toEqual({ version: 2 });
    const stale = await updateInterview(db(), evaluatorB, evaluationId, {
      ...fields,
      notes: "B:s anteckningar",
      interviewId: id,
      version: 1,
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).currentVersion).toBe(2);
    expect((stale as ConflictError<{ notes: string }>).current.notes).toBe("A:s anteckningar");
    const saved = (await listInterviews(db(), evaluatorB, evaluationId)).find((i) => i.id === id)!;
    expect(saved).toMatchObject({ notes: "A:s anteckningar", startsAt: "2031-07-01T13:15", version: 2 });
    await expect(deleteInterview(db(), evaluatorB, evaluationId, { interviewId: id, version: 1 })).rejects.toBeInstanceOf(ConflictError);
    await deleteInterview(db(), evaluatorB, evaluationId, { interviewId: id, version: 2 });
    expect((await listInterviews(db(), evaluatorB, evaluationId)).map((i) => i.id)).not.toContain(id);
  });

  it("ties to areas in a version without sub-areas", async () => {
    const { id } = await createEvaluation(db(), admin, {
      municipalityCode: "1880",
      instrumentKey: "2020",
      year: 2032,
      evaluatorIds: [evaluatorA.id, evaluatorB.id],
      contactIds: [contact.id],
    });
    const { id: linkId } = await addLink(db(), evaluatorA, id, { title: "Webbplatsen", url: "https://www.orebro.se" });
    await tagSubareas(db(), evaluatorA, id, { sourceKind: "evidence", sourceId: linkId, subareaIds: ["3"] });
    expect((await evidenceForSubarea(db(), evaluatorB, id, "3")).evidence.map((item) => item.id)).toEqual([linkId]);
    await refused(tagSubareas(db(), evaluatorA, id, { sourceKind: "evidence", sourceId: linkId, subareaIds: ["3.1"] }), "subareaIds");
    // The source must belong to the evaluation named.
    await expect(
      tagSubareas(db(), evaluatorA, evaluationId, { sourceKind: "evidence", sourceId: linkId, subareaIds: [] }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("carries out the page's posted forms, files included", async () => {
    const form = new FormData();
    form.set("intent", "upload");
    form.set("title", "Årsredovisning");
    form.set("file", new File([pdf], "årsredovisning 2030.pdf", { type: "application/pdf" }));
    expect(await runEvidenceForm(db(), contact, evaluationId, form)).toEqual({ intent: "upload", section: "dokument" });
    const stored = (await listEvidence(db(), contact, evaluationId)).find((item) => item.title === "Årsredovisning")!;
    expect(stored).toMatchObject({ fileName: "årsredovisning 2030.pdf", size: pdf.length });
    const empty = new FormData();
    empty.set("intent", "upload");
    empty.set("file", new File([], "", { type: "application/octet-stream" }));
    expect((await refused(runEvidenceForm(db(), contact, evaluationId, empty), "file"))[0]!.message).toBe("evidence.problem.file_missing");
    const tag = new FormData();
    tag.set("intent", "tag");
    tag.set("sourceKind", "evidence");
    tag.set("sourceId", String(stored.id));
    tag.append("subareaIds", "2.1");
    tag.append("subareaIds", "2.2");
    tag.set("section", "javascript:alert(1)");
    expect(await runEvidenceForm(db(), evaluatorA, evaluationId, tag)).toEqual({ intent: "tag", section: "dokument" });
    expect(evidenceFormKey(tag)).toBe(`tag-evidence-${stored.id}`);
    expect((await evidenceForSubarea(db(), evaluatorA, evaluationId, "2.2")).evidence.map((item) => item.id)).toEqual([stored.id]);
    const unknown = new FormData();
    unknown.set("intent", "drop-table");
    await refused(runEvidenceForm(db(), evaluatorA, evaluationId, unknown), "intent");
  });

  it("lets the uploader and the team remove evidence before publication, nobody after", async () => {
    const { id: mine } = await addLink(db(), contact, evaluationId, { title: "Min länk", url: "http://example.se/a" });
    const { id: theirs } = await addLink(db(), evaluatorA, evaluationId, { title: "Teamets länk", url: "http://example.se/b" });
    await expect(deleteEvidence(db(), contact, evaluationId, { evidenceId: theirs })).rejects.toBeInstanceOf(ForbiddenError);
    await deleteEvidence(db(), contact, evaluationId, { evidenceId: mine });
    const [document] = await listEvidence(db(), contact, evaluationId);
    await db().update(evaluations).set({ status: "published" }).where(eq(evaluations.id, evaluationId));
    await expect(deleteEvidence(db(), evaluatorA, evaluationId, { evidenceId: theirs })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      uploadDocument(db(), contact, evaluationId, { fileName: "sent.pdf", mediaType: "application/pdf", bytes: pdf }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // Published: still readable by the municipality.
    expect((await getDocumentFile(db(), contact, evaluationId, { evidenceId: document!.id })).bytes.length).toBe(pdf.length);
    await db().update(evaluations).set({ status: "planned" }).where(eq(evaluations.id, evaluationId));
    await deleteEvidence(db(), evaluatorA, evaluationId, { evidenceId: theirs });
  });

  it("tells the contact until when they hand in, and when the hand-in closed, why, and whom to ask", async () => {
    const { id } = await createEvaluation(db(), admin, {
      municipalityCode: "1880",
      instrumentKey: "2010",
      year: 2032,
      visitStart: "2032-03-09",
      visitEnd: "2032-03-10",
      evaluatorIds: [evaluatorA.id, evaluatorB.id],
      contactIds: [contact.id],
    });
    const move = async (actor: Person, to: string) =>
      transitionEvaluation(db(), actor, id, { to, version: (await loadEvaluation(db(), admin, id)).version });
    const page = () => loadEvidencePage(db(), contact, id);

    const planned = await page();
    expect(planned.can.upload).toBe(true);
    expect(planned.handIn).toEqual({
      open: true,
      status: "planned",
      visitStart: "2032-03-09",
      visitEnd: "2032-03-10",
      closedOn: null,
      evaluators: [
        { name: "Erik Evaluator", email: "erikevaluator@example.se" },
        { name: "Eva Evaluator", email: "evaevaluator@example.se" },
      ],
    });
    // The team's page has the forms and no notice: the notice is the municipality's.
    expect((await loadEvidencePage(db(), evaluatorA, id)).handIn).toBeNull();

    await move(admin, "preparation");
    await move(evaluatorA, "visit");
    expect((await page()).handIn).toMatchObject({ open: true, status: "visit", closedOn: null });
    await addInterview(db(), evaluatorA, id, { groupKind: "politicians", title: "Kommunstyrelsen" });
    await move(evaluatorA, "scoring");

    const closed = await page();
    expect(closed.can.upload).toBe(false);
    // The day the team moved on, as a Swedish calendar day (from the audit log).
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
    expect(closed.handIn).toMatchObject({ open: false, status: "scoring", closedOn: today, visitEnd: "2032-03-10" });
    await expect(addLink(db(), contact, id, { title: "För sent", url: "https://example.se/sent" })).rejects.toBeInstanceOf(ForbiddenError);

    // A step back to the visit opens the hand-in again; moving on closes it again.
    await move(evaluatorB, "visit");
    expect((await page()).handIn).toMatchObject({ open: true, closedOn: null });
    await move(evaluatorB, "scoring");
    expect((await page()).handIn).toMatchObject({ open: false, closedOn: today });
  });

  it("writes every change to the audit log, without file bytes", async () => {
    const entries = await auditEntries(db(), evaluationId);
    const of = (action: string) => entries.filter((e) => e.action === action);
    expect(of("evidence").length).toBeGreaterThanOrEqual(8);
    expect(of("interview").length).toBeGreaterThanOrEqual(5);
    const upload = of("evidence").find((e) => (e.after as { fileName?: string } | null)?.fileName === "Styrdokument.pdf")!;
    expect(upload).toMatchObject({ actorId: contact.id, actorName: "Karin Kontakt", target: expect.stringMatching(/^evidence \d+$/) });
    expect(upload.after).toMatchObject({
      kind: "document",
      mediaType: "application/pdf",
      size: pdf.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(JSON.stringify(entries)).not.toContain("PDF-1.4");
    expect(
      of("evidence").some(
        (e) => e.target.endsWith("subareas") && JSON.stringify(e.after) === JSON.stringify({ subareaIds: ["1.2", "3.1"] }),
      ),
    ).toBe(true);
    expect(
      of("interview").some(
        (e) => e.before && (e.before as { notes: string }).notes === "" && (e.after as { notes: string }).notes === "A:s anteckningar",
      ),
    ).toBe(true);
    expect(of("evidence").some((e) => e.after === null && (e.before as { title: string }).title === "Min länk")).toBe(true);
  });
});
