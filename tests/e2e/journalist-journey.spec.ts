import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, waitForHydration } from "./helpers.ts";
import { cellsOutOfView, expectReadableChartText } from "./viewport.ts";

// Issue 12's journey, as a journalist or a municipality's quality officer takes it on a desk and
// on a phone, with JavaScript and without: the start page → the municipality search ("orebro") →
// Örebro → the trend view with Karlskrona and Vallentuna added → the ranking for the 2020
// version → its Excel file, opened → "Om Kommunkompassen". On every page: axe at zero, no
// sideways scrolling (axe where JavaScript runs), every table's name and key column and every chart label inside the screen.
// The figures are the demo's real ones (Örebro from the seeds, the others published, with sources).

/**
 * What every page of the journey must give a reader at this width. axe runs its script in the
 * page, which a page without JavaScript does not run: the runs with JavaScript check the same
 * server-rendered pages.
 */
async function expectReadable(page: Page, axe: boolean) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
  expect(await cellsOutOfView(page), page.url()).toEqual([]);
  await expectReadableChartText(page);
  if (axe) await expectNoAxeViolations(page);
}

/** A section of the site from the main navigation (on a phone it is folded into the menu). */
async function openSection(page: Page, name: string, width: number) {
  const navigation = page.getByRole("navigation", { name: "Huvudmeny" });
  if (width < 600) await navigation.locator("summary").click();
  await navigation.getByRole("link", { name, exact: true }).click();
}

for (const javaScript of [true, false]) {
  for (const width of [1280, 375]) {
    test.describe(`${javaScript ? "with" : "without"} JavaScript at ${width} px`, () => {
      test.use({ viewport: { width, height: 900 }, javaScriptEnabled: javaScript });

      test("start page → orebro → Örebro → trend with Karlskrona and Vallentuna → 2020 ranking → Excel → about", async ({ page }) => {
        test.slow();
        // The page in place before the next step: hydrated with JavaScript, fully loaded without.
        const settle = async () => {
          if (javaScript) await waitForHydration(page);
          else await page.waitForLoadState("load");
        };

        await page.goto("/");
        await settle();
        await expectReadable(page, javaScript);

        // The municipality search without diacritics.
        await page.getByLabel("Sök kommun").fill("orebro");
        await page.getByLabel("Sök kommun").press("Enter");
        await expect(page).toHaveURL(/\/kommuner\?q=orebro/);
        await settle();
        await expect(page.getByRole("table", { name: "Kommuner med län och kommungrupp" }).locator("tbody th")).toHaveText(["Örebro"]);
        await expectReadable(page, javaScript);
        await page.getByRole("link", { name: "Örebro", exact: true }).click();
        await expect(page).toHaveURL("/kommun/1880-orebro");
        await settle();
        await expectReadable(page, javaScript);

        // The trend view, two municipalities added.
        await page.getByRole("link", { name: "Jämför utvecklingen för Örebro med andra kommuner" }).click();
        await expect(page).toHaveURL("/utveckling?kommun=1880");
        await settle();
        for (const [name, code] of [
          ["Karlskrona", "1080"],
          ["Vallentuna", "0115"],
        ]) {
          await page.getByLabel("Lägg till kommun").selectOption({ label: name });
          await page.getByRole("button", { name: "Visa" }).click();
          // With JavaScript the page changes in place: wait for it before choosing the next one.
          await expect(page).toHaveURL(new RegExp(`kommun=${code}`));
          await expect(page.getByRole("link", { name: `Ta bort ${name}` })).toBeVisible();
        }
        await expect(page).toHaveURL("/utveckling?kommun=1880&kommun=1080&kommun=0115&matt=total");
        await expect(page.locator("figcaption")).toHaveText("Totalpoäng över tid: Örebro, Karlskrona och Vallentuna");
        await expectReadable(page, javaScript);

        // The ranking of the 2020 version: Höganäs's 679 (2023) is the record.
        await openSection(page, "Rankning", width);
        await expect(page).toHaveURL("/rankning");
        await settle();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rankning");
        if (width < 600) await page.locator("summary", { hasText: /^Filter/ }).click();
        await page.getByLabel("Version av instrumentet").selectOption("2020");
        // A click during the page's load can go unanswered on a busy machine without JavaScript: try again.
        await expect(async () => {
          await page.getByRole("button", { name: "Visa" }).click();
          await expect(page).toHaveURL(/instrument=2020/, { timeout: 3000 });
        }).toPass({ timeout: 20_000 });
        await settle();
        const ranking = page.getByRole("table", { name: /^Rankning efter totalpoäng/ });
        await expect(ranking.locator("tbody th").first()).toHaveText("Höganäs");
        await expectReadable(page, javaScript);

        // Its Excel file, as the visitor gets it.
        const downloading = page.waitForEvent("download");
        await page.getByRole("link", { name: "Ladda ned rankningen som Excel" }).click();
        const download = await downloading;
        expect(download.suggestedFilename()).toBe("kommunkompassen-rankning-2020.xlsx");
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile((await download.path())!);
        const sheet = workbook.worksheets[0]!;
        expect(String(sheet.getRow(1).getCell(1).value)).toMatch(/^Kommunkompassen – rankning, 2020 års version/);
        const headers = (sheet.getRow(3).values as unknown[]).slice(1);
        expect(headers).toEqual(expect.arrayContaining(["Placering", "Kommun", "År", "Totalpoäng"]));
        const column = (header: string) => headers.indexOf(header) + 1;
        const first = sheet.getRow(4);
        expect(first.getCell(column("Kommun")).value).toBe("Höganäs");
        expect(first.getCell(column("Placering")).value).toBe(1);
        expect(first.getCell(column("År")).value).toBe(2023);
        expect(first.getCell(column("Totalpoäng")).value).toBe(679);

        // What Kommunkompassen is.
        await openSection(page, "Om", width);
        await expect(page).toHaveURL("/om");
        await settle();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Om Kommunkompassen");
        await expectReadable(page, javaScript);
      });
    });
  }
}
