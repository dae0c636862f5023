import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn, waitForHydration } from "./helpers.ts";

// The about and open data pages, the header's navigation at 1280 and 375 px, the language in the address.

const PAGES = ["/om", "/oppna-data", "/om?lang=en", "/oppna-data?lang=en"];

for (const width of [1280, 375]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });
    for (const path of PAGES) {
      test(`${path} has no axe violations and no sideways scrolling`, async ({ page }) => {
        await page.goto(path);
        await waitForHydration(page);
        await expectNoAxeViolations(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      });
    }
    if (width === 375) {
      test("the open menu has no axe violations", async ({ page }) => {
        await page.goto("/om");
        await waitForHydration(page);
        await page.getByText("Meny").click();
        await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Resultat" })).toBeVisible();
        await expectNoAxeViolations(page);
      });
    }
  });
}

/** How many rows the main navigation's links take, measured where they are drawn. */
async function navigationRows(page: Page): Promise<{ rows: number; height: number; link: number }> {
  const navigation = page.getByRole("navigation", { name: /^(Huvudmeny|Main menu)$/ });
  const links = navigation.getByRole("link");
  await expect(links.first()).toBeVisible();
  const boxes = await Promise.all((await links.all()).map((link) => link.boundingBox()));
  const list = await navigation.locator("ul").boundingBox();
  return {
    rows: new Set(boxes.map((box) => Math.round(box!.y))).size,
    height: list!.height,
    link: Math.max(...boxes.map((box) => box!.height)),
  };
}

test.describe("the main navigation at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("is one row signed out and signed in (as administrator, with the most links), in Swedish and English", async ({ page }) => {
    for (const signedIn of [false, true]) {
      if (signedIn) await signIn(page, "admin@kompass.example");
      for (const path of ["/", "/?lang=en"]) {
        await page.goto(path);
        const measured = await navigationRows(page);
        expect(measured.rows, `${path}, signed ${signedIn ? "in" : "out"}`).toBe(1);
        // The list is as tall as one link (plus its focus room), not two.
        expect(measured.height).toBeLessThan(measured.link * 1.5);
        await expect(page.getByRole("navigation", { name: /^(Huvudmeny|Main menu)$/ }).getByRole("link")).toHaveCount(signedIn ? 10 : 8);
      }
      await page.goto("/?lang=sv");
    }
    // The account sits in the top bar: the whole header stays two short rows.
    await expect(page.getByText("Inloggad som Alva Administratör")).toBeVisible();
    expect((await page.locator("header").boundingBox())!.height).toBeLessThan(120);
  });

  test("marks the page one is on", async ({ page }) => {
    await page.goto("/oppna-data");
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Öppna data" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });
});

test.describe("on a phone, without JavaScript", () => {
  test.use({ viewport: { width: 375, height: 667 }, javaScriptEnabled: false });

  test("the sections fold into a menu that opens and leads on, and the header takes little of the screen", async ({ page }) => {
    await page.goto("/om");
    const header = page.locator("header");
    expect((await header.boundingBox())!.height).toBeLessThan(667 / 4);
    const navigation = page.getByRole("navigation", { name: "Huvudmeny" });
    await expect(navigation.getByRole("link", { name: "Resultat" })).toBeHidden();
    await navigation.getByText("Meny").click();
    await expect(navigation.getByRole("link", { name: "Resultat" })).toBeVisible();
    await navigation.getByRole("link", { name: "Rankning" }).click();
    await expect(page).toHaveURL(/\/rankning$/);
  });
});

test("the language switch gives a shareable address with the language, and the cookie keeps it on the next page", async ({ page }) => {
  await page.goto("/om");
  await page.getByRole("link", { name: "In English" }).click();
  await expect(page).toHaveURL(/\/om\?lang=en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About Kommunkompassen");
  await waitForHydration(page);
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Municipalities" }).click();
  await expect(page).toHaveURL(/\/kommuner$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Municipalities");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: "På svenska" }).click();
  await expect(page).toHaveURL(/\/kommuner\?lang=sv$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
});
