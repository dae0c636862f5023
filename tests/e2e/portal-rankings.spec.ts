import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_RESULTS_LATEST_FIRST, expectNoAxeViolations, waitForHydration } from "./helpers.ts";

// The rankings page and the start page against the production build with the demo results:
// Örebro (1880, county 18, group 3) 2010 (515), 2012 (615), 2015 (650), and the real published
// results of reference/demo/published-results.json, among them with the 2010 version Nacka 2011
// (644), Tyresö 2010 (452) and 2015 (536), Karlskrona (group 3) 2011 (415) and 2014 (509),
// Karlskoga (county 18) 2014 (450), Strängnäs 2014 (437) and Ängelholm 2013 (426); the newest
// version with results is 2020 (Vallentuna 2021, Höganäs 2020 and 2023).

const VERSION = "Kommunkompassen, 2010 års version";

/** The page fits the viewport: wide tables scroll inside their wrapper instead. */
async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const rankingRows = (page: Page) => page.getByRole("table", { name: `Rankning efter totalpoäng, ${VERSION}` }).locator("tbody tr");

test.describe("accessibility of the portal pages (axe) at 1280 and 320 px", () => {
  for (const width of [1280, 320]) {
    for (const path of ["/rankning", "/rankning?all=true", "/rankning?yearFrom=abc", "/"]) {
      test(`${path} at ${width} px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        const response = await page.goto(path);
        expect(response?.status()).toBe(path.includes("abc") ? 400 : 200);
        await waitForHydration(page);
        await expectNoAxeViolations(page);
        await expectNoHorizontalScroll(page);
      });
    }
  }
});

test.describe("/rankning", () => {
  test("ranks the latest result per municipality by default, with its change", async ({ page }) => {
    await page.goto("/rankning");
    await expect(page).toHaveTitle("Rankning – Kommunkompassen");
    // The newest version that has results is chosen first.
    await expect(page.getByLabel("Version av instrumentet")).toHaveValue("2020");
    await page.goto("/rankning?instrument=2010");
    await expect(page.getByRole("status")).toHaveText("7 kommuner i rankningen");
    // The municipality names the row: it is the row's header.
    await expect(rankingRows(page).getByRole("rowheader")).toHaveText([
      "Örebro",
      "Nacka",
      "Tyresö",
      "Karlskrona",
      "Karlskoga",
      "Strängnäs",
      "Ängelholm",
    ]);
    await expect(rankingRows(page).first().locator("td, th")).toHaveText(["1", "Örebro", "2015", "650", "+35 sedan 2012"]);
    await expect(rankingRows(page).nth(1).locator("td:nth-child(5)")).toHaveText("–ingen tidigare utvärdering");
    await expect(rankingRows(page).nth(2).locator("td:nth-child(5)")).toHaveText("+84 sedan 2010");
    await expect(rankingRows(page).getByRole("link", { name: "Örebro", exact: true })).toHaveAttribute("href", "/kommun/1880-orebro");
    await expect(rankingRows(page).getByRole("link", { name: "Örebro 2015" })).toHaveAttribute("href", "/kommun/1880-orebro/2015");
  });

  test("filters by keyboard: every result, county and years", async ({ page }) => {
    await page.goto("/rankning?instrument=2010");
    await waitForHydration(page);
    await page.getByLabel("Version av instrumentet").focus();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Senaste resultatet per kommun")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByLabel("Alla resultat")).toBeChecked();
    await page.keyboard.press("Tab");
    const county = page.getByLabel("Län", { exact: true });
    await expect(county).toBeFocused();
    await county.selectOption("18");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Kommungrupp (SKL 2011)")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Från år")).toBeFocused();
    await page.keyboard.type("2011");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/rankning\?instrument=2010&all=true&county=18&group=&yearFrom=2011&yearTo=$/);
    await expect(page.getByRole("status")).toHaveText("3 resultat i rankningen");
    await expect(rankingRows(page).locator("td:nth-child(3)")).toHaveText(["2015", "2012", "2014"]);
    await expect(rankingRows(page).locator("td:nth-child(5)")).toHaveText([
      "+35 sedan 2012",
      "+100 sedan 2010",
      "–ingen tidigare utvärdering",
    ]);
    await expect(page.getByLabel("Från år")).toHaveValue("2011");
  });

  test("the download links answer with the filtered rows as Excel, CSV and JSON", async ({ page, request }) => {
    await page.goto("/rankning?instrument=2010&all=true&county=18&yearTo=2012");
    const query = "instrument=2010&all=true&county=18&yearTo=2012";
    const csvLink = page.getByRole("link", { name: "Ladda ned rankningen som CSV", exact: true });
    await expect(csvLink).toHaveAttribute("href", `/ladda-ned/rankings.csv?${query}`);
    const csv = await request.get((await csvLink.getAttribute("href"))!);
    expect(csv.status()).toBe(200);
    // Not trimmed: trim() takes the byte order mark for white space.
    const lines = new TextDecoder("utf-8", { ignoreBOM: true })
      .decode(await csv.body())
      .replace(/\r\n$/, "")
      .split("\r\n");
    expect(lines[0]).toMatch(/^\uFEFFPlacering,Kommunkod,Kommun,År,Datum,Totalpoäng,Publicerad total,/);
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 4).join(","))).toEqual(["1,1880,Örebro,2012", "2,1880,Örebro,2010"]);
    const swedishExcel = page.getByRole("link", { name: "Ladda ned rankningen i CSV för svensk Excel (semikolon och decimalkomma)" });
    await expect(swedishExcel).toHaveAttribute("href", `/ladda-ned/rankings-semikolon.csv?${query}`);
    await expect(swedishExcel).toHaveText("CSV för svensk Excel");

    const xlsxLink = page.getByRole("link", { name: "Ladda ned rankningen som Excel" });
    await expect(xlsxLink).toHaveAttribute("href", `/ladda-ned/rankings.xlsx?${query}`);
    const downloading = page.waitForEvent("download");
    await xlsxLink.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("kommunkompassen-rankning-2010.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Kommunkompassen – rankning, 2010 års version, alla resultat, Örebro län, till 2012");
    // Title, source and licence, the header, two rows.
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(4).getCell(4).value).toBe(2012);

    const api = await request.get((await page.getByRole("link", { name: "Öppna rankningen via API (JSON)" }).getAttribute("href"))!);
    expect(((await api.json()) as { year: number }[]).map((e) => e.year)).toEqual([2012, 2010]);
  });

  test("the empty state and English", async ({ page }) => {
    await page.goto("/rankning?county=25");
    await expect(page.getByRole("status")).toHaveText("0 kommuner i rankningen");
    await expect(page.getByText("Inga resultat matchar filtren.")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await page.goto("/sprak?lang=en&return=%2Frankning");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rankings");
    await expect(page.getByRole("link", { name: "Download the ranking as CSV", exact: true })).toBeVisible();
    await page.goto("/sprak?lang=sv&return=%2F");
  });
});

test.describe("/ (start page)", () => {
  test("shows the latest evaluations and the highest totals with downloads and links", async ({ page, request }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kommunkompassen");
    const latest = page.getByRole("table", { name: "De 10 senast publicerade utvärderingarna" }).locator("tbody tr");
    // By date, then year: an undated result counts as of 31 December.
    await expect(latest.getByRole("rowheader")).toHaveText([
      "Höganäs",
      "Vallentuna",
      "Höganäs",
      "Vallentuna",
      "Enköping",
      "Vallentuna",
      "Fiktiva Testköping",
      "Strängnäs",
      "Ängelholm",
      "Tyresö",
    ]);
    await expect(latest.locator("td:nth-child(2)")).toHaveText(DEMO_RESULTS_LATEST_FIRST.years.slice(0, 10));
    await expect(latest.last().getByRole("link", { name: "Tyresö 2015" })).toHaveAttribute("href", "/kommun/0138-tyreso/2015");
    const top = page.getByRole("table", { name: `Högsta totalpoäng, ${VERSION}` }).locator("tbody tr");
    await expect(top.getByRole("rowheader")).toHaveText(["Örebro", "Nacka", "Örebro", "Tyresö", "Örebro"]);
    await expect(top.locator("td:nth-child(3)")).toHaveText(["650", "644", "615", "536", "515"]);

    const latestCsv = page.getByRole("link", { name: "Ladda ned de senast publicerade utvärderingarna som CSV", exact: true });
    await expect(latestCsv).toHaveAttribute("href", "/ladda-ned/results.csv?sort=latest&limit=10");
    const csv = await request.get((await latestCsv.getAttribute("href"))!);
    expect((await csv.text()).trim().split("\r\n")).toHaveLength(11);
    const topXlsx = page.getByRole("link", { name: `Ladda ned topplistan för ${VERSION} som Excel` });
    await expect(topXlsx).toHaveAttribute("href", "/ladda-ned/rankings.xlsx?instrument=2010&all=true&limit=5");
    expect((await request.get((await topXlsx.getAttribute("href"))!)).status()).toBe(200);

    await expect(page.getByRole("link", { name: "Hela rankningen med filter" })).toHaveAttribute("href", "/rankning");
    await expect(page.getByRole("link", { name: "Alla kommuner" })).toHaveAttribute("href", "/kommuner");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the rankings filter is a GET form", async ({ page }) => {
    await page.goto("/rankning?instrument=2010");
    await page.getByLabel("Alla resultat").check();
    await page.getByLabel("Kommungrupp (SKL 2011)").selectOption("3");
    await page.getByLabel("Till år").fill("2012");
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.isNavigationRequest() && r.url().includes("yearTo=")),
      page.getByRole("button", { name: "Visa" }).click(),
    ]);
    expect(request.method()).toBe("GET");
    await expect(page.getByRole("status")).toHaveText("3 resultat i rankningen");
    await expect(rankingRows(page).getByRole("rowheader")).toHaveText(["Örebro", "Örebro", "Karlskrona"]);
    await expect(rankingRows(page).locator("td:nth-child(4)")).toHaveText(["615", "515", "415"]);
    await expect(rankingRows(page).locator("td:nth-child(5)")).toHaveText([
      "+100 sedan 2010",
      "–ingen tidigare utvärdering",
      "–ingen tidigare utvärdering",
    ]);
    await expect(page.getByLabel("Kommungrupp (SKL 2011)")).toHaveValue("3");
  });

  test("bad filters get a message naming the field", async ({ page }) => {
    const response = await page.goto("/rankning?yearFrom=2015&yearTo=2012");
    expect(response?.status()).toBe(400);
    await expect(page.getByRole("link", { name: "Till år får inte vara före Från år." })).toHaveAttribute("href", "#yearTo");
    await expect(page.getByRole("table")).toHaveCount(0);
  });

  test("the start page search is a GET form to /sok", async ({ page }) => {
    // Only the form is under test here: the search page answers on its own in search tests.
    await page.route("**/sok?**", (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>sok</title>" }));
    await page.goto("/");
    await page.getByLabel("Sök goda exempel").fill("medborgardialog");
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.isNavigationRequest() && r.url().includes("/sok")),
      // The start page has two searches (municipalities and good examples): this one's button.
      page.locator('form[action="/sok"]').getByRole("button", { name: "Sök", exact: true }).click(),
    ]);
    expect(request.method()).toBe("GET");
    expect(new URL(request.url()).pathname + new URL(request.url()).search).toBe("/sok?q=medborgardialog");
  });
});
