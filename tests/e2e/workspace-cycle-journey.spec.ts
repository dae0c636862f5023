import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { answerItem, colleagueSignsUp, itemButton, moveTo, planInPreparation, scoreAll, writeText } from "./steps.ts";
import { expectNoAxeViolationsAtBothWidths, signedInAs } from "./helpers.ts";

// The municipality's own cycle (issue 13, "Done when"), with JavaScript off and then on: the
// administrator plans a new evaluation of a municipality with a published one; the contact
// invites a colleague, both answer and the contact hands in; an evaluator reads the answers and
// own scores beside the scoring, scores and marks two earlier improvement opportunities; the
// evaluation is agreed and published, and the public page and all four report formats hold
// "Sedan förra utvärderingen"; the contact turns the new improvement opportunities into an
// action plan and publishes it (public page, API, search); the gap view shows own scores beside
// the agreed points.
//
// The points are the test's own, so the municipality is the fictional Testköping
// (tests/support/e2eFixture.ts: published 2017 with improvement opportunities in areas 1 and 3).
// The file sorts after the specs that count published results, as the issue-3 journey does.

const SECTION = "Sedan förra utvärderingen";
const TESTKOPING = "/kommun/9901-fiktiva-testkoping";

/** Text of a PDF as a reader's tool gets it (poppler's pdftotext), white space collapsed. */
function pdfText(bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "kompass-journey-")), "report.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8").replace(/\s+/g, " ");
}

async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
}

async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => {
    cells.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
  });
  return cells.join(" ");
}

for (const javaScript of [false, true]) {
  test(`the municipality's cycle from questionnaire to published action plan ${javaScript ? "with" : "without"} JavaScript`, async ({
    browser,
    request,
  }) => {
    test.setTimeout(600_000);
    // Two runs, two years: the run with JavaScript follows up the one without.
    const year = javaScript ? 2023 : 2021;
    const marker = `cykel${year}`;

    // 1. The administrator plans the next evaluation of Testköping; the questionnaire is sent.
    const { admin, id } = await planInPreparation(browser, {
      municipality: "Fiktiva Testköping",
      typed: "testkoping",
      contactLabel: "Tea Testsson (Fiktiva Testköping)",
      year,
    });
    const base = `/arbetsyta/${id}`;
    const outsider = await signedInAs(browser, "kontakt.orebro@kompass.example", false);
    expect((await outsider.goto(`${base}/sjalvvardering`))!.status()).toBe(404);

    // 2. The contact invites a colleague and gives them area 2's item; both answer; the contact hands in.
    const contact = await signedInAs(browser, "kontakt.testkoping@kompass.example", javaScript);
    const name = `Kollega Testköping ${year}`;
    const email = `kollega.testkoping.${year}@kompass.example`;
    await contact.goto(`${base}/sjalvvardering/kollegor`);
    await contact.getByLabel("Namn").fill(name);
    await contact.getByLabel("E-postadress").fill(email);
    await contact.getByRole("button", { name: "Bjud in" }).click();
    await expect(contact.locator(".questionnaire-colleagues")).toContainText(email);
    await contact.goto(`${base}/sjalvvardering`);
    await contact.getByLabel("Vem svarar på fråga 2").selectOption({ label: name });
    await itemButton(contact, "Ge frågan", "2").click();
    await expect(contact.locator("#fraga-2-assignee")).toHaveValue(/.+/);
    await contact.goto(`${base}/sjalvvardering`);
    await answerItem(contact, "1", `Handlingarna publiceras nu på webben (${marker}).`, "55,5", javaScript);
    await answerItem(contact, "3", "Nämndernas mål följs upp varje tertial.", "62", javaScript);
    const colleague = await colleagueSignsUp(admin, browser, name, email, javaScript);
    await colleague.goto(`${base}/sjalvvardering`);
    await answerItem(colleague, "2", "Servicegarantier finns för alla förvaltningar.", "70", javaScript);
    await contact.goto(`${base}/sjalvvardering`);
    await expect(contact.locator("main")).toContainText("Totalt: 3 av 8 besvarade");
    await contact.getByLabel("Jag vill lämna in självvärderingen nu").check();
    await contact.getByRole("button", { name: "Lämna in", exact: true }).click();
    await expect(contact.locator("main")).toContainText("Självvärderingen är inlämnad");

    // 3. The team visits, then scores alone with the municipality's answers and own scores beside each item.
    const eva = await signedInAs(browser, "eva@kompass.example", javaScript);
    const per = await signedInAs(browser, "per@kompass.example", false);
    await moveTo(eva, id, "Besök");
    await eva.goto(`${base}/underlag`);
    await eva.locator("#interview-add-title").fill("Kommunstyrelsens arbetsutskott");
    await eva.getByRole("button", { name: "Lägg till intervjun" }).click();
    await expect(eva.locator("main")).toContainText("Kommunstyrelsens arbetsutskott");
    await moveTo(eva, id, "Poängsättning");
    await eva.goto(`${base}/poang`);
    const beside = eva.locator("details", { hasText: "Kommunens svar · Egen bedömning 55,5 av 100" }).first();
    await beside.locator("summary").click();
    await expect(beside).toContainText(`Handlingarna publiceras nu på webben (${marker}).`);
    await expectNoAxeViolationsAtBothWidths(eva);
    await scoreAll(eva, id, ["60", "70", "55", "48", "66", "58", "61", "57"]);
    await scoreAll(per, id, ["58", "71", "68", "47", "52", "60", "61", "49,5"]);

    // 4. They mark two earlier improvement opportunities, agree, write and hand over for review.
    await eva.goto(`${base}/uppfoljning`);
    const opportunities = eva.locator("article.followup-opportunity");
    for (const [index, verdict, comment] of [
      [0, "Åtgärdad", `Handlingarna ligger nu på webben (${marker}).`],
      [1, "Delvis", "Ett system finns men används sällan."],
    ] as const) {
      const opportunity = opportunities.nth(index);
      await opportunity.getByLabel(verdict).check();
      await opportunity.getByLabel("Kommentar").fill(comment);
      if (javaScript) await expect(opportunity.getByRole("status")).toHaveText("Sparat", { timeout: 10_000 });
      else await opportunity.getByRole("button", { name: /^Spara/ }).click();
    }
    await eva.goto(`${base}/uppfoljning`);
    await expect(opportunities.nth(0).getByLabel("Åtgärdad")).toBeChecked();
    await expect(opportunities.nth(1).getByLabel("Delvis")).toBeChecked();
    await expectNoAxeViolationsAtBothWidths(eva);

    await moveTo(eva, id, "Samsyn");
    await eva.goto(`${base}/samsyn`);
    for (const [item, value] of Object.entries({
      "1": "59",
      "2": "70,5",
      "3": "62",
      "4": "47,5",
      "5": "60",
      "6": "59",
      "7": "61",
      "8": "53",
    })) {
      await eva.locator(`#points-${item}`).fill(value);
      await eva.locator(`#reason-${item}`).fill("Vi möttes efter samtal.");
      await eva
        .locator("form")
        .filter({ has: eva.locator(`#points-${item}`) })
        .locator('button[type="submit"]')
        .first()
        .click();
      await expect(eva.locator(`#points-${item}`)).toHaveValue(value);
    }
    await eva.goto(`${base}/texter`);
    await writeText(eva, "field-summary-evaluation", `Utvärderingen av Fiktiva Testköping ${year} gjordes av två utvärderare.`);
    await writeText(eva, "field-area-1-improvements", `Medborgarpanel i varje kommundel ${marker}\nEtt system för synpunkter`);
    await writeText(eva, "field-area-3-improvements", "Uppföljning av internkontrollen");
    await moveTo(eva, id, "Granskning");

    // 5. The administrator publishes; the public page and the four report formats say what became of the earlier opportunities.
    await moveTo(admin, id, "Publicerad");
    const visitor = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
    await visitor.goto(`${TESTKOPING}/${year}`);
    await expect(visitor.getByRole("heading", { name: SECTION })).toBeVisible();
    await expect(visitor.locator("main")).toContainText(`Handlingarna ligger nu på webben (${marker}).`);
    await visitor.goto(`/rapport/${id}`);
    await expect(visitor.locator("main")).toContainText(SECTION);
    const hrefs = await visitor
      .locator('a[href*=".pdf"], a[href*=".docx"], a[href*=".xlsx"]')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
    const files = [...new Set(hrefs)].filter((href) => href.startsWith(`/rapport/${id}/`));
    expect(files.map((href) => href.slice(href.lastIndexOf(".") + 1)).sort()).toEqual(["docx", "pdf", "xlsx"]);
    for (const href of files) {
      const body = await (await request.get(href)).body();
      const text = href.endsWith(".pdf") ? pdfText(body) : href.endsWith(".docx") ? await docxText(body) : await xlsxText(body);
      expect(text, href).toContain(SECTION);
      expect(text, href).toContain(`Handlingarna ligger nu på webben (${marker}).`);
    }

    // 6. The contact turns the new improvement opportunities into an action plan and publishes it.
    await contact.goto(`${base}/handlingsplan`);
    const add = contact.locator(".action-add").first();
    await add.locator("summary").click();
    // Without JavaScript the closed form is a link that loads the page with it open.
    if (!javaScript) await add.getByRole("link", { name: "Visa formuläret" }).click();
    await add.getByLabel("Åtgärd", { exact: true }).fill(`Starta medborgarpaneler ${marker}`);
    await add.getByLabel("Ansvarig", { exact: true }).fill("Kommundirektören");
    await add.getByLabel("Startdatum").fill(`${year}-09-01`);
    await add.getByLabel("Klart senast").fill(`${year + 1}-06-30`);
    await add.getByRole("button", { name: "Lägg till åtgärden" }).click();
    await expect(contact.getByRole("status")).toHaveText("Åtgärden är tillagd.");
    await contact.getByRole("button", { name: "Publicera planen" }).click();
    await expect(contact.getByRole("status")).toHaveText("Planen är publicerad.");
    await expectNoAxeViolationsAtBothWidths(contact);

    await visitor.goto(`${TESTKOPING}/${year}`);
    await expect(visitor.getByRole("heading", { name: "Kommunens handlingsplan" })).toBeVisible();
    await expect(visitor.locator("main")).toContainText(`Starta medborgarpaneler ${marker}`);
    await expectNoAxeViolationsAtBothWidths(visitor);
    const api = (await (await request.get("/api/v1/action-plans?municipality=9901")).json()) as unknown;
    expect(JSON.stringify(api)).toContain(`Starta medborgarpaneler ${marker}`);
    await visitor.goto(`/sok?q=${marker}`);
    await expect(visitor.locator("main")).toContainText(`Starta medborgarpaneler ${marker}`);

    // 7. The gap view: the municipality's own score beside the agreed points (area 1: 55,5 against 59).
    await contact.goto(`${base}/sjalvvardering/jamforelse`);
    const areas = contact.getByRole("table", { name: `Egen bedömning och överenskomna poäng per område, Fiktiva Testköping ${year}` });
    const area1 = areas.getByRole("row").filter({ hasText: "1. " }).first();
    await expect(area1).toContainText("55,5");
    await expect(area1).toContainText("59");
    await expectNoAxeViolationsAtBothWidths(contact);
    expect((await outsider.goto(`${base}/sjalvvardering/jamforelse`))!.status()).toBe(404);
  });
}
