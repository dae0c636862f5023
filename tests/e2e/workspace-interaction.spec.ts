import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { waitForHydration } from "./helpers.ts";

// The workspace with JavaScript: keyboard use, saving as you type, two people editing the same
// text, bad input and a forged form. Demo data: evaluation 2 is Övningsköping 2026 (the practice case) in agreement,
// with the evaluators eva and per; points are agreed on items 2 and 7 only. Each test here uses
// its own item or text, so that the tests do not depend on one another.
const PASSWORD = "kompass-demo-2026";

async function signedIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/logga-in");
  await waitForHydration(page);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(/\/arbetsyta$/);
  return { context, page };
}

/** Presses Tab until the element has the focus (and fails if it never gets it). */
async function tabTo(page: Page, target: Locator, maxPresses = 80) {
  for (let presses = 0; presses <= maxPresses; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The focused element shows it: :focus-visible applies and draws an outline or a box-shadow. */
async function expectVisibleFocus(target: Locator) {
  await expect(target).toBeFocused();
  const style = await target.evaluate((element) => {
    const computed = getComputedStyle(element);
    return {
      focusVisible: element.matches(":focus-visible"),
      outline:
        computed.outlineStyle !== "none" && parseFloat(computed.outlineWidth) > 0
          ? `${computed.outlineStyle} ${computed.outlineWidth}`
          : "",
      boxShadow: computed.boxShadow === "none" ? "" : computed.boxShadow,
    };
  });
  expect(style.focusVisible, "matches :focus-visible").toBe(true);
  expect(style.outline || style.boxShadow, `a focus indicator on ${target}`).not.toBe("");
}

/** What is stored, as a fresh page shows it (the page under test may hold unsaved input). */
async function storedPoints(context: BrowserContext, item: string): Promise<string> {
  const page = await context.newPage();
  await page.goto("/arbetsyta/2/samsyn");
  const value = await page.locator(`#points-${item}`).inputValue();
  await page.close();
  return value;
}

test("keyboard only: sign in, then agree on points on /samsyn with visible focus", async ({ page }) => {
  await page.goto("/logga-in");
  await waitForHydration(page);

  const email = page.locator("#email");
  await tabTo(page, email);
  await expectVisibleFocus(email);
  await page.keyboard.type("eva@kompass.example");
  await page.keyboard.press("Tab");
  const password = page.locator("#password");
  await expectVisibleFocus(password);
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Tab");
  await expectVisibleFocus(page.getByRole("button", { name: "Logga in" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/arbetsyta$/);

  await page.goto("/arbetsyta/2/samsyn");
  await waitForHydration(page);
  // The parts of the evaluation are links in a navigation, reachable by Tab.
  const tab = page.getByRole("navigation", { name: "Utvärderingens delar" }).getByRole("link", { name: "Samsyn" });
  await tabTo(page, tab);
  await expectVisibleFocus(tab);
  await expect(tab).toHaveAttribute("aria-current", "page");

  const points = page.locator("#points-6");
  await tabTo(page, points);
  await expectVisibleFocus(points);
  await page.keyboard.type("59");
  await page.keyboard.press("Tab");
  await expectVisibleFocus(page.locator("#reason-6"));
  await page.keyboard.type("Vi möttes nära mitten.");
  await page.keyboard.press("Tab");
  const save = page.locator("#save-6").getByRole("button", { name: /^Spara/ });
  await expect(save).toHaveAccessibleName(/^Spara ?: 6: överenskomna poäng och skäl$/);
  await expectVisibleFocus(save);
  await page.keyboard.press("Enter");
  await expect(page.locator("#save-6").getByRole("status")).toHaveText("Sparat");
  // Saving in place leaves the focus where it was.
  await expect(save).toBeFocused();

  await page.reload();
  await expect(page.locator("#points-6")).toHaveValue("59");
  await expect(page.locator("#reason-6")).toHaveValue("Vi möttes nära mitten.");
});

test("autosave: a text saves as you type, without the Save button", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "eva@kompass.example");
  await page.goto("/arbetsyta/2/texter");
  await waitForHydration(page);
  const text = `Besöket gjordes 13–14 oktober 2026 (autosparat ${Date.now()}).`;
  const form = page.locator("#text-summary-evaluation");
  const field = page.locator("#field-summary-evaluation");
  await field.fill(text);
  await expect(form.getByRole("status")).toHaveText("Inte sparat");
  await expect(form.getByRole("status")).toHaveText("Sparat");
  // Still in the field: the save happened while typing paused.
  await expect(field).toBeFocused();

  await page.reload();
  await expect(page.locator("#field-summary-evaluation")).toHaveValue(text);
  await context.close();
});

test("conflict: the second to save sees both versions and chooses; nothing is overwritten before", async ({ browser }) => {
  const eva = await signedIn(browser, "eva@kompass.example");
  const per = await signedIn(browser, "per@kompass.example");
  const admin = await signedIn(browser, "admin@kompass.example");
  for (const { page } of [eva, per]) {
    await page.goto("/arbetsyta/2/texter");
    await waitForHydration(page);
  }
  const stamp = Date.now();
  const evasText = `Evas sammanfattning ${stamp}.`;
  const persText = `Pers sammanfattning ${stamp}.`;

  await eva.page.locator("#field-summary-evaluation").fill(evasText);
  await expect(eva.page.locator("#text-summary-evaluation").getByRole("status")).toHaveText("Sparat");

  // Per's page still holds the version from before Eva saved.
  await per.page.locator("#field-summary-evaluation").fill(persText);
  const conflict = per.page.locator("section.conflict-choice");
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Någon annan har sparat en ändring sedan du öppnade sidan.");
  await expect(conflict.getByRole("region", { name: "Din version" })).toContainText(persText);
  await expect(conflict.getByRole("region", { name: "Sparad version" })).toContainText(evasText);
  // The keyboard focus moves to the choice, and the field waits for it.
  await expect(conflict.getByRole("heading", { name: "När, vilka och hur många intervjuer" })).toBeFocused();
  await expect(per.page.locator("#field-summary-evaluation")).toBeDisabled();
  await expect(per.page.locator("#text-summary-evaluation").getByRole("status")).toHaveText("Inte sparat");

  // Until Per chooses, Eva's text is what is stored.
  const readOnly = await admin.context.newPage();
  await readOnly.goto("/arbetsyta/2/texter");
  await expect(readOnly.locator("#text-summary-evaluation")).toContainText(evasText);
  await expect(readOnly.locator("main")).not.toContainText(persText);

  await conflict.getByRole("button", { name: "Spara min version" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(per.page.locator("#text-summary-evaluation").getByRole("status")).toHaveText("Sparat");
  await expect(per.page.locator("#field-summary-evaluation")).toHaveValue(persText);
  await expect(per.page.locator("#field-summary-evaluation")).toBeFocused();

  await readOnly.reload();
  await expect(readOnly.locator("#text-summary-evaluation")).toContainText(persText);

  // The log shows both saves: Eva's, then Per's over it, chosen knowingly.
  await readOnly.goto("/arbetsyta/2/logg");
  const rows = readOnly.locator("tbody tr");
  const evasRow = rows.filter({ hasText: "Eva Ek" }).filter({ hasText: evasText }).filter({ hasNotText: persText });
  const persRow = rows.filter({ hasText: "Per Lind" }).filter({ hasText: persText });
  await expect(evasRow).toHaveCount(1);
  await expect(persRow).toHaveCount(1);
  await expect(persRow.locator("td").nth(4)).toHaveText(`Före: ${evasText} → Efter: ${persText}`);

  for (const session of [eva, per, admin]) await session.context.close();
});

test("conflict: keeping the saved version puts it in the field and the focus back there", async ({ browser }) => {
  const eva = await signedIn(browser, "eva@kompass.example");
  const per = await signedIn(browser, "per@kompass.example");
  for (const { page } of [eva, per]) {
    await page.goto("/arbetsyta/2/texter");
    await waitForHydration(page);
  }
  const stamp = Date.now();
  const evasText = `Eva om område 1 (${stamp}).`;
  await eva.page.locator("#field-area-1-general").fill(evasText);
  await expect(eva.page.locator("#text-area-1-general").getByRole("status")).toHaveText("Sparat");

  await per.page.locator("#field-area-1-general").fill(`Per om område 1 (${stamp}).`);
  const conflict = per.page.locator("#text-area-1-general section.conflict-choice");
  await expect(conflict.getByRole("region", { name: "Sparad version" })).toContainText(evasText);
  await conflict.getByRole("button", { name: "Behåll den sparade versionen" }).click();
  await expect(conflict).toHaveCount(0);
  const field = per.page.locator("#field-area-1-general");
  await expect(field).toHaveValue(evasText);
  await expect(field).toBeFocused();
  await expect(per.page.locator("#text-area-1-general").getByRole("status")).toHaveText("Sparat");

  // Per's later edits build on the saved version: no new conflict.
  await field.press("End");
  await per.page.keyboard.type(" Per instämmer.");
  await expect(per.page.locator("#text-area-1-general").getByRole("status")).toHaveText("Sparat");
  await eva.page.reload();
  await expect(eva.page.locator("#field-area-1-general")).toHaveValue(`${evasText} Per instämmer.`);
  for (const session of [eva, per]) await session.context.close();
});

test("bad input on /samsyn: a clear message, and the stored points stay", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "eva@kompass.example");
  const before = await storedPoints(context, "4");
  await page.goto("/arbetsyta/2/samsyn");
  await waitForHydration(page);
  const form = page.locator("#save-4");
  const points = page.locator("#points-4");

  // Saved as you type: the problem shows, but the focus stays in the field and typing goes on.
  await points.click();
  await page.keyboard.type("ab");
  const message = form.getByRole("link", { name: "Poängen för 4 måste vara ett tal, med komma eller punkt, till exempel 12,5." });
  await expect(message).toBeVisible();
  await expect(message).toHaveAttribute("href", "#points-4");
  await expect(form.getByRole("heading", { name: "Det gick inte att spara" })).toBeVisible();
  await expect(points).toBeFocused();
  await page.keyboard.type("c");
  await expect(points).toHaveValue("abc");
  // A screen reader hears the problem in the save status.
  await expect(form.getByRole("status")).toHaveText(
    "Inte sparat: Poängen för 4 måste vara ett tal, med komma eller punkt, till exempel 12,5.",
  );
  expect(await storedPoints(context, "4")).toBe(before);

  await points.fill("150");
  await form.getByRole("button", { name: /^Spara/ }).click();
  await expect(form.getByRole("link", { name: "Poängen för 4 måste vara ett tal mellan 0 och 100." })).toBeVisible();
  await expect(message).toHaveCount(0);
  await expect(form.getByRole("status")).toHaveText("Inte sparat: Poängen för 4 måste vara ett tal mellan 0 och 100.");
  expect(await storedPoints(context, "4")).toBe(before);

  // The message's link takes the focus to the field.
  await form.getByRole("link", { name: "Poängen för 4 måste vara ett tal mellan 0 och 100." }).click();
  await expect(points).toBeFocused();
  await context.close();
});

test("a forged form: eva's cookies but no CSRF token → 403, nothing changed", async ({ browser, request }) => {
  const { context, page } = await signedIn(browser, "eva@kompass.example");
  const before = await storedPoints(context, "5");
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const form = { intent: "agree", itemId: "5", points: "12", reason: "Förfalskat formulär.", version: "0" };

  const missing = await request.post("/arbetsyta/2/samsyn", { headers: { Cookie: cookie }, form, maxRedirects: 0 });
  expect(missing.status()).toBe(403);
  expect(await missing.text()).toContain("säkerhetskod saknas");
  const wrong = await request.post("/arbetsyta/2/samsyn", {
    headers: { Cookie: cookie },
    form: { ...form, _csrf: "x".repeat(43) },
    maxRedirects: 0,
  });
  expect(wrong.status()).toBe(403);

  expect(await storedPoints(context, "5")).toBe(before);
  await page.goto("/arbetsyta/2/logg");
  await expect(page.locator("main")).not.toContainText("Förfalskat formulär.");

  // The same request with the page's token is accepted: it was the token that was missing.
  await page.goto("/arbetsyta/2/samsyn");
  const token = await page.locator('#save-5 input[name="_csrf"]').inputValue();
  const genuine = await request.post("/arbetsyta/2/samsyn", {
    headers: { Cookie: cookie },
    form: { ...form, _csrf: token, reason: "Äkta formulär." },
    maxRedirects: 0,
  });
  expect(genuine.status()).toBe(302);
  expect(await storedPoints(context, "5")).toBe("12");
  await context.close();
});
