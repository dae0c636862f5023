import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, waitForHydration } from "./helpers.ts";

// The trend view against the production build with the demo: Örebro (1880) 2010, 2012, 2015 with the
// 2010 version; Karlskrona (1080) 2011, 2014 with it; Vallentuna (0115) 2017, 2019 with the 2016 version
// and 2021 with the 2020 version (reference/demo/published-results.json, each with its source).

const TITLE = "Totalpoäng över tid: Örebro, Karlskrona och Vallentuna";
const figureRows = (page: Page) => page.getByRole("table", { name: `Värden och källor: ${TITLE}` }).locator("tbody tr");

/** The page fits the viewport: wide tables scroll inside their wrapper instead. */
async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The chart shown (one of its two drawings): every text at least 12 px as drawn, and inside the viewport. */
async function expectReadableChart(page: Page, viewBoxWidth: number) {
  const chart = await page.evaluate(() => {
    const svg = [...document.querySelectorAll<SVGSVGElement>("figure.chart-figure svg")].find((s) => s.getBoundingClientRect().width > 0)!;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll("text")].map((t) => {
      const box = t.getBoundingClientRect();
      return { text: t.textContent, size: Number.parseFloat(getComputedStyle(t).fontSize) * scale, left: box.left, right: box.right };
    });
    return { viewBox: svg.viewBox.baseVal.width, texts, width: window.innerWidth };
  });
  expect(chart.viewBox).toBe(viewBoxWidth);
  expect(chart.texts.length).toBeGreaterThan(10);
  for (const t of chart.texts) {
    expect(t.size, `"${t.text}" is drawn at ${t.size} px`).toBeGreaterThanOrEqual(12);
    expect(t.left, `"${t.text}" starts inside the viewport`).toBeGreaterThanOrEqual(0);
    expect(t.right, `"${t.text}" ends inside the viewport`).toBeLessThanOrEqual(chart.width);
  }
}

/** Adds a municipality with the form (the select, then "Visa"). */
async function add(page: Page, name: string) {
  await page.getByLabel("Lägg till kommun").selectOption({ label: name });
  await page.getByRole("button", { name: "Visa" }).click();
}

for (const width of [1280, 375]) {
  test.describe(`at ${width} px with JavaScript`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("Örebro from its page, then Karlskrona and Vallentuna: chart, notes, figures, no axe violations", async ({ page }) => {
      await page.goto("/kommun/1880-orebro");
      await page.getByRole("link", { name: "Jämför utvecklingen för Örebro med andra kommuner" }).click();
      await expect(page).toHaveURL("/utveckling?kommun=1880");
      await waitForHydration(page);
      await expect(page.locator("figcaption")).toHaveText("Totalpoäng över tid: Örebro");
      await add(page, "Karlskrona");
      await expect(page).toHaveURL("/utveckling?kommun=1880&kommun=1080&matt=total");
      await add(page, "Vallentuna");
      await expect(page).toHaveURL("/utveckling?kommun=1880&kommun=1080&kommun=0115&matt=total");
      await expect(page.locator(".trend-chosen li > span")).toHaveText(["Örebro", "Karlskrona", "Vallentuna"]);
      await expect(page.locator("figcaption")).toHaveText(TITLE);
      await expect(page.getByRole("status")).toHaveText("8 värden visas.");
      await expect(figureRows(page).locator("th")).toHaveText([
        ...Array(3).fill("Örebro"),
        ...Array(2).fill("Karlskrona"),
        ...Array(3).fill("Vallentuna"),
      ]);
      await expect(figureRows(page).nth(1).locator("td")).toContainText(["2012", "30 december 2012", "2010", "615"]);
      // The 2016 version's five real results and the e2e fixture's Fiktiva Testköping 2017 (480).
      await expect(page.getByText("Medelvärdet för 2016 års version är 525,0 poäng, av alla 6 utvärderingar")).toBeVisible();
      await expectReadableChart(page, width > 600 ? 720 : 320);
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: "Ta bort Karlskrona" }).click();
      await expect(page).toHaveURL("/utveckling?kommun=1880&kommun=0115");
      await expect(page.locator(".trend-chosen li > span")).toHaveText(["Örebro", "Vallentuna"]);
    });

    test("one area within one version, and a bad address answered on the page", async ({ page }) => {
      await page.goto("/utveckling?kommun=1880&kommun=1080&kommun=0115");
      await waitForHydration(page);
      await page.getByLabel("Mått").selectOption("2010:1");
      await page.getByRole("button", { name: "Visa" }).click();
      await expect(page).toHaveURL("/utveckling?kommun=1880&kommun=1080&kommun=0115&kommun=&matt=2010%3A1");
      await expect(page.locator("figcaption")).toHaveText(
        "Område 1, Offentlighet och demokrati (2010 års version): Örebro, Karlskrona och Vallentuna",
      );
      await expect(page.getByText("Vallentuna har inga poäng för det här måttet.")).toBeVisible();
      await expectReadableChart(page, width > 600 ? 720 : 320);
      await expectNoAxeViolations(page);

      const response = await page.goto("/utveckling?kommun=1880&kommun=12");
      expect(response?.status()).toBe(400);
      await waitForHydration(page);
      await expect(page.getByRole("link", { name: "”12” är ingen kommunkod. Välj kommunen i listan." })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
    });
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const width of [1280, 375]) {
    test(`the form adds and removes municipalities with plain GET requests at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/utveckling?kommun=1880");
      await add(page, "Karlskrona");
      await expect(page).toHaveURL("/utveckling?kommun=1880&kommun=1080&matt=total");
      await add(page, "Vallentuna");
      await expect(page).toHaveURL("/utveckling?kommun=1880&kommun=1080&kommun=0115&matt=total");
      await expect(page.locator("figcaption")).toHaveText(TITLE);
      await expect(figureRows(page)).toHaveCount(8);
      await expectReadableChart(page, width > 600 ? 720 : 320);
      await expectNoHorizontalScroll(page);
      await page.getByRole("link", { name: "Ta bort Örebro" }).click();
      await expect(page).toHaveURL("/utveckling?kommun=1080&kommun=0115");
      const hydrated = await page.evaluate(() =>
        Object.keys(document.querySelector("main")!).some((key) => key.startsWith("__reactFiber")),
      );
      expect(hydrated).toBe(false);
    });
  }
});
