import { expect, test, type Locator, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectNoAxeViolations, waitForHydration } from "./helpers.ts";

// The public portal's page types, at a desktop and at the narrowest phone width, and the
// visitor's journey of the issue: start page → municipality → comparison with two others →
// search for a strength in citizen dialogue → that table as CSV, by keyboard alone and with
// JavaScript turned off. The demo has Örebro's results and published 2012 evaluation, and real
// published results of nine other municipalities with their sources (reference/demo/published-results.json).
const pages = [
  { path: "/kommun/1880-orebro", heading: "Örebro" },
  { path: "/kommun/1880-orebro/2012", heading: "Örebro 2012" },
  { path: "/kommun/1080-karlskrona/2014", heading: "Karlskrona 2014" },
  { path: "/jamfor?k1=1880&k2=1080&k3=0486", heading: "Jämför kommuner" },
  { path: "/jamfor", heading: "Jämför kommuner" },
  { path: "/sok?q=medborgardialog", heading: "Sök goda exempel" },
  { path: "/sok?q=finnsintealls", heading: "Sök goda exempel" },
  { path: "/rapport/1", heading: "Rapport: Örebro kommun 2012" },
];

for (const width of [1280, 320]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });
    for (const { path, heading } of pages) {
      test(`${path} has no axe violations and no sideways scrolling of the page`, async ({ page }) => {
        const response = await page.goto(path);
        expect(response?.status()).toBe(200);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
        await waitForHydration(page);
        await expectNoAxeViolations(page);
        // Wide tables scroll inside their own box; the page itself stays within the screen.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(1);
      });
    }
  });
}

test("old municipality addresses and wrong names lead to the proper address", async ({ page }) => {
  await page.goto("/kommuner/1880");
  await expect(page).toHaveURL("/kommun/1880-orebro");
  await page.goto("/kommun/1880-fel-namn/2012");
  await expect(page).toHaveURL("/kommun/1880-orebro/2012");
  expect((await page.goto("/kommun/1880-orebro/2013"))?.status()).toBe(404);
  expect((await page.goto("/kommun/9990-ovningskoping/2026"))?.status()).toBe(404);
});

test("a search hit links to the paragraph it came from", async ({ page }) => {
  await page.goto("/sok?q=medborgardialog");
  await page.getByRole("link", { name: "Örebro 2012" }).first().click();
  await expect(page).toHaveURL(/\/kommun\/1880-orebro\/2012#omrade-1-/);
  const anchor = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`[id="${anchor}"]`)).toContainText(/medborgardialog/i);
});

/** Presses Tab until the element has focus (as a keyboard user would), then returns it. */
async function tabTo(page: Page, target: Locator, limit = 700): Promise<Locator> {
  const handle = await target.elementHandle();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((el) => document.activeElement === el, handle)) return target;
  }
  throw new Error(`Tab never reached ${target}`);
}

test.describe("the visitor's journey, by keyboard alone and without JavaScript", () => {
  test.use({ javaScriptEnabled: false, acceptDownloads: true });

  test("start page → municipality → compare with two others → search → CSV", async ({ page }) => {
    // Some hundred key presses on a machine that may be busy: more than the default 30 s.
    test.setTimeout(90_000);
    await page.goto("/");
    // The latest evaluations on the start page lead straight to their municipalities.
    await tabTo(page, page.getByRole("link", { name: "Örebro", exact: true }).first());
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/kommun/1880-orebro");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Örebro");

    await tabTo(page, page.getByRole("link", { name: "Jämför Örebro med andra kommuner" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/jamfor?k1=1880");
    await tabTo(page, page.getByLabel("Kommun 2", { exact: true }));
    await page.keyboard.type("Karlskrona");
    await tabTo(page, page.getByLabel("Kommun 3", { exact: true }));
    await page.keyboard.type("Strängnäs");
    await tabTo(page, page.getByRole("button", { name: "Jämför" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/k2=1080/);
    const table = page.getByRole("table", { name: /^Jämförelse av Örebro 2012, Karlskrona 2014, Strängnäs 2014$/ });
    await expect(table.locator("tfoot")).toContainText("615");
    await expect(table.locator("tfoot")).toContainText("509");
    await expect(table.locator("tfoot")).toContainText("437");

    await tabTo(page, page.getByRole("link", { name: "Kommunkompassen", exact: true }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/");
    await tabTo(page, page.getByLabel("Sök goda exempel"));
    await page.keyboard.type("medborgardialog");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/sok\?q=medborgardialog/);
    const hit = page.locator(".search-hits li").filter({ hasText: "Styrka" }).first();
    await expect(hit).toContainText("Örebro 2012");
    await expect(hit.locator("mark")).toHaveText(/medborgardialog/i);

    const csvLink = page.getByRole("link", { name: /träfflistan som CSV/ });
    await tabTo(page, csvLink);
    const downloading = page.waitForEvent("download");
    await page.keyboard.press("Enter");
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("kommunkompassen-sökträffar-medborgardialog.csv");
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toBe("\uFEFFKommunkod,Kommun,År,Version,Område,Slag,Text,Länk,Relevans");
    expect(csv).toMatch(/1880,Örebro,2012,2010,.*Styrka,Riktlinjer för medborgardialog/);
  });
});
