import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionNotes, actions, auditLog, evaluationMembers, followups } from "../../src/db/schema.server.ts";
import type { Actor } from "../../src/domain/workflow.ts";
import { renderReportDocx } from "../../src/reports/docx.server.ts";
import { renderReportHtml } from "../../src/reports/html.server.ts";
import { closePdfRenderer, renderReportPdf } from "../../src/reports/pdf.server.ts";
import { contentsPageNumbers } from "../../src/reports/pdfOutline.server.ts";
import { renderReportXlsx } from "../../src/reports/xlsx.server.ts";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { ConflictError, ForbiddenError, NotFoundError, type ValidationError } from "../../src/services/errors.ts";
import { createEvaluation } from "../../src/services/evaluations/createEvaluation.server.ts";
import { publishedSnapshot } from "../../src/services/evaluations/publishedSnapshot.server.ts";
import { getFollowup } from "../../src/services/followup/getFollowup.server.ts";
import { clearFollowup, markFollowup } from "../../src/services/followup/markFollowup.server.ts";
import { getEvaluationPage } from "../../src/services/portal/evaluationPage.server.ts";
import { getReport } from "../../src/services/reports/getReport.server.ts";
import { completeTestEvaluation, moveTo, moveToScoring, publishTestEvaluation, TEST_IMPROVEMENTS } from "../support/cycle.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { TESTKOPING } from "../support/fictional.ts";
import { type Cast, createCast, createTestEvaluation } from "../support/workspace.ts";

// Follow-up at the next evaluation (issue 13 §3): the fictional Testköping is published in 2017
// (2016 version, improvement opportunities in areas 1 and 3); its 2021 evaluation marks two of
// them and is published; a 2025 evaluation with the 2020 version follows up 2021 across versions.
const CHROMIUM = process.env.KOMPASS_CHROMIUM ?? "/usr/bin/chromium";
const pdfTools = existsSync(CHROMIUM) && spawnSync("sh", ["-c", "command -v pdftotext"]).status === 0;
const flat = (text: string) => text.replace(/[\s\u00a0]+/g, " ");

describe.each(testDatabaseKinds())("follow-up of the previous evaluation on %s", (kind) => {
  let database: TestDatabase;
  let cast: Cast;
  let staff: NonNullable<Actor>;
  let first: number;
  let second: number;
  let overdueAction: number;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    cast = await createCast(database.db);
    const db = database.db;
    first = await publishTestEvaluation(db, cast, 2017);
    // The municipality's action plan for 2017, written straight into the table (its services are another part's).
    const rows = await db
      .insert(actions)
      .values([
        {
          evaluationId: first,
          municipalityCode: TESTKOPING.code,
          areaNumber: 1,
          improvementIndex: 0,
          title: "Publicera handlingarna",
          status: "done",
        },
        {
          evaluationId: first,
          municipalityCode: TESTKOPING.code,
          areaNumber: 3,
          improvementIndex: 1,
          title: "Anta en internkontrollplan",
          status: "in_progress",
          dueDate: "2019-06-30",
        },
        { evaluationId: first, municipalityCode: TESTKOPING.code, title: "Utbilda nya ledamöter", status: "planned" },
      ])
      .returning({ id: actions.id });
    overdueAction = rows[1]!.id;
    await db.insert(actionNotes).values({ actionId: overdueAction, notedOn: "2018-05-01", body: "Förslag på remiss." });
    second = await createTestEvaluation(db, cast, 2021);
    const { id } = await createUser(db, SYSTEM, {
      email: `staff.${Math.random().toString(36).slice(2, 8)}@test.example`,
      name: "Sara Staff",
      role: "staff",
      municipalityCode: TESTKOPING.code,
      password: "ett-langt-losenord",
    });
    staff = { id, name: "Sara Staff", role: "staff", municipalityCode: TESTKOPING.code };
    await db.insert(evaluationMembers).values({ evaluationId: second, userId: id, role: "staff" });
  }, 120_000);
  afterAll(async () => {
    await closePdfRenderer();
    await database.dispose();
  });

  const mark = (actor: Actor, areaNumber: number, improvementIndex: number, verdict: string, comment: string, version: number) =>
    markFollowup(database.db, actor, second, { areaNumber, improvementIndex, verdict: verdict as "resolved", comment, version });

  it("shows the team the previous evaluation's opportunities with the municipality's actions while planned", async () => {
    const f = await getFollowup(database.db, cast.eva, second, { now: new Date("2021-02-01T12:00:00Z") });
    expect(f.previous).toMatchObject({ id: first, year: 2017, instrumentKey: "2016", sameVersion: true, reportPath: `/rapport/${first}` });
    expect(f.areas.map((a) => a.number)).toEqual([1, 3]);
    expect(f.areas.map((a) => a.opportunities.map((o) => o.text))).toEqual([TEST_IMPROVEMENTS[1], TEST_IMPROVEMENTS[3]]);
    expect(f.areas[0]!.name).toBe("Offentlighet och demokrati");
    expect(f.areas[0]!.opportunities[0]!.actions).toMatchObject([{ title: "Publicera handlingarna", status: "done", overdue: false }]);
    expect(f.areas[1]!.opportunities[1]!.actions).toMatchObject([{ id: overdueAction, status: "in_progress", overdue: true, notes: 1 }]);
    expect(f.otherActions.map((a) => a.title)).toEqual(["Utbilda nya ledamöter"]);
    expect(f.areas[0]!.current).toEqual({ own: null, agreed: null });
    expect([f.marked, f.total, f.mayMark]).toEqual([0, 5, false]);
  });

  it("says there is nothing to follow up for the first evaluation, and freezes no marks into it", async () => {
    const f = await getFollowup(database.db, cast.eva, first);
    expect(f.previous).toBeNull();
    expect(f.areas).toEqual([]);
    expect((await publishedSnapshot(database.db, first))?.followup).toBeUndefined();
    expect((await getReport(database.db, null, first)).model.followup).toBeNull();
  });

  it("keeps outsiders out (404) and lets only the team mark: not the contact, staff or an administrator off the team", async () => {
    const db = database.db;
    await expect(getFollowup(db, cast.outsider, second)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getFollowup(db, cast.otherContact, second)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getFollowup(db, cast.contact, second)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getFollowup(db, staff, second)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getFollowup(db, cast.admin, second)).mayMark).toBe(false);
    for (const actor of [cast.contact, staff, cast.admin])
      await expect(mark(actor, 1, 0, "resolved", "", 0)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(mark(cast.outsider, 1, 0, "resolved", "", 0)).rejects.toBeInstanceOf(NotFoundError);
    // While planned, not even the team: marking starts with preparation.
    await expect(mark(cast.eva, 1, 0, "resolved", "", 0)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.select().from(followups).where(eq(followups.evaluationId, second))).toEqual([]);
  });

  it("marks with optimistic concurrency, checks what is marked, and audits every change", async () => {
    const db = database.db;
    await moveToScoring(db, cast, second);
    expect(await mark(cast.eva, 1, 0, "resolved", "  Handlingarna ligger på webben sedan 2018. ", 0)).toEqual({
      verdict: "resolved",
      comment: "Handlingarna ligger på webben sedan 2018.",
      version: 1,
    });
    expect((await mark(cast.per, 3, 1, "partly", "Planen är antagen men följs inte upp.", 0)).version).toBe(1);
    // Eva loaded area 3's mark before Per saved it.
    const conflict = await mark(cast.eva, 3, 1, "remains", "", 0).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).current).toEqual({ verdict: "partly", comment: "Planen är antagen men följs inte upp." });
    expect((conflict as ConflictError).currentVersion).toBe(1);

    const problem = async (promise: Promise<unknown>) => ((await promise.catch((e: unknown) => e)) as ValidationError).problems;
    expect(await problem(mark(cast.eva, 1, 1, "fixed", "", 0))).toMatchObject([{ field: "verdict", message: "verdict_required" }]);
    expect(await problem(mark(cast.eva, 1, 1, "partly", "x".repeat(501), 0))).toMatchObject([
      { field: "comment", message: "comment_too_long" },
    ]);
    expect(await problem(mark(cast.eva, 3, 9, "partly", "", 0))).toMatchObject([{ message: "unknown_improvement" }]);
    expect(await problem(mark(cast.eva, 2, 0, "partly", "", 0))).toMatchObject([{ message: "unknown_improvement" }]);

    // A third mark, taken away again: with the version it was loaded with.
    await mark(cast.eva, 1, 1, "remains", "", 0);
    await expect(clearFollowup(db, cast.eva, second, { areaNumber: 1, improvementIndex: 1, version: 7 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await clearFollowup(db, cast.eva, second, { areaNumber: 1, improvementIndex: 1, version: 1 });

    const log = await db
      .select({ action: auditLog.action, target: auditLog.target, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.evaluationId, second)))
      .orderBy(auditLog.id);
    expect(log.filter((e) => e.action.startsWith("followup")).map((e) => [e.action, e.target])).toEqual([
      ["followup", "followup 1.1"],
      ["followup", "followup 3.2"],
      ["followup", "followup 1.2"],
      ["followup_cleared", "followup 1.2"],
    ]);
    const f = await getFollowup(db, cast.eva, second);
    expect([f.marked, f.total, f.mayMark]).toEqual([2, 5, true]);
    expect(f.areas[0]!.opportunities[0]!.mark).toMatchObject({
      verdict: "resolved",
      version: 1,
      updatedByName: cast.eva.name,
      markedText: null,
    });
  });

  it("puts the current marks in the working report as chapter 3, the chapters after it one number later", async () => {
    const { model } = await getReport(database.db, cast.eva, second);
    expect(model.draft).toBe(true);
    expect(model.followup?.heading).toEqual({ id: "sedan-forra", number: "3", title: "Sedan förra utvärderingen" });
    expect(model.contents.map((c) => `${c.number} ${c.id}`).filter((c) => !c.startsWith("Område"))).toEqual([
      "1 om-kommunkompassen",
      "2 sammanfattning",
      "3 sedan-forra",
      "4 omraden",
      "5 poangoversikt",
      "6 kortfakta",
    ]);
    expect(model.followup!.paragraphs.join(" ")).toContain("Utvärderarna har följt upp 2 förbättringsmöjligheter från 2017.");
    expect(model.followup!.tables.map((t) => t.caption)).toEqual([
      "Förbättringsmöjligheter från 2017 inom område 1, Offentlighet och demokrati",
      expect.stringMatching(/^Förbättringsmöjligheter från 2017 inom område 3, /),
    ]);
    expect(model.followup!.tables[1]!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["En plan för internkontroll", "Delvis åtgärdad", "Planen är antagen men följs inte upp."],
    ]);
  });

  it("freezes the marks into the published revision; marks can no longer change", async () => {
    const db = database.db;
    await completeTestEvaluation(db, cast, second, { points: "70" });
    const before = await getFollowup(db, cast.eva, second);
    expect(before.areas[0]!.current?.own).toMatchObject({ number: 1, scored: 1, points: 70 });
    expect(before.areas[0]!.current?.agreed).toMatchObject({ number: 1, points: 70 });
    await moveTo(db, cast, second, "published");
    const snapshot = await publishedSnapshot(db, second);
    expect(snapshot?.followup).toEqual({
      basis: { year: 2017, instrumentKey: "2016", sameVersion: true },
      entries: [
        {
          areaNumber: 1,
          improvementIndex: 0,
          improvementText: "Handlingar till fullmäktige på webben",
          verdict: "resolved",
          comment: "Handlingarna ligger på webben sedan 2018.",
        },
        {
          areaNumber: 3,
          improvementIndex: 1,
          improvementText: "En plan för internkontroll",
          verdict: "partly",
          comment: "Planen är antagen men följs inte upp.",
        },
      ],
    });
    await expect(mark(cast.eva, 1, 1, "remains", "", 0)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getFollowup(db, cast.eva, second)).mayMark).toBe(false);
  });

  it("prints the section in HTML, Word and Excel (and the PDF, with its bookmark)", async () => {
    const { model } = await getReport(database.db, null, second);
    expect(model.draft).toBe(false);
    expect(model.followup?.tables).toHaveLength(2);

    const html = renderReportHtml(model, { headingBase: 2 });
    expect(html).toContain('<a href="#sedan-forra"><span class="kk-toc-title"><span class="kk-toc-num">3</span> Sedan förra utvärderingen');
    expect(html).toMatch(/<h3 id="sedan-forra" class="kk-h kk-h-chapter"><span class="kk-hnum">3<\/span> Sedan förra utvärderingen<\/h3>/);
    expect(html).toContain(
      '<th scope="row">Handlingar till fullmäktige på webben</th><td>Åtgärdad</td><td>Handlingarna ligger på webben sedan 2018.</td>',
    );
    // After the summary, before the area chapters.
    expect(html.indexOf('id="sammanfattning"')).toBeLessThan(html.indexOf('id="sedan-forra"'));
    expect(html.indexOf('id="sedan-forra"')).toBeLessThan(html.indexOf('id="omraden"'));

    const zip = await JSZip.loadAsync(await renderReportDocx(model));
    const xml = await zip.file("word/document.xml")!.async("string");
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(" ");
    expect(words).toContain("3 Sedan förra utvärderingen");
    expect(words).toContain("En plan för internkontroll Delvis åtgärdad Planen är antagen men följs inte upp.");
    expect(words.indexOf("3 Sedan förra utvärderingen")).toBeLessThan(words.indexOf("4 Detaljerad genomgång"));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReportXlsx(model)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Delområden", "Områden", "Sedan förra utvärderingen"]);
    const sheet = workbook.getWorksheet("Sedan förra utvärderingen")!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Område",
      "Områdets namn",
      "Version",
      "Nr",
      "Förbättringsmöjlighet 2017",
      "Bedömning",
      "Kommentar",
    ]);
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      3,
      expect.any(String),
      "2016",
      2,
      "En plan för internkontroll",
      "Delvis åtgärdad",
      "Planen är antagen men följs inte upp.",
    ]);

    if (!pdfTools || kind !== "pglite") return;
    const pdf = await renderReportPdf(model);
    const text = flat(execFileSync("pdftotext", ["-", "-"], { input: pdf, encoding: "utf8" }));
    expect(text).toMatch(/3 Sedan förra utvärderingen \d+/); // the contents, with its page
    expect(text).toContain("Handlingar till fullmäktige på webben Åtgärdad Handlingarna ligger på webben sedan 2018.");
    const pages = await contentsPageNumbers(pdf, model.contents);
    expect(pages.get("sedan-forra")).toBeGreaterThan(pages.get("sammanfattning")!);
    expect(pages.get("omraden")).toBeGreaterThan(pages.get("sedan-forra")!);
  }, 120_000);

  it("shows the section on the public evaluation page's data", async () => {
    const page = await getEvaluationPage(database.db, TESTKOPING.code, 2021, { language: "sv" });
    expect(page.texts?.followup).toEqual({
      year: 2017,
      instrumentKey: "2016",
      sameVersion: true,
      areas: [
        {
          number: 1,
          name: "Offentlighet och demokrati",
          entries: [
            {
              improvementIndex: 0,
              text: "Handlingar till fullmäktige på webben",
              verdict: "resolved",
              comment: "Handlingarna ligger på webben sedan 2018.",
            },
          ],
        },
        {
          number: 3,
          name: expect.any(String),
          entries: [
            {
              improvementIndex: 1,
              text: "En plan för internkontroll",
              verdict: "partly",
              comment: "Planen är antagen men följs inte upp.",
            },
          ],
        },
      ],
    });
    expect((await getEvaluationPage(database.db, TESTKOPING.code, 2017, { language: "sv" })).texts?.followup).toBeNull();
  });

  it("across instrument versions lists the earlier opportunities as the earlier version's, without matching areas", async () => {
    const db = database.db;
    const { id: third } = await createEvaluation(db, cast.admin, {
      municipalityCode: TESTKOPING.code,
      instrumentKey: "2020",
      year: 2025,
      visitStart: "2025-03-01",
      visitEnd: "2025-03-02",
      evaluatorIds: [cast.eva.id, cast.per.id],
      contactIds: [cast.contact.id],
    });
    const f = await getFollowup(db, cast.eva, third);
    expect(f.previous).toMatchObject({ id: second, year: 2021, instrumentKey: "2016", sameVersion: false });
    expect(f.areas.map((a) => [a.number, a.current])).toEqual([
      [1, null],
      [3, null],
    ]);
    expect(f.areas[0]!.name).toBe("Offentlighet och demokrati");
    expect(f.currentAreas).toHaveLength(8);
    await moveTo(db, cast, third, "preparation");
    await markFollowup(db, cast.eva, third, { areaNumber: 3, improvementIndex: 0, verdict: "remains", comment: "", version: 0 });
    const { model } = await getReport(db, cast.eva, third);
    expect(model.followup!.paragraphs.join(" ")).toContain(
      "gjordes med version 2016 av Kommunkompassen, där områdena inte är desamma som i version 2020",
    );
    expect(model.followup!.tables.map((t) => t.caption)).toEqual([
      expect.stringMatching(/^Förbättringsmöjligheter från 2021 inom område 3, .+ \(tidigare version 2016\)$/),
    ]);
    expect(model.workbook.followup?.rows).toEqual([[3, expect.any(String), "2016", 1, "Uppföljning av nämndernas mål", "Kvarstår", ""]]);
  });
});
