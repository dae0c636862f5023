import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations, waitForHydration } from "./helpers.ts";
import { cellsOutOfView, expectReadableChartText } from "./viewport.ts";

// The public pages on a phone (375 px, and 320 px, the narrowest in use): no sideways scrolling
// of the page, every table's identifying column (the row's name) and key column (the total, or
// the value) inside the screen, the scroll cue where a table overflows, readable chart text, and
// axe at zero. A full-page screenshot of each lands in test-results/phone/ for a person to look at.

/** A public page type: its address, or how a visitor finds it (the report's id comes from the municipality page). */
interface PhonePage {
  name: string;
  path: string | ((page: Page) => Promise<string>);
  /** A long page: axe takes its time. */
  slow?: boolean;
}

/** Every public page type; add new ones here (a name for the screenshot file and the address). */
const PHONE_PAGES: PhonePage[] = [
  { name: "start", path: "/" },
  { name: "resultat", path: "/resultat" },
  { name: "rankning", path: "/rankning" },
  { name: "rankning-2020", path: "/rankning?instrument=2020" },
  { name: "rankning-2010-alla", path: "/rankning?instrument=2010&all=true" },
  { name: "kommuner", path: "/kommuner" },
  { name: "kommun", path: "/kommun/1880-orebro" },
  { name: "utvardering", path: "/kommun/1880-orebro/2012" },
  { name: "jamfor", path: "/jamfor?k1=1880&k2=1080&k3=0486" },
  { name: "sok", path: "/sok?q=medborgardialog" },
  { name: "rapport", path: reportOfOrebro2012, slow: true },
  { name: "utveckling", path: "/utveckling?kommun=1880&kommun=1080&kommun=0115" },
  { name: "om", path: "/om" },
  { name: "oppna-data", path: "/oppna-data" },
];

/** The public report of Örebro 2012, as its municipality page links to it. */
async function reportOfOrebro2012(page: Page): Promise<string> {
  await page.goto("/kommun/1880-orebro");
  const href = await page.getByRole("link", { name: "Analysrapporten 2012" }).getAttribute("href");
  expect(href).toMatch(/^\/rapport\/\d+$/);
  return href!;
}

for (const width of [375, 320]) {
  test.describe(`on a ${width} px phone`, () => {
    test.use({ viewport: { width, height: 800 } });

    for (const { name, path, slow } of PHONE_PAGES) {
      test(`${name}: no sideways page scroll, names and key figures in view, axe at zero`, async ({ page }) => {
        test.slow(slow === true);
        const address = typeof path === "string" ? path : await path(page);
        const response = await page.goto(address);
        expect(response?.status()).toBe(200);
        await waitForHydration(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
        expect(await cellsOutOfView(page)).toEqual([]);
        await expectReadableChartText(page);
        await page.screenshot({ path: `test-results/phone/${name}-${width}.png`, fullPage: true });
        await expectNoAxeViolations(page);
      });
    }
  });
}

const hintOf = (page: Page, table: Locator) => page.locator(".table-frame").filter({ has: table }).locator(".scroll-hint");

async function swipeToEnd(page: Page, table: Locator): Promise<void> {
  await waitForHydration(page);
  await page
    .locator(".table-scroll")
    .filter({ has: table })
    .evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
}

test.describe("tables on a phone", () => {
  test.use({ viewport: { width: 320, height: 800 } });

  test("the ranking keeps place, name, year and total in view; the change is a swipe away", async ({ page }) => {
    await page.goto("/rankning?instrument=2010&all=true");
    const table = page.getByRole("table", { name: /^Rankning efter totalpoäng/ });
    // Short headers on screen, the full ones for screen readers.
    await expect(table.getByRole("columnheader", { name: "Totalpoäng" })).toBeVisible();
    await expect(table.locator("thead .header-short")).toHaveText(["Plac.", "Poäng", "Förändr."]);
    await expect(hintOf(page, table)).toHaveText("Svep i sidled för fler kolumner");
    await expect(hintOf(page, table)).toBeVisible();
    // Swiped to the end: the change is in view, and so is the name.
    await swipeToEnd(page, table);
    const edge = (await page.locator(".table-scroll").filter({ has: table }).boundingBox())!;
    for (const cell of [table.getByRole("rowheader").first(), table.locator("tbody tr").first().locator("td").last()]) {
      const box = (await cell.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(edge.x - 0.5);
      expect(box.x + box.width).toBeLessThanOrEqual(edge.x + edge.width + 0.5);
    }
  });

  test("the comparison's area column stays pinned while the municipalities scroll under it", async ({ page }) => {
    await page.goto("/jamfor?k1=1880&k2=1080&k3=0486");
    const table = page.getByRole("table", { name: /^Jämförelse av/ });
    await expect(hintOf(page, table)).toHaveText("Svep i sidled för fler kolumner");
    await expect(hintOf(page, table)).toBeVisible();
    await swipeToEnd(page, table);
    const edge = (await page.locator(".table-scroll").filter({ has: table }).boundingBox())!;
    const area = (await table.getByRole("rowheader").first().boundingBox())!;
    expect(area.x).toBeCloseTo(edge.x, 0);
    const last = (await table.getByRole("columnheader", { name: "Strängnäs 2014" }).boundingBox())!;
    expect(last.x).toBeGreaterThanOrEqual(area.x + area.width - 0.5);
    expect(last.x + last.width).toBeLessThanOrEqual(edge.x + edge.width + 0.5);
  });

  test("hidden columns come back with one checkbox, without JavaScript too", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto("/resultat");
    const table = page.getByRole("table", { name: "Publicerade resultat, senaste först" });
    await expect(table.getByRole("columnheader", { name: "Version" })).toBeHidden();
    await page.getByRole("checkbox", { name: "Visa alla kolumner" }).check();
    await expect(table.getByRole("columnheader", { name: "Version" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Detaljnivå" })).toBeVisible();
    await context.close();
  });

  test("focus moving back through the comparison's headers is not hidden under the area column", async ({ page }) => {
    await page.goto("/jamfor?k1=1880&k2=1080&k3=0486");
    await waitForHydration(page);
    const table = page.getByRole("table", { name: /^Jämförelse av/ });
    const links = table.locator("thead a");
    await expect(links).toHaveCount(3);
    await links.last().focus();
    for (const index of [1, 0]) {
      await page.keyboard.press("Shift+Tab");
      await expect(links.nth(index)).toBeFocused();
      const pinned = (await table.locator("thead th").first().boundingBox())!;
      const focused = (await links.nth(index).boundingBox())!;
      expect(focused.x, "the focused link starts right of the pinned column").toBeGreaterThanOrEqual(pinned.x + pinned.width - 1);
    }
  });
});

test.describe("filters behind one control on a phone", () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test("closed, with the count of filters set; opened, the form works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto("/rankning");
    const county = page.getByLabel("Län");
    await expect(county).toBeHidden();
    await page.locator("summary", { hasText: /^Filter$/ }).click();
    await county.selectOption({ label: "Örebro län" });
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page).toHaveURL(/county=18/);
    // The form sends its other fields too: the count is of those that narrow the ranking.
    await expect(page.getByText("Filter (1 valt)")).toBeVisible();
    await expect(county).toBeHidden();
    await context.close();
  });

  for (const [path, summary] of [
    ["/resultat?instrument=2016", "Filter (1 valt)"],
    ["/rankning?instrument=2010&all=true&yearFrom=2012", "Filter (3 valda)"],
    ["/sok?q=medborgardialog&area=1&county=18", "Filter (2 valda)"],
  ] as const) {
    test(`${path} says "${summary}"`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator(".filter-disclosure > summary")).toHaveText(summary);
    });
  }

  test("a filter to correct opens the disclosure", async ({ page }) => {
    await page.goto("/rankning?yearFrom=tjugo");
    await expect(page.getByLabel("Från år")).toBeVisible();
  });

  test("on a wide screen the filters show, without the control", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const [path, field] of [
      ["/rankning", "Län"],
      ["/resultat", "Version av instrumentet"],
      ["/sok?q=medborgardialog", "Område"],
    ] as const) {
      await page.goto(path);
      await expect(page.locator(".filter-disclosure > summary")).toBeHidden();
      await expect(page.getByLabel(field, { exact: true })).toBeVisible();
    }
  });
});
