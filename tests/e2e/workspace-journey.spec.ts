import { expect, test } from "@playwright/test";
import { signedInAs } from "./helpers.ts";
import { moveTo, scoreAll } from "./steps.ts";

// The whole path of issue 3, in Chromium without JavaScript (every step must work as plain
// forms): an administrator plans an evaluation, the municipality's contact hands in a document,
// two evaluators score alone, agree, write, and the administrator publishes; the result then
// appears in the open API. An outsider is refused at every step before that. The points are the
// test's own, so the municipality is the fictional Testköping (tests/support/e2eFixture.ts).
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

test("an evaluation from plan to publication, with outsiders refused throughout", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const admin = await signedInAs(browser, "admin@kompass.example", false);
  const eva = await signedInAs(browser, "eva@kompass.example", false);
  const per = await signedInAs(browser, "per@kompass.example", false);
  const contact = await signedInAs(browser, "kontakt.testkoping@kompass.example", false);
  const outsider = await signedInAs(browser, "kontakt.orebro@kompass.example", false);

  const published = async () =>
    ((await (await request.get("/api/v1/municipalities/9901/results")).json()) as { year: number; total: number }[]).find(
      (r) => r.year === 2019,
    );
  const outsiderRefused = async (id: string) => {
    for (const part of ["", "/underlag", "/poang", "/samsyn", "/texter"]) {
      expect((await outsider.goto(`/arbetsyta/${id}${part}`))!.status(), `outsider on ${part || "overview"}`).toBe(404);
    }
    expect(await published()).toBeUndefined();
  };

  // 1. The administrator plans it.
  await admin.goto("/arbetsyta/ny");
  await admin.getByLabel("Kommun", { exact: true }).fill("testkoping");
  // Without JavaScript the municipality is chosen first; the page then offers its contacts.
  await admin.getByRole("button", { name: "Välj kommun" }).click();
  await expect(admin.getByLabel("Kommun", { exact: true })).toHaveValue("Fiktiva Testköping");
  await admin.getByLabel("Version").selectOption("2016");
  await admin.getByLabel("År").fill("2019");
  await admin.getByLabel("Besöket börjar").fill("2019-04-09");
  await admin.getByLabel("Besöket slutar").fill("2019-04-10");
  await admin.getByLabel("Eva Ek, SKR").check();
  await admin.getByLabel("Per Lind, Västerås stad").check();
  await admin.getByLabel("Tea Testsson (Fiktiva Testköping)").check();
  await admin.getByRole("button", { name: "Skapa utvärderingen" }).click();
  await expect(admin).toHaveURL(/\/arbetsyta\/\d+$/);
  const id = admin.url().split("/").pop()!;
  await outsiderRefused(id);
  await moveTo(admin, id, "Förberedelse");

  // 2. The contact hands in a document.
  await contact.goto(`/arbetsyta/${id}/underlag`);
  await contact.locator("#upload-file").setInputFiles({ name: "styrmodell.pdf", mimeType: "application/pdf", buffer: PDF });
  await contact.locator("#upload-title").fill("Styrmodell 2019");
  await contact.getByRole("button", { name: "Lämna in dokumentet" }).click();
  await expect(contact.locator("main")).toContainText("Styrmodell 2019");
  await outsiderRefused(id);

  // 3. The evaluators visit and interview.
  await moveTo(eva, id, "Besök");
  await eva.goto(`/arbetsyta/${id}/underlag`);
  await eva.locator("#interview-add-title").fill("Kommunstyrelsens arbetsutskott");
  await eva.getByRole("button", { name: "Lägg till intervjun" }).click();
  await expect(eva.locator("main")).toContainText("Kommunstyrelsens arbetsutskott");
  await moveTo(eva, id, "Poängsättning");

  // 4. Each scores alone (eight areas in the 2016 version), then hands in.
  await scoreAll(eva, id, ["60", "70", "55", "48", "66", "58", "61", "57"]);
  // Per has not handed in: Eva sees her own points only in the agreement view until he does.
  await scoreAll(per, id, ["58", "71", "68", "47", "52", "60", "61", "49,5"]);
  await outsiderRefused(id);

  // 5. They agree, largest differences first.
  await moveTo(eva, id, "Samsyn");
  await eva.goto(`/arbetsyta/${id}/samsyn`);
  for (const [item, value] of Object.entries({
    "1": "59",
    "2": "70.5",
    "3": "62",
    "4": "47.5",
    "5": "60",
    "6": "59",
    "7": "61",
    "8": "53",
  })) {
    await eva.locator(`#points-${item}`).fill(value);
    await eva.locator(`#reason-${item}`).fill("Vi möttes efter samtal.");
    await eva
      .locator("form")
      .filter({ has: eva.locator(`#points-${item}`) })
      .locator('button[type="submit"]')
      .first()
      .click();
  }

  // 6. They write the summary, then hand it to review.
  await eva.goto(`/arbetsyta/${id}/texter`);
  await eva
    .locator("#field-summary-evaluation")
    .fill("Utvärderingen gjordes i april 2019 av två utvärderare, som intervjuade 30 personer.");
  await eva
    .locator("form")
    .filter({ has: eva.locator("#field-summary-evaluation") })
    .locator('button[type="submit"]')
    .first()
    .click();
  await moveTo(eva, id, "Granskning");
  await outsiderRefused(id);

  // 7. The administrator publishes; the result is public.
  await moveTo(admin, id, "Publicerad");
  // 59 + 70.5 + 62 + 47.5 + 60 + 59 + 61 + 53 = 472
  expect(await published()).toMatchObject({ year: 2019, total: 472, level: "area" });
  expect((await outsider.goto(`/arbetsyta/${id}`))!.status()).toBe(404);
  await admin.goto(`/arbetsyta/${id}/logg`);
  await expect(admin.locator("main")).toContainText("Publicerad");
});
