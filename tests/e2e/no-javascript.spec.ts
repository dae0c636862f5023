import { expect, test, type Page } from "@playwright/test";
import { DEMO_RESULTS_LATEST_FIRST, MUNICIPALITY_COUNT } from "./helpers.ts";

// The site is server-rendered and must work without JavaScript: every page, the filter
// form (a plain GET form) and the language switch (a plain link to the page with ?lang=).
// axe is not run here: it needs page scripts (it hangs with JavaScript off), and the markup
// is the same server render that pages.spec.ts checks with JavaScript on.
test.use({ javaScriptEnabled: false });

/** Without JavaScript React never hydrates: no DOM node gets React's fiber keys. */
async function expectNotHydrated(page: Page) {
  const hydrated = await page.evaluate(() => {
    const main = document.querySelector("main");
    return main !== null && Object.keys(main).some((key) => key.startsWith("__reactFiber"));
  });
  expect(hydrated).toBe(false);
}

test.describe("without JavaScript", () => {
  test("/resultat lists the twenty results", async ({ page }) => {
    await page.goto("/resultat");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publicerade resultat");
    await expect(page.getByRole("status")).toHaveText("20 publicerade resultat");
    const rows = page.getByRole("table", { name: "Publicerade resultat, senaste först" }).locator("tbody tr");
    await expect(rows).toHaveCount(20);
    await expect(rows.locator("td:nth-child(5)")).toHaveText(DEMO_RESULTS_LATEST_FIRST.totals);
    await expect(rows.getByRole("link", { name: "Örebro" })).toHaveCount(3);
    await expectNotHydrated(page);
  });

  test("the filter form submits with GET and shows the filtered results", async ({ page }) => {
    await page.goto("/resultat");
    const form = page.locator("form.filter-form");
    await expect(form).toHaveAttribute("method", "get");

    await page.getByLabel("Version av instrumentet").selectOption("2016");
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.isNavigationRequest() && r.url().includes("instrument=")),
      page.getByRole("button", { name: "Visa" }).click(),
    ]);
    expect(request.method()).toBe("GET");
    await expect(page).toHaveURL("/resultat?instrument=2016");
    await expect(page.getByRole("status")).toHaveText("6 publicerade resultat");
    await expect(page.getByLabel("Version av instrumentet")).toHaveValue("2016");

    await page.getByLabel("Version av instrumentet").selectOption("2010");
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page).toHaveURL("/resultat?instrument=2010");
    await expect(page.getByRole("status")).toHaveText("11 publicerade resultat");

    await page.getByLabel("Version av instrumentet").selectOption("");
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page).toHaveURL("/resultat?instrument=");
    await expect(page.getByRole("status")).toHaveText("20 publicerade resultat");
    await expectNotHydrated(page);
  });

  test("/kommuner lists every municipality and links work", async ({ page }) => {
    await page.goto("/kommuner");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kommuner");
    await expect(page.locator("main tbody tr")).toHaveCount(MUNICIPALITY_COUNT);
    await page.getByRole("link", { name: "Örebro", exact: true }).click();
    await expect(page).toHaveURL("/kommun/1880-orebro");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Örebro");
  });

  test("/kommuner/1880 shows the results and the warning", async ({ page }) => {
    await page.goto("/kommuner/1880");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Örebro");
    const table = page.getByRole("table", { name: /^Poäng per område/ });
    await expect(table.locator("thead th")).toHaveText(["Område", "2010", "2012", "2015"]);
    await expect(table.locator("tbody tr").first().locator("td")).toHaveText(["52", "68", "–uppgift saknas"]);
    await expect(table.locator("tfoot td")).toHaveText(["515", "615", "650"]);
    await expect(page.getByText("2010: Publicerad totalpoäng 515 skiljer sig från den beräknade summan 516.")).toBeVisible();
    await expectNotHydrated(page);
  });

  test("unknown pages answer 404 with the error page", async ({ page }) => {
    for (const path of ["/finns-inte", "/kommuner/9999"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
      await expect(page.getByRole("link", { name: "Till startsidan" })).toHaveAttribute("href", "/");
    }
  });

  test("the skip link moves to main", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Hoppa till innehållet" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/#innehall");
    await expect(page.locator("main#innehall")).toBeFocused();
  });

  test("the language switch link changes the language and returns to the page", async ({ page }) => {
    await page.goto("/kommuner/1880");
    const toEnglish = page.getByRole("link", { name: "In English" });
    await expect(toEnglish).toHaveAttribute("href", "/kommun/1880-orebro?lang=en");
    await toEnglish.click();
    await expect(page).toHaveURL("/kommun/1880-orebro?lang=en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 2, name: "Results over time" })).toBeVisible();
    await expect(page.getByRole("table", { name: /^Points per area/ }).locator("tfoot td")).toHaveText(["515", "615", "650"]);

    // The query string survives the round trip.
    await page.goto("/resultat?instrument=2016");
    await expect(page.getByRole("status")).toHaveText("6 published results");
    await page.getByRole("link", { name: "På svenska" }).click();
    await expect(page).toHaveURL("/resultat?instrument=2016&lang=sv");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("status")).toHaveText("6 publicerade resultat");
  });
});
