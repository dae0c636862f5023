import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations, MUNICIPALITY_COUNT, signIn, waitForHydration } from "./helpers.ts";

// Finding a municipality without scrolling 290 rows: /kommuner's search, the comparison's
// type-ahead (an ARIA combobox once JavaScript runs, a text input the server resolves without it)
// and guessed addresses. At a desktop and a phone width; keyboard only where it says so.

/** Presses Tab until the element has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 200): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((el) => document.activeElement === el, handle)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The municipalities in the rows of /kommuner's table. */
const rowNames = (page: Page) => page.getByRole("table", { name: "Kommuner med län och kommungrupp" }).locator("tbody th");

for (const width of [1280, 375]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test.describe("with JavaScript", () => {
      test("/kommuner filters as one types: orebro finds Örebro", async ({ page }) => {
        await page.goto("/kommuner");
        await waitForHydration(page);
        await expect(rowNames(page)).toHaveCount(MUNICIPALITY_COUNT);
        await page.getByLabel("Sök kommun").pressSequentially("orebro");
        await expect(page.getByRole("status")).toHaveText(`1 av ${MUNICIPALITY_COUNT} kommuner`);
        await expect(rowNames(page)).toHaveText(["Örebro"]);
        // The download holds the rows shown.
        await expect(page.getByRole("link", { name: "Ladda ned kommunlistan som CSV" })).toHaveAttribute(
          "href",
          "/ladda-ned/municipalities.csv?q=orebro",
        );
        await expectNoAxeViolations(page);
        await page.getByRole("link", { name: "Visa alla kommuner" }).click();
        await expect(rowNames(page)).toHaveCount(MUNICIPALITY_COUNT);
        await expect(page.getByLabel("Sök kommun")).toHaveValue("");
        await page.getByLabel("Sök kommun").fill("ÖREBRO");
        await page.getByRole("link", { name: "Örebro", exact: true }).click();
        await expect(page).toHaveURL("/kommun/1880-orebro");
      });

      test("the comparison's type-ahead by keyboard only: ARIA combobox, arrows, Enter, Escape", async ({ page }) => {
        await page.goto("/jamfor?k1=1880");
        await waitForHydration(page);
        const slot = page.getByRole("combobox", { name: "Kommun 2" });
        await tabTo(page, slot);
        await expect(slot).toHaveAttribute("aria-expanded", "false");
        await page.keyboard.type("karls");
        await expect(slot).toHaveAttribute("aria-expanded", "true");
        const list = page.getByRole("listbox", { name: "Kommun 2" });
        // Only municipalities with results at first (the demo has Karlskrona's, not Karlstad's).
        await expect(list.getByRole("option")).toHaveText(["Karlskoga", "Karlskrona"]);
        await expect(page.locator(".municipality-picker [role=status]").nth(1)).toHaveText("2 kommuner hittades");
        await expectNoAxeViolations(page);
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("ArrowDown");
        await expect(list.getByRole("option", { name: "Karlskrona" })).toHaveAttribute("aria-selected", "true");
        await expect(slot).toHaveAttribute("aria-activedescendant", /1080$/);
        await page.keyboard.press("Enter");
        await expect(slot).toHaveValue("Karlskrona");
        await expect(slot).toHaveAttribute("aria-expanded", "false");

        // Escape closes the list, then clears the field.
        const third = page.getByRole("combobox", { name: "Kommun 3" });
        await page.keyboard.press("Tab");
        await expect(third).toBeFocused();
        await page.keyboard.type("strang");
        await expect(third).toHaveAttribute("aria-expanded", "true");
        await page.keyboard.press("Escape");
        await expect(third).toHaveAttribute("aria-expanded", "false");
        await page.keyboard.press("Escape");
        await expect(third).toHaveValue("");

        // Enter with the list closed compares.
        await slot.focus();
        await page.keyboard.press("Enter");
        await expect(page).toHaveURL("/jamfor?k1=1880&u1=2012%3A2010&k2=1080");
        await expect(page.getByRole("table", { name: /^Jämförelse av Örebro 2012, Karlskrona 2014$/ })).toBeVisible();
        await expect(slot).toHaveValue("Karlskrona");
      });

      test('"orebro" offers Örebro; a tap chooses it; the filter widens to all', async ({ page }) => {
        await page.goto("/jamfor");
        await waitForHydration(page);
        const slot = page.getByRole("combobox", { name: "Kommun 1" });
        await slot.click();
        await page.keyboard.type("orebro");
        await page.getByRole("option", { name: "Örebro" }).click();
        await expect(slot).toHaveValue("Örebro");
        await expect(slot).toBeFocused();

        const second = page.getByRole("combobox", { name: "Kommun 2" });
        await second.fill("ale");
        await expect(page.getByRole("listbox", { name: "Kommun 2" })).toBeHidden();
        await page.getByLabel("Bara kommuner med resultat").uncheck();
        await second.focus();
        await page.keyboard.press("ArrowDown");
        await expect(page.getByRole("listbox", { name: "Kommun 2" }).getByRole("option").first()).toHaveText("Ale");
        // Every option is easy to hit with a finger.
        const box = await page.getByRole("option", { name: "Ale", exact: true }).boundingBox();
        expect(box!.height).toBeGreaterThanOrEqual(44);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(1);
      });

      test("the pages a search without JavaScript leads to have no axe violations", async ({ page }) => {
        for (const path of ["/kommuner?q=&county=18&evaluated=true", "/kommuner?q=orebo", "/jamfor?k1=orebro&k2=karlskona&k3=habo"]) {
          await page.goto(path);
          await waitForHydration(page);
          await expectNoAxeViolations(page);
        }
        await expect(page.getByRole("group", { name: "Flera kommuner passar ”habo”. Välj en:" }).getByRole("radio")).toHaveCount(2);
      });

      test("a guessed address leads to the municipality, a near miss to suggestions", async ({ page }) => {
        await page.goto("/kommun/orebro");
        await expect(page).toHaveURL("/kommun/1880-orebro");
        const response = await page.goto("/kommun/orebo");
        expect(response?.status()).toBe(404);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
        await waitForHydration(page);
        await expectNoAxeViolations(page);
        await page.getByRole("link", { name: "Örebro", exact: true }).click();
        await expect(page).toHaveURL("/kommun/1880-orebro");
      });
    });

    test.describe("without JavaScript", () => {
      test.use({ javaScriptEnabled: false });

      test("/kommuner's search form: orebro finds Örebro", async ({ page }) => {
        await page.goto("/kommuner");
        await page.getByLabel("Sök kommun").fill("orebro");
        await page.getByLabel("Sök kommun").press("Enter");
        await expect(page).toHaveURL("/kommuner?q=orebro&county=");
        await expect(page.getByRole("status")).toHaveText(`1 av ${MUNICIPALITY_COUNT} kommuner`);
        await expect(rowNames(page)).toHaveText(["Örebro"]);
        await page.getByLabel("Län").selectOption({ label: "Örebro län" });
        await page.getByLabel("Sök kommun").fill("");
        await page.getByLabel("Bara utvärderade kommuner").check();
        await page.getByRole("button", { name: "Sök" }).click();
        await expect(page).toHaveURL("/kommuner?q=&county=18&evaluated=true");
        await expect(rowNames(page)).toHaveText(["Karlskoga", "Örebro"]);
        await page.getByRole("link", { name: "Örebro", exact: true }).click();
        await expect(page).toHaveURL("/kommun/1880-orebro");
      });

      test("the comparison resolves typed names, and offers choices for a near miss", async ({ page }) => {
        await page.goto("/jamfor");
        await page.getByLabel("Kommun 1", { exact: true }).fill("orebro");
        await page.getByLabel("Kommun 2", { exact: true }).fill("karlskona");
        await page.getByRole("button", { name: "Jämför" }).click();
        await expect(page.getByRole("group", { name: "Ingen kommun heter ”karlskona”. Menade du:" })).toBeVisible();
        await page.getByLabel("Karlskrona", { exact: true }).check();
        await page.getByRole("button", { name: "Jämför" }).click();
        await expect(page).toHaveURL(/\/jamfor\?k1=1880(&u1=[^&]+)?&k2=1080$/);
        await expect(page.getByLabel("Kommun 2", { exact: true })).toHaveValue("Karlskrona");
        await expect(page.getByRole("table", { name: /^Jämförelse av Örebro 2012, Karlskrona 2014$/ })).toBeVisible();
      });
    });
  });
}

test("planning: the contacts follow the municipality chosen, at once with JavaScript", async ({ page }) => {
  await signIn(page, "admin@kompass.example");
  await page.goto("/arbetsyta/ny");
  await waitForHydration(page);
  const contacts = page.getByRole("group", { name: "Kontaktpersoner i kommunen" });
  await expect(contacts).toContainText("Välj kommun först");
  await page.getByRole("combobox", { name: "Kommun" }).fill("övningsköping");
  await expect(contacts.getByRole("checkbox")).toHaveCount(1);
  await expect(contacts.getByLabel("Jonas Holm (Övningsköping)")).toBeVisible();
  await expect(contacts.getByRole("link", { name: "Lägg till en kontaktperson för Övningsköping" })).toHaveAttribute(
    "href",
    "/admin/anvandare#add-user",
  );
  await expectNoAxeViolations(page);
});
