import { type Browser, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signedInAs, waitForHydration } from "./helpers.ts";

/**
 * Steps the workspace journeys take, with or without JavaScript: planning an evaluation, moving
 * it on, scoring, writing, and the municipality's own cycle (issue 13): a colleague signing up,
 * answering questionnaire items.
 */

/**
 * The administrator (without JavaScript) plans an evaluation with the 2016 version, Eva and Per
 * as the team and the given contact, and moves it to preparation: the questionnaire is sent.
 */
export async function planInPreparation(
  browser: Browser,
  plan: { municipality: string; typed: string; contactLabel: string; year: number },
): Promise<{ admin: Page; id: string }> {
  const admin = await signedInAs(browser, "admin@kompass.example", false);
  await admin.goto("/arbetsyta/ny");
  await admin.getByLabel("Kommun", { exact: true }).fill(plan.typed);
  // Without JavaScript the municipality is chosen first; the page then offers its contacts.
  await admin.getByRole("button", { name: "Välj kommun" }).click();
  await expect(admin.getByLabel("Kommun", { exact: true })).toHaveValue(plan.municipality);
  await admin.getByLabel("Version").selectOption("2016");
  await admin.getByLabel("År").fill(String(plan.year));
  await admin.getByLabel("Besöket börjar").fill(`${plan.year}-04-09`);
  await admin.getByLabel("Besöket slutar").fill(`${plan.year}-04-10`);
  await admin.getByLabel("Eva Ek, SKR").check();
  await admin.getByLabel("Per Lind, Västerås stad").check();
  await admin.getByLabel(plan.contactLabel).check();
  await admin.getByRole("button", { name: "Skapa utvärderingen" }).click();
  await expect(admin).toHaveURL(/\/arbetsyta\/\d+$/);
  const id = admin.url().split("/").pop()!;
  await moveTo(admin, id, "Förberedelse");
  return { admin, id };
}

/** Moves the evaluation to the next step by its button on the overview. */
export async function moveTo(page: Page, id: string, status: string): Promise<void> {
  await page.goto(`/arbetsyta/${id}`);
  await page.getByRole("button", { name: `Gå vidare till: ${status}` }).click();
  await expect(page.locator('li[aria-current="step"]')).toContainText(status);
}

/** The administrator makes a one-time link for a new colleague, who chooses a password with it and signs in. */
export async function colleagueSignsUp(admin: Page, browser: Browser, name: string, email: string, javaScript: boolean): Promise<Page> {
  await admin.goto("/admin/anvandare");
  await admin.getByRole("button", { name: new RegExp(`^Skapa engångslänk för lösenord\\s*: ${name}$`) }).click();
  const link = await admin.locator("#one-time-link").inputValue();
  const colleague = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
  await colleague.goto(new URL(link).pathname);
  await colleague.getByLabel("Nytt lösenord (minst 10 tecken)").fill(DEMO_PASSWORD);
  await colleague.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(colleague.locator("main")).toContainText("Lösenordet är sparat");
  await colleague.goto("/logga-in");
  if (javaScript) await waitForHydration(colleague);
  await colleague.getByLabel("E-postadress").fill(email);
  await colleague.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await colleague.getByRole("button", { name: "Logga in" }).click();
  await expect(colleague).toHaveURL(/\/arbetsyta$/);
  return colleague;
}

/** A button named for its item ("Spara: Fråga 2"; the item's part is for screen readers). */
export const itemButton = (page: Page, label: string, itemId: string) =>
  page.getByRole("button", { name: new RegExp(`^${label}\\s*: Fråga ${itemId}$`) });

/** Answers an item: with JavaScript it saves as you type, without it with the item's Save button. */
export async function answerItem(page: Page, itemId: string, text: string, ownScore: string, javaScript: boolean): Promise<void> {
  const form = page.locator(`#fraga-${itemId}`);
  await form.locator(`#fraga-${itemId}-answer`).fill(text);
  await form.locator(`#fraga-${itemId}-ownScore`).fill(ownScore);
  if (javaScript) await expect(form.getByRole("status")).toHaveText("Sparat", { timeout: 10_000 });
  else await itemButton(page, "Spara", itemId).click();
}

/** Every scorable item (the 2016 version's eight areas) scored alone, saved one by one, then handed in. */
export async function scoreAll(page: Page, id: string, values: string[]) {
  await page.goto(`/arbetsyta/${id}/poang`);
  for (const [index, value] of values.entries()) {
    const item = String(index + 1);
    await page.locator(`#points-${item}`).fill(value);
    await page.locator(`#justification-${item}`).fill(`Bedömning av område ${item}.`);
    await page
      .locator("form")
      .filter({ has: page.locator(`#points-${item}`) })
      .locator('button[type="submit"]')
      .first()
      .click();
    await expect(page.locator(`#points-${item}`)).toHaveValue(value);
  }
  await page.getByRole("button", { name: "Lämna in mina poäng" }).click();
}

/** Saves one text of the report from the texts page. */
export async function writeText(page: Page, fieldId: string, body: string) {
  await page.locator(`#${fieldId}`).fill(body);
  await page
    .locator("form")
    .filter({ has: page.locator(`#${fieldId}`) })
    .locator('button[type="submit"]')
    .first()
    .click();
  await expect(page.locator(`#${fieldId}`)).toHaveValue(body);
}
