import "../../src/i18n/catalogs.server.ts";
import { existsSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadTable } from "../../src/api/download.server.ts";
import { handleApiRequest } from "../../src/api/router.server.ts";
import type { Actor } from "../../src/domain/workflow.ts";
import { closePdfRenderer } from "../../src/reports/pdf.server.ts";
import { loadPdf } from "../../src/reports/pdfOutline.server.ts";
import { addAction, addActionNote, deleteAction, updateAction } from "../../src/services/actionPlan/actions.server.ts";
import { actionPlanFile } from "../../src/services/actionPlan/files.server.ts";
import { getActionPlan } from "../../src/services/actionPlan/getActionPlan.server.ts";
import { publishedActionPlan, setActionPlanPublished } from "../../src/services/actionPlan/publish.server.ts";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { auditEntries } from "../../src/services/evaluations/audit.server.ts";
import { ConflictError, ForbiddenError, NotFoundError, type ValidationError } from "../../src/services/errors.ts";
import { searchPassages } from "../../src/services/search/searchPassages.server.ts";
import { publishTestEvaluation, TEST_IMPROVEMENTS } from "../support/cycle.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { TESTKOPING } from "../support/fictional.ts";
import { type Cast, createCast } from "../support/workspace.ts";

/** A fixed Swedish calendar day, so that what is overdue does not depend on when the test runs. */
const TODAY = "2018-06-15";
const CHROMIUM = existsSync(process.env.KOMPASS_CHROMIUM ?? "/usr/bin/chromium");

describe.each(testDatabaseKinds())("the action plan on %s", (kind) => {
  let database: TestDatabase;
  let cast: Cast;
  let staff: NonNullable<Actor>;
  let id: number;
  const db = () => database.db;
  const plan = (actor: Actor = cast.contact) => getActionPlan(db(), actor, id, TODAY);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    cast = await createCast(database.db);
    const made = await createUser(database.db, SYSTEM, {
      email: `staff.${kind}@test.example`,
      name: "Sam Staff",
      role: "staff",
      municipalityCode: "9901",
      password: "ett-langt-losenord",
    });
    staff = { id: made.id, name: "Sam Staff", role: "staff", municipalityCode: "9901" };
    id = await publishTestEvaluation(database.db, cast);
  });
  afterAll(async () => {
    await closePdfRenderer();
    await database.dispose();
  });

  it("lists the published revision's improvement opportunities, none with actions yet", async () => {
    const view = await plan();
    expect(view.improvements.map((i) => [i.areaNumber, i.text])).toEqual(
      Object.entries(TEST_IMPROVEMENTS).flatMap(([area, lines]) => lines.map((text) => [Number(area), text])),
    );
    expect(view.improvements.every((i) => i.actions.length === 0)).toBe(true);
    expect(view).toMatchObject({ published: false, version: 0, can: { edit: true, publish: true }, own: [] });
    expect(view.overview.total.total).toBe(0);
  });

  it("lets the contact and the municipality's staff add actions, copying the improvement opportunity", async () => {
    const first = await addAction(db(), cast.contact, id, {
      areaNumber: 1,
      improvementIndex: 0,
      title: "Publicera handlingarna",
      owner: "Kommunsekreteraren",
      startDate: "2018-01-01",
      dueDate: "2018-03-31",
      status: "in_progress",
      links: "https://testkoping.example/handlingar\n\nhttp://testkoping.example/protokoll",
    });
    await addAction(db(), staff, id, { areaNumber: 3, improvementIndex: 1, title: "Plan för internkontroll", dueDate: "2018-12-31" });
    await addAction(db(), staff, id, { title: "Egen åtgärd: medborgarpanel", status: "done" });
    const view = await plan(staff);
    const area1 = view.improvements.find((i) => i.areaNumber === 1 && i.index === 0)!;
    expect(area1.actions).toHaveLength(1);
    expect(area1.actions[0]).toMatchObject({
      id: first.id,
      improvementText: TEST_IMPROVEMENTS[1]![0],
      linkList: ["https://testkoping.example/handlingar", "http://testkoping.example/protokoll"],
      overdue: true,
    });
    expect(view.own.map((a) => a.title)).toEqual(["Egen åtgärd: medborgarpanel"]);
    expect(view.own[0]!.closedOn).not.toBeNull();
  });

  it("refuses what does not fit, naming the field", async () => {
    const refused = (input: Parameters<typeof addAction>[3]) => addAction(db(), cast.contact, id, input).catch((e: unknown) => e);
    const fields = async (input: Parameters<typeof addAction>[3]) =>
      ((await refused(input)) as ValidationError).problems.map((p) => [p.field, p.message]);
    expect(await fields({ title: " " })).toEqual([["title", "action_title_required"]]);
    expect(await fields({ title: "x", startDate: "2018-05-01", dueDate: "2018-04-01" })).toEqual([["dueDate", "action_due_before_start"]]);
    expect(await fields({ title: "x", links: "ftp://example.org" })).toEqual([["links", "action_links_invalid"]]);
    expect(await fields({ title: "x", areaNumber: 2, improvementIndex: 0 })).toEqual([["improvementIndex", "improvement_unknown"]]);
    expect(await fields({ title: "x", status: "finished" as never })).toEqual([["status", "action_status_invalid"]]);
  });

  it("puts overdue actions first in the overview, counted by area and status", async () => {
    const view = await plan();
    expect(view.overview.overdue.map((a) => a.title)).toEqual(["Publicera handlingarna"]);
    expect(view.all.map((a) => a.title)).toEqual(["Publicera handlingarna", "Plan för internkontroll", "Egen åtgärd: medborgarpanel"]);
    expect(view.overview.areas.map((a) => [a.areaNumber, a.counts, a.overdue])).toEqual([
      [1, { planned: 0, in_progress: 1, done: 0, cancelled: 0 }, 1],
      [3, { planned: 1, in_progress: 0, done: 0, cancelled: 0 }, 0],
      [null, { planned: 0, in_progress: 0, done: 1, cancelled: 0 }, 0],
    ]);
    expect(view.overview.total).toMatchObject({ total: 3, overdue: 1 });
    // Made today (in the test's real time), so the months run from now; the last holds all three.
    expect(view.overview.progress.at(-1)).toMatchObject({ added: 3, done: 1, open: 2 });
  });

  it("saves changes by version and refuses a stale one with the saved fields", async () => {
    const [action] = (await plan()).overview.overdue;
    const saved = await updateAction(db(), cast.contact, id, {
      actionId: action!.id,
      version: action!.version,
      title: action!.title,
      status: "done",
    });
    expect(saved.version).toBe(action!.version + 1);
    const stale = await updateAction(db(), staff, id, { actionId: action!.id, version: action!.version, title: "Min rubrik" }).catch(
      (e: unknown) => e,
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError<{ status: string }>).current.status).toBe("done");
    expect((stale as ConflictError).currentVersion).toBe(saved.version);
    const view = await plan();
    expect(view.overview.overdue).toEqual([]);
    expect(view.all.find((a) => a.id === action!.id)).toMatchObject({ status: "done", overdue: false });
  });

  it("keeps dated notes, newest first, and refuses a day still to come", async () => {
    const target = (await plan()).all.find((a) => a.title === "Plan för internkontroll")!;
    await addActionNote(db(), staff, id, { actionId: target.id, body: "Första mötet", notedOn: "2018-02-01" }, TODAY);
    await addActionNote(db(), cast.contact, id, { actionId: target.id, body: "Utkast klart" }, TODAY);
    const future = await addActionNote(db(), staff, id, { actionId: target.id, body: "x", notedOn: "2018-07-01" }, TODAY).catch(
      (e: unknown) => e,
    );
    expect((future as ValidationError).problems).toEqual([{ field: "notedOn", message: "note_in_future" }]);
    const notes = (await plan()).all.find((a) => a.id === target.id)!.notes;
    expect(notes.map((n) => [n.notedOn, n.body])).toEqual([
      [TODAY, "Utkast klart"],
      ["2018-02-01", "Första mötet"],
    ]);
  });

  it("lets the team and the administrator read but not write, and hides a private plan from everyone else", async () => {
    for (const reader of [cast.eva, cast.admin]) {
      const view = await plan(reader);
      expect(view.can).toEqual({ edit: false, publish: false });
      await expect(addAction(db(), reader, id, { title: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    }
    for (const outsider of [cast.otherContact, cast.outsider, null]) {
      await expect(plan(outsider)).rejects.toBeInstanceOf(NotFoundError);
      await expect(addAction(db(), outsider, id, { title: "x" })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await publishedActionPlan(db(), id, TODAY)).toBeNull();
    await expect(setActionPlanPublished(db(), staff, id, { published: true, version: 0 })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("audits every change under the evaluation", async () => {
    const actions = (await auditEntries(db(), id)).map((e) => e.action).filter((a) => a.startsWith("action"));
    expect(actions).toEqual(["action_added", "action_added", "action_added", "action_status", "action_note", "action_note"]);
  });

  it("when published, shows the plan to everyone, in the API and in the search", async () => {
    const search = async () => (await searchPassages(db(), { text: "internkontroll" })).hits.filter((h) => h.kind === "action");
    const api = async (query = "") =>
      (await (await handleApiRequest(db(), new Request(`http://localhost/api/v1/action-plans${query}`))).json()) as { title: string }[];
    expect(await search()).toEqual([]);
    expect(await api()).toEqual([]);

    const { version } = await setActionPlanPublished(db(), cast.contact, id, { published: true, version: 0 });
    const stale = await setActionPlanPublished(db(), cast.contact, id, { published: false, version: 0 }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);

    const visible = await publishedActionPlan(db(), id, TODAY);
    expect(visible?.all).toHaveLength(3);
    expect((await getActionPlan(db(), cast.otherContact, id, TODAY)).can).toEqual({ edit: false, publish: false });
    expect((await search()).map((h) => h.anchor)).toEqual([expect.stringMatching(/^atgard-\d+$/)]);
    expect((await api("?municipality=9901")).map((a) => a.title).sort()).toEqual([
      "Egen åtgärd: medborgarpanel",
      "Plan för internkontroll",
      "Publicera handlingarna",
    ]);
    expect((await api("?status=planned")).map((a) => a.title)).toEqual(["Plan för internkontroll"]);
    // People's download of the same table: status in words.
    const download = await downloadTable(db(), new URL("http://localhost/ladda-ned/action-plans.csv?municipality=9901"), "sv");
    expect("response" in download && (await download.response.text())).toContain("Planerad");

    // A change to a published plan reaches the search at once.
    const target = visible!.all.find((a) => a.title === "Plan för internkontroll")!;
    await updateAction(db(), staff, id, { actionId: target.id, version: target.version, title: "Plan för riskanalys" });
    expect(await search()).toEqual([]);

    await setActionPlanPublished(db(), cast.contact, id, { published: false, version });
    expect(await publishedActionPlan(db(), id, TODAY)).toBeNull();
    expect(await api()).toEqual([]);
    await expect(plan(null)).rejects.toBeInstanceOf(NotFoundError);
    const audited = (await auditEntries(db(), id)).map((e) => e.action);
    expect(audited).toContain("action_plan_published");
    expect(audited).toContain("action_plan_unpublished");
  });

  it("removes an action with its notes", async () => {
    const target = (await plan()).own[0]!;
    await deleteAction(db(), staff, id, { actionId: target.id, version: target.version });
    expect((await plan()).own).toEqual([]);
    await expect(deleteAction(db(), staff, id, { actionId: target.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("exports the plan to Excel and Word", async () => {
    const xlsx = await actionPlanFile(db(), cast.contact, id, "xlsx", { language: "sv", today: TODAY });
    expect(xlsx.fileName).toBe("handlingsplan-fiktiva-testkoping-2017.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.render()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toContain("Åtgärd");
    const titles = sheet.getColumn(3).values.slice(2);
    expect(titles).toEqual(["Publicera handlingarna", "Plan för riskanalys"]);
    expect(sheet.getColumn(8).values).toContain("Klar");

    const docx = await actionPlanFile(db(), cast.eva, id, "docx", { language: "en", today: TODAY });
    const document = await (await JSZip.loadAsync(await docx.render())).file("word/document.xml")!.async("string");
    expect(document).toContain(`Action plan of ${TESTKOPING.name}`);
    expect(document).toContain("Plan för riskanalys");
    expect(document).toContain("Done");
    await expect(actionPlanFile(db(), cast.contact, id, "odt", { language: "sv", today: TODAY })).rejects.toBeInstanceOf(NotFoundError);
  });

  it.skipIf(!CHROMIUM)("prints the plan as a PDF with its title", async () => {
    const pdf = await actionPlanFile(db(), cast.contact, id, "pdf", { language: "sv", today: TODAY });
    const body = await pdf.render();
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.fileName).toBe("handlingsplan-fiktiva-testkoping-2017.pdf");
    expect((await loadPdf(body)).getTitle()).toBe(`Handlingsplan för ${TESTKOPING.name}`);
  });
});
