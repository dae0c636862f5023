import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signedInAs as signedIn, waitForHydration } from "./helpers.ts";

// Follow-up at the next evaluation (issue 13 §3), on the demo: the administrator plans Örebro
// 2027 with the version of its published 2012 evaluation; the evaluators mark the 2012
// improvement opportunities with and without JavaScript, meet in a conflict and settle it; the
// page passes axe at 1280 and 375 px, for the team and read-only for the administrator (axe runs
// in pages with JavaScript: it cannot be injected into one without).

async function axeAtBothWidths(page: Page) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the team follows up Örebro 2012's improvement opportunities at its next evaluation", async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await signedIn(browser, "admin@kompass.example", false);
  await admin.goto("/arbetsyta/ny");
  await admin.getByLabel("Kommun", { exact: true }).fill("örebro");
  await admin.getByRole("button", { name: "Välj kommun" }).click();
  await admin.getByLabel("Version").selectOption("2010");
  await admin.getByLabel("År").fill("2027");
  await admin.getByLabel("Besöket börjar").fill("2027-04-06");
  await admin.getByLabel("Besöket slutar").fill("2027-04-07");
  await admin.getByLabel("Eva Ek, SKR").check();
  await admin.getByLabel("Per Lind, Västerås stad").check();
  await admin.getByLabel("Karin Berg (Örebro)").check();
  await admin.getByRole("button", { name: "Skapa utvärderingen" }).click();
  await expect(admin).toHaveURL(/\/arbetsyta\/\d+$/);
  const path = `${new URL(admin.url()).pathname}/uppfoljning`;
  await admin.getByRole("button", { name: "Gå vidare till: Förberedelse" }).click();

  // With JavaScript: Eva marks the first opportunity; it saves in place.
  const eva = await signedIn(browser, "eva@kompass.example", true);
  await eva.goto(path);
  await waitForHydration(eva);
  await expect(eva.getByRole("heading", { level: 2, name: "Uppföljning av förra utvärderingen" })).toBeVisible();
  await expect(eva.locator("main")).toContainText("Förra publicerade utvärderingen gjordes 2012 med version 2010.");
  await axeAtBothWidths(eva);
  const first = eva.locator("article.followup-opportunity").first();
  const firstId = (await first.locator("div.autosave-form").getAttribute("id"))!;
  await first.getByLabel("Åtgärdad").check();
  await first.getByLabel("Kommentar").fill("Arbetet är genomfört.");
  await expect(first.getByRole("status")).toHaveText("Sparat", { timeout: 10_000 });

  // Without JavaScript: Per marks the second one with the Save button, and comes back to it.
  const per = await signedIn(browser, "per@kompass.example", false);
  await per.goto(path);
  const second = per.locator("article.followup-opportunity").nth(1);
  await second.getByLabel("Kvarstår").check();
  await second.getByRole("button", { name: /^Spara/ }).click();
  await expect(per).toHaveURL(/#uppfoljning-\d+-\d+$/);
  await expect(per.locator("article.followup-opportunity").nth(1).getByLabel("Kvarstår")).toBeChecked();
  await expect(per.locator("main")).toContainText("2 av");

  // Per, without JavaScript, still has the first opportunity as Eva first saved it: his save after her change is a conflict.
  const stale = per.locator(`#${firstId}`);
  await eva.reload();
  await waitForHydration(eva);
  const evaFirst = eva.locator(`#${firstId}`);
  await evaFirst.getByLabel("Delvis").check();
  await expect(evaFirst.getByRole("status")).toHaveText("Sparat", { timeout: 10_000 });
  await stale.getByLabel("Kvarstår").check();
  await stale.getByRole("button", { name: /^Spara/ }).click();
  await expect(per.locator("main")).toContainText("Din version");
  await per.getByRole("button", { name: "Spara min version" }).click();
  await expect(per.locator(`#${firstId}`).getByLabel("Kvarstår")).toBeChecked();

  // The administrator, not on the team, reads (axe needs JavaScript in the page).
  const reader = await signedIn(browser, "admin@kompass.example", true);
  await reader.goto(path);
  await waitForHydration(reader);
  await expect(reader.locator("main")).toContainText("Du kan läsa uppföljningen men inte ändra den.");
  await expect(reader.locator("main")).toContainText("Kvarstår");
  await expect(reader.locator('input[name="verdict"]')).toHaveCount(0);
  await axeAtBothWidths(reader);
});
