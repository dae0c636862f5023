import { expect, test } from "@playwright/test";
import { answerItem, colleagueSignsUp, itemButton, planInPreparation } from "./steps.ts";
import { expectNoAxeViolationsAtBothWidths as axeAtBothWidths, signedInAs as signedIn, waitForHydration } from "./helpers.ts";

// The municipality answers its questionnaire (issue 13 §1), with JavaScript off and on: the
// administrator plans an evaluation and moves it to preparation, which sends the questionnaire;
// the contact invites a colleague and gives them an item; both answer; the contact hands in; the
// evaluators read the answers. The evaluation is of the made-up practice municipality Övningsköping,
// which can never be published.

// A step that cannot happen fails within half a minute, not at the end of the whole journey's time.
test.use({ actionTimeout: 30_000 });

for (const javaScript of [false, true]) {
  test(`the municipality answers its questionnaire ${javaScript ? "with" : "without"} JavaScript`, async ({ browser }) => {
    test.setTimeout(400_000);
    const year = javaScript ? 2032 : 2031;
    const { admin, id } = await planInPreparation(browser, {
      municipality: "Övningsköping",
      typed: "övningsköping",
      contactLabel: "Jonas Holm (Övningsköping)",
      year,
    });
    const base = `/arbetsyta/${id}/sjalvvardering`;
    const contact = await signedIn(browser, "kontakt.ovningskoping@kompass.example", javaScript);
    const outsider = await signedIn(browser, "kontakt.orebro@kompass.example", false);
    expect((await outsider.goto(base))!.status()).toBe(404);

    // The contact sees every area's progress and the hand-in date.
    await contact.goto(base);
    if (javaScript) await waitForHydration(contact);
    await expect(contact.locator("main")).toContainText("Totalt: 0 av 8 besvarade");
    await expect(contact.locator("main")).toContainText("Lämnas in senast");
    await axeAtBothWidths(contact);

    // Invites a colleague.
    const name = `Kollega ${year}`;
    const email = `kollega.${year}@kompass.example`;
    await contact.goto(`${base}/kollegor`);
    await contact.getByLabel("Namn").fill(name);
    await contact.getByLabel("E-postadress").fill(email);
    await contact.getByRole("button", { name: "Bjud in" }).click();
    await expect(contact.locator(".questionnaire-colleagues")).toContainText(email);
    await axeAtBothWidths(contact);

    // Gives area 2's item to the colleague and answers area 1's itself.
    await contact.goto(base);
    if (javaScript) await waitForHydration(contact);
    await contact.getByLabel("Vem svarar på fråga 2").selectOption({ label: name });
    await itemButton(contact, "Ge frågan", "2").click();
    await expect(contact.locator("#fraga-2-assignee")).toHaveValue(/.+/);
    await answerItem(contact, "1", "Fullmäktiges handlingar publiceras på webben.", "55,5", javaScript);
    await contact.goto(base);
    await expect(contact.locator("#fraga-1-ownScore")).toHaveValue("55,5");
    await expect(contact.locator("main")).toContainText("Totalt: 1 av 8 besvarade");

    // An own score above the item's max is refused, and what was typed stays.
    // (The score comes first: with JavaScript the text alone would be saved as soon as it is typed.)
    await contact.locator("#fraga-3-ownScore").fill("101");
    await contact.locator("#fraga-3-answer").fill("Ett försök");
    if (javaScript) await expect(contact.locator("#fraga-3 [role=status]")).toHaveText(/^Inte sparat/, { timeout: 10_000 });
    else await itemButton(contact, "Spara", "3").click();
    await expect(contact.locator("main")).toContainText("mellan 0 och 100");
    await expect(contact.locator("#fraga-3-ownScore")).toHaveValue("101");

    // The colleague sees and answers only their item.
    const colleague = await colleagueSignsUp(admin, browser, name, email, javaScript);
    await colleague.goto(base);
    if (javaScript) await waitForHydration(colleague);
    await expect(colleague.locator("article")).toHaveCount(1);
    await answerItem(colleague, "2", "Vi följer upp nämndernas mål varje kvartal.", "60", javaScript);
    await axeAtBothWidths(colleague);

    // The contact hands in: the questionnaire is read-only from then on.
    await contact.goto(base);
    await expect(contact.locator("main")).toContainText("Totalt: 2 av 8 besvarade");
    await contact.getByLabel("Jag vill lämna in självvärderingen nu").check();
    await contact.getByRole("button", { name: "Lämna in", exact: true }).click();
    await expect(contact.locator("main")).toContainText("Självvärderingen är inlämnad");
    await expect(contact.locator("textarea")).toHaveCount(0);
    await axeAtBothWidths(contact);

    // The evaluators read the answers, and may reopen it with a reason.
    const eva = await signedIn(browser, "eva@kompass.example", javaScript);
    await eva.goto(base);
    await expect(eva.locator("main")).toContainText("Vi följer upp nämndernas mål varje kvartal.");
    await expect(eva.locator("main")).toContainText("55,5 / 100");
    await expect(eva.locator("main")).toContainText(`Inlämnad`);
    for (const width of [768, 1024]) {
      await eva.setViewportSize({ width, height: 1024 });
      const overflow = await eva.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `no sideways scrolling at ${width} px`).toBeLessThanOrEqual(0);
    }
    await axeAtBothWidths(eva);
    await eva.getByLabel("Skäl").fill("Område 3 behöver kompletteras.");
    await eva.getByRole("button", { name: "Öppna igen" }).click();
    await expect(eva.locator("main")).toContainText("Öppen för svar");
  });
}
