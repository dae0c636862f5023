import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectNoAxeViolations, signIn, waitForHydration } from "./helpers.ts";

// The analysis report in the browser: the public Örebro 2012 report (evaluation 1), reached from
// the municipality page, and the team's draft of the practice case Övningsköping 2026 (evaluation 2) with key facts.
const PASSWORD = DEMO_PASSWORD;

test.describe("the published report, for everyone", () => {
  test("is reached from the municipality page and has no axe violations", async ({ page }) => {
    await page.goto("/kommuner/1880");
    await page.getByRole("link", { name: "Analysrapporten 2012" }).click();
    await expect(page).toHaveURL("/rapport/1");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rapport: Örebro kommun 2012");
    await expect(page.getByRole("table", { name: /^Tabell 1\./ })).toContainText("615");
    await expect(page.getByRole("img", { name: /615 poäng/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Område 5 Resultat och effektivitet/ })).toBeVisible();
    await expect(page.getByText("Utkast")).toHaveCount(0);
    await waitForHydration(page);
    await expectNoAxeViolations(page);
  });

  test("downloads each file under its proper name, saying when it is ready", async ({ page }) => {
    await page.goto("/rapport/1");
    await waitForHydration(page);
    for (const [format, name] of [
      ["Excel", "kommunkompassen-orebro-2012.xlsx"],
      ["Word", "kommunkompassen-orebro-2012.docx"],
      ["PDF", "kommunkompassen-orebro-2012.pdf"],
    ]) {
      const downloading = page.waitForEvent("download");
      await page.getByRole("link", { name: `${format}: ${name}` }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(name);
      await expect(page.getByRole("status")).toHaveText(`${format} är klar och laddas ned.`);
    }
  });

  test("names the published comparison and offers no choice of it", async ({ page }) => {
    await page.goto("/rapport/1?jamfor=5");
    await expect(page.getByText("Profildiagrammet visar Örebro kommun utan medelvärde", { exact: false })).toBeVisible();
    await expect(
      page.getByText("Det är den publicerade jämförelsen, som tar med upp till 27 utvärderingar.", { exact: false }),
    ).toBeVisible();
    await expect(page.getByLabel("Jämför profilen med de senaste utvärderingarna")).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^PDF:/ })).toHaveAttribute("href", "/rapport/1/kommunkompassen-orebro-2012.pdf");
  });

  test("the administrator compares the profile with another number of evaluations, by keyboard", async ({ page }) => {
    await signIn(page, "admin@kompass.example");
    await page.goto("/rapport/1");
    await waitForHydration(page);
    await page.getByLabel("Jämför profilen med de senaste utvärderingarna").fill("5");
    await page.getByLabel("Jämför profilen med de senaste utvärderingarna").press("Enter");
    await expect(page).toHaveURL("/rapport/1?jamfor=5");
    await expect(page.getByRole("link", { name: /^PDF:/ })).toHaveAttribute("href", "/rapport/1/kommunkompassen-orebro-2012.pdf?jamfor=5");
    await expect(
      page.getByText("Du visar en annan jämförelse än den publicerade: upp till 5 utvärderingar", { exact: false }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a wrong number is a clear 400 page", async ({ page }) => {
    const response = await page.goto("/rapport/1?jamfor=noll");
    expect(response?.status()).toBe(400);
    await expect(page.getByText("måste vara ett heltal från 3 till 290", { exact: false })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe("the working report, for the team", () => {
  test("is a draft, and the key facts are saved from the report tab", async ({ page }) => {
    await signIn(page, "eva@kompass.example");
    await page.goto("/arbetsyta/2/rapport");
    await waitForHydration(page);
    await expectNoAxeViolations(page);
    await page.getByLabel("Folkmängd").fill("106 975");
    await page.getByLabel("Partier i styret").fill("S och M");
    await page.getByRole("button", { name: "Spara kortfakta" }).click();
    await expect(page.getByText("Kortfakta är sparade.")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Visa rapporten" }).click();
    await expect(page).toHaveURL("/rapport/2");
    await expect(page.getByText("Det här är ett utkast")).toBeVisible();
    const facts = page.getByRole("table", { name: /Kortfakta/ });
    await expect(facts).toContainText("106 975");
    await expect(facts).toContainText("S och M");
    await waitForHydration(page);
    await expectNoAxeViolations(page);
  });

  test("bad key facts are named and nothing is saved", async ({ page }) => {
    await signIn(page, "eva@kompass.example");
    await page.goto("/arbetsyta/2/rapport");
    await waitForHydration(page);
    await page.getByLabel("Antal månadsavlönade").fill("många");
    await page.getByRole("button", { name: "Spara kortfakta" }).click();
    await expect(page.getByRole("link", { name: "Skriv ett heltal, till exempel 137121." })).toBeVisible();
    await expect(page.getByLabel("Antal månadsavlönade")).toHaveValue("många");
    await expectNoAxeViolations(page);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the report reads, the files download and the team's options form submits with GET", async ({ page }) => {
    await page.goto("/rapport/1");
    await expect(page.getByRole("table", { name: /^Tabell 1\./ })).toContainText("615");
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Excel: kommunkompassen-orebro-2012.xlsx" }).click();
    expect((await downloading).suggestedFilename()).toBe("kommunkompassen-orebro-2012.xlsx");
    await signInWithoutScript(page, "admin@kompass.example");
    await page.goto("/rapport/1");
    await page.getByLabel("Jämför profilen med de senaste utvärderingarna").fill("3");
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page).toHaveURL("/rapport/1?jamfor=3");
  });

  test("key facts are saved with a plain form post", async ({ page }) => {
    await signInWithoutScript(page, "per@kompass.example");
    await page.goto("/arbetsyta/2/rapport");
    await page.getByLabel("Antal månadsavlönade").fill("7 800");
    await page.getByRole("button", { name: "Spara kortfakta" }).click();
    await expect(page.getByText("Kortfakta är sparade.")).toBeVisible();
    await expect(page.getByLabel("Antal månadsavlönade")).toHaveValue("7800");
  });
});

async function signInWithoutScript(page: Page, email: string) {
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(/\/arbetsyta$/);
}
