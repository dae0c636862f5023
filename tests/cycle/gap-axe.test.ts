import { existsSync } from "node:fs";
import type { Server } from "node:http";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvaluation } from "../../src/services/evaluations/createEvaluation.server.ts";
import { CHROMIUM_ARGS } from "../../src/reports/chromiumArgs.ts";
import { formatViolations, WCAG_TAGS } from "../e2e/helpers.ts";
import { publishTestEvaluation } from "../support/cycle.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { TESTKOPING } from "../support/fictional.ts";
import { baseUrl } from "../support/http.ts";
import { addDocument, sendQuestionnaire, writeAnswer } from "../support/questionnaireRows.ts";
import { startTestServer } from "../support/server.ts";
import { createCast } from "../support/workspace.ts";

// Needs the built app (npm run build) and Chromium. The gap view and the answers beside the
// scoring in a browser, at 1280 and 375 px: axe (WCAG 2.1 A/AA) finds nothing and no page is
// wider than the screen. The data are the fictional Testköping's (the demo has no questionnaire
// on a published evaluation, and its municipalities are real).
const CHROMIUM = process.env.KOMPASS_CHROMIUM ?? "/usr/bin/chromium";
const TAG = "gapaxe";

describe.skipIf(!existsSync(CHROMIUM))("the gap view and the answers beside the scoring in a browser", () => {
  let database: TestDatabase;
  let server: Server;
  let browser: Browser;
  let published = 0;
  let withSubareas = 0;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    const cast = await createCast(database.db, TAG);
    published = await publishTestEvaluation(database.db, cast);
    await sendQuestionnaire(database.db, published, "handed_in");
    const document = await addDocument(database.db, published, "Demokratiplan med ett mycket långt namn som ska radbrytas på en telefon");
    await writeAnswer(database.db, published, "1", {
      answer: "Vi publicerar allt.\nOch mer därtill, med en lång rad text som ska radbrytas på en telefon.",
      ownScore: "62.5",
      links: "https://testkoping.example/en/mycket/lang/adress/som/inte/far/spranga/sidan/pa/en/telefon\nej en adress",
      evidenceIds: [document],
    });
    await writeAnswer(database.db, published, "2", { answer: "Delvis.", ownScore: "59.5" });
    for (const area of ["4", "5", "6", "7", "8"]) await writeAnswer(database.db, published, area, { ownScore: "60" });
    ({ id: withSubareas } = await createEvaluation(database.db, cast.admin, {
      municipalityCode: TESTKOPING.code,
      instrumentKey: "2010",
      year: 2033,
      visitStart: "2033-03-01",
      visitEnd: "2033-03-02",
      evaluatorIds: [cast.eva.id, cast.per.id],
      contactIds: [cast.contact.id],
    }));
    await sendQuestionnaire(database.db, withSubareas);
    await writeAnswer(database.db, withSubareas, "1.2", { answer: "Målen följs upp varje kvartal.", ownScore: "14" });
    server = await startTestServer({ database, port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
    await database.dispose();
  });

  const pages = () =>
    [
      ["kim", [`/arbetsyta/${published}/sjalvvardering/jamforelse`, `/arbetsyta/${published}/sjalvvardering/jamforelse?lang=en`]],
      ["eva", [`/arbetsyta/${published}/poang`, `/arbetsyta/${published}/samsyn`, `/arbetsyta/${withSubareas}/poang`]],
    ] as const;

  for (const width of [1280, 375]) {
    it(`has no axe violations and fits the screen at ${width} px`, async () => {
      const problems: string[] = [];
      for (const [who, paths] of pages()) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, baseURL: baseUrl(server), locale: "sv-SE" });
        const page = await context.newPage();
        await page.goto("/logga-in");
        await page.getByLabel("E-postadress").fill(`${who}.${TAG}@test.example`);
        await page.getByLabel("Lösenord").fill("ett-langt-losenord");
        await page.getByRole("button", { name: "Logga in" }).click();
        await page.waitForURL(/\/arbetsyta$/);
        for (const path of paths) {
          await page.goto(path);
          // Open the answers, so that axe reads them too.
          for (const details of await page.locator("details.municipality-answer").all())
            await details.evaluate((d) => d.setAttribute("open", ""));
          const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          if (results.violations.length > 0) problems.push(`${path} at ${width} px:\n${formatViolations(results.violations)}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 0) problems.push(`${path} at ${width} px is ${overflow} px wider than the screen`);
        }
        await context.close();
      }
      expect(problems.join("\n\n")).toBe("");
    }, 240_000);
  }
});
