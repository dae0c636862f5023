import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_RESULTS_LATEST_FIRST, expectNoAxeViolations, MUNICIPALITY_COUNT, formatViolations, waitForHydration } from "./helpers.ts";

// The pages against the production build with a fresh database: reference data (290
// municipalities, three instrument versions), the demo results for Örebro (1880):
// 2010 (515, areas), 2012 (615, areas and subareas), 2015 (650, total only), and the e2e
// fixture's three fictional municipalities with Fiktiva Testköping 2017 (480; tests/support/e2eFixture.ts).

const pages = [
  { path: "/", status: 200, heading: "Kommunkompassen" },
  { path: "/resultat", status: 200, heading: "Publicerade resultat" },
  { path: "/kommuner", status: 200, heading: "Kommuner" },
  { path: "/kommuner/1880", status: 200, heading: /Örebro/ },
  { path: "/finns-inte", status: 404, heading: "Sidan finns inte" },
  { path: "/kommuner/9999", status: 404, heading: "Sidan finns inte" },
];

/**
 * Collects script errors, console errors (a failed hydration shows up here) and failed loads of
 * build assets. Console "Failed to load resource" is left out: a 404 page reports its own status
 * so, and there is no favicon (/favicon.ico answers 404).
 */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/assets/") && response.status() >= 400) errors.push(`asset: ${response.status()} ${response.url()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(`console: ${message.text()}`);
  });
  return errors;
}

test.describe("accessibility: WCAG 2.1 A and AA (axe)", () => {
  for (const { path, status, heading } of pages) {
    test(`${path} has no violations and lang="sv"`, async ({ page }) => {
      const errors = collectErrors(page);
      const response = await page.goto(path);
      expect(response?.status()).toBe(status);
      await expect(page.locator("html")).toHaveAttribute("lang", "sv");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await waitForHydration(page);
      await expectNoAxeViolations(page);
      expect(errors, "script or console errors").toEqual([]);
    });
  }

  test('the English variant has lang="en" and no violations', async ({ page }) => {
    await page.goto("/sprak?lang=en&return=/kommuner/1880");
    await expect(page).toHaveURL("/kommun/1880-orebro");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 2, name: "Results over time" })).toBeVisible();
    await expect(page.getByRole("link", { name: "På svenska" })).toHaveAttribute("lang", "sv");
    await waitForHydration(page);
    await expectNoAxeViolations(page);

    // The cookie holds for the next pages, the 404 page included.
    const response = await page.goto("/finns-inte");
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await waitForHydration(page);
    await expectNoAxeViolations(page);

    // And back to Swedish.
    await page.goto("/sprak?lang=sv&return=/");
    await expect(page).toHaveURL("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  });

  test("the start page's two searches are landmarks with names of their own (axe landmark-unique)", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("search", { name: "Hitta en kommun" })).toBeVisible();
    await expect(page.getByRole("search", { name: "Sök bland goda exempel" })).toBeVisible();
    // Each field keeps its own label, which no landmark shares.
    await expect(page.getByLabel("Sök kommun")).toHaveCount(1);
    await expect(page.getByLabel("Sök goda exempel")).toHaveCount(1);
    const results = await new AxeBuilder({ page }).withRules(["landmark-unique"]).analyze();
    expect(results.violations, formatViolations(results.violations)).toEqual([]);
  });
});

test.describe("language and missing values", () => {
  test("the missing-value dash has an accessible text axe accepts", async ({ page }) => {
    await page.goto("/kommuner/1880");
    const results = await new AxeBuilder({ page }).withRules(["aria-prohibited-attr"]).analyze();
    const findings = [...results.violations, ...results.incomplete];
    expect(findings, formatViolations(findings)).toEqual([]);
  });

  test("English pages have English titles and messages", async ({ page }) => {
    await page.goto("/sprak?lang=en&return=/resultat");
    await expect(page).toHaveTitle("Published results – Kommunkompassen", { timeout: 2_000 });
    await page.goto("/kommuner");
    await expect(page).toHaveTitle("Municipalities – Kommunkompassen", { timeout: 2_000 });
    await page.goto("/kommuner/9999");
    await expect(page.locator("main")).not.toContainText("Det finns ingen kommun", { timeout: 2_000 });
  });
});

test.describe("/kommuner", () => {
  test("lists the municipalities, Örebro evaluated three times", async ({ page }) => {
    await page.goto("/kommuner");
    const table = page.getByRole("table", { name: "Kommuner med län och kommungrupp" });
    await expect(table.locator("tbody tr")).toHaveCount(MUNICIPALITY_COUNT);
    const orebro = table.locator("tbody tr").filter({ has: page.getByRole("link", { name: "Örebro", exact: true }) });
    await expect(orebro).toHaveCount(1);
    await expect(orebro.locator("td").nth(1)).toHaveText("Örebro län");
    await expect(orebro.locator("td").nth(3)).toHaveText("3 utvärderingar");
    await orebro.getByRole("link", { name: "Örebro", exact: true }).click();
    await expect(page).toHaveURL("/kommun/1880-orebro");
  });
});

test.describe("/kommuner/1880 (Örebro)", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/kommuner/1880");
  });

  test("the heading names Örebro and the title follows", async ({ page }) => {
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Örebro");
    await expect(page).toHaveTitle(/^Örebro – Kommunkompassen$/);
  });

  test("the results table shows 2010, 2012 and 2015 with their totals", async ({ page }) => {
    const table = page.getByRole("table", { name: /^Poäng per område/ });
    await expect(table).toHaveCount(1);
    await expect(table.locator("thead th")).toHaveText(["Område", "2010", "2012", "2015"]);

    // Eight areas, one row each.
    await expect(table.locator("tbody tr")).toHaveCount(8);
    const area1 = table.locator("tbody tr").first();
    await expect(area1.locator("th")).toHaveText(/^1\. /);
    // 2015 was published as a total only: its area cells show "–", read out as "uppgift saknas".
    await expect(area1.locator("td")).toHaveText(["52", "68", "–uppgift saknas"]);
    for (const row of await table.locator("tbody tr").all()) {
      await expect(row.locator("td").nth(2)).toHaveText("–uppgift saknas");
    }

    const totals = table.locator("tfoot tr");
    await expect(totals.locator("th")).toHaveText("Totalt");
    await expect(totals.locator("td")).toHaveText(["515", "615", "650"]);
  });

  test("the source table lists the three results", async ({ page }) => {
    const sources = page.getByRole("table", { name: "Källor" });
    await expect(sources.locator("tbody tr td:first-child")).toHaveText(["2010", "2012", "2015"]);
    await expect(sources.locator("tbody tr").nth(1)).toContainText("30 december 2012");
  });

  test("the warning about 515 against 516 is visible", async ({ page }) => {
    const warnings = page.locator(".ds-alert").filter({ has: page.getByRole("heading", { name: "Avvikelser" }) });
    await expect(warnings).toBeVisible();
    await expect(warnings).toContainText("2010: Publicerad totalpoäng 515 skiljer sig från den beräknade summan 516.");
  });
});

test.describe("/resultat (published results)", () => {
  test("lists the twenty results, latest first, with Örebro linked", async ({ page }) => {
    await page.goto("/resultat");
    await expect(page).toHaveTitle("Publicerade resultat – Kommunkompassen");
    await expect(page.getByRole("status")).toHaveText("20 publicerade resultat");
    const table = page.getByRole("table", { name: "Publicerade resultat, senaste först" });
    const rows = table.locator("tbody tr");
    await expect(rows).toHaveCount(20);
    // Latest first by date, then year: an undated result counts as of 31 December.
    await expect(rows.locator("td:nth-child(2)")).toHaveText(DEMO_RESULTS_LATEST_FIRST.years);
    await expect(rows.locator("td:nth-child(5)")).toHaveText(DEMO_RESULTS_LATEST_FIRST.totals);
    const links = table.getByRole("link", { name: "Örebro" });
    await expect(links).toHaveCount(3);
    for (const link of await links.all()) await expect(link).toHaveAttribute("href", "/kommun/1880-orebro");
    await links.first().click();
    await expect(page).toHaveURL("/kommun/1880-orebro");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Örebro");
  });

  test("the instrument filter narrows the list", async ({ page }) => {
    await page.goto("/resultat");
    await waitForHydration(page);
    const select = page.getByLabel("Version av instrumentet");
    await expect(select).toHaveValue("");

    await select.selectOption("2016");
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page).toHaveURL("/resultat?instrument=2016");
    await expect(page.getByRole("status")).toHaveText("6 publicerade resultat");
    await expect(page.getByRole("table").locator("tbody tr td:nth-child(2)")).toHaveText(["2019", "2018", "2017", "2017", "2016", "2016"]);
    await expect(select).toHaveValue("2016");

    await select.selectOption("2010");
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page).toHaveURL("/resultat?instrument=2010");
    await expect(page.getByRole("status")).toHaveText("11 publicerade resultat");

    // An unknown version falls back to all.
    await page.goto("/resultat?instrument=1999");
    await expect(page.getByRole("status")).toHaveText("20 publicerade resultat");
    await expect(select).toHaveValue("");
  });

  test("a filtered list has no violations", async ({ page }) => {
    await page.goto("/resultat?instrument=2016");
    await waitForHydration(page);
    await expectNoAxeViolations(page);
  });
});

test.describe("keyboard", () => {
  test("the skip link comes first and moves focus to main", async ({ page }) => {
    await page.goto("/");
    await waitForHydration(page);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Hoppa till innehållet" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await expect(skip).toHaveAttribute("href", "#innehall");
    await page.keyboard.press("Enter");
    await expect(page.locator("main#innehall")).toBeFocused();
  });

  test("Tab reaches the Kommuner link and Enter follows it", async ({ page }) => {
    await page.goto("/");
    await waitForHydration(page);
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    const expected = [
      page.getByRole("link", { name: "Hoppa till innehållet" }),
      page.locator("header").getByRole("link", { name: "Kommunkompassen" }),
      // The top bar: sign-in and language, then the sections.
      page.locator("header").getByRole("link", { name: "Logga in" }),
      page.locator("header").getByRole("link", { name: "In English" }),
      nav.getByRole("link", { name: "Resultat" }),
      nav.getByRole("link", { name: "Rankning" }),
      nav.getByRole("link", { name: "Kommuner" }),
    ];
    for (const link of expected) {
      await page.keyboard.press("Tab");
      await expect(link).toBeFocused();
    }
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/kommuner");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kommuner");
  });
});

test.describe("open data API", () => {
  test("GET /api/v1/openapi.json is an OpenAPI 3.1.0 document", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/(vnd\.oai\.openapi\+)?json/);
    const body = (await response.json()) as { openapi?: unknown; paths?: unknown };
    expect(body.openapi).toBe("3.1.0");
    expect(typeof body.paths).toBe("object");
  });

  test("the server answers the API compressed, as CSV on request, and with problem documents", async ({ request }) => {
    const ranking = await request.get("/api/v1/rankings?instrument=2010&county=18", { headers: { "Accept-Encoding": "gzip" } });
    expect(ranking.status()).toBe(200);
    expect(ranking.headers()["content-encoding"]).toBeUndefined(); // small: sent as is
    expect(await ranking.json()).toEqual([
      expect.objectContaining({ rank: 1, municipality: "1880", year: 2015, total: 650 }),
      expect.objectContaining({ rank: 2, municipality: "1883", year: 2014, total: 450 }),
    ]);

    const municipalities = await request.get("/api/v1/municipalities", { headers: { "Accept-Encoding": "gzip" } });
    expect(municipalities.headers()["content-encoding"]).toBe("gzip");
    expect((await municipalities.json()) as unknown[]).toHaveLength(MUNICIPALITY_COUNT);

    const csv = await request.get("/api/v1/municipalities/1880/results", { headers: { Accept: "text/csv" } });
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).split("\r\n")).toHaveLength(5);

    const bad = await request.get("/api/v1/rankings");
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toContain("application/problem+json");
  });
});
