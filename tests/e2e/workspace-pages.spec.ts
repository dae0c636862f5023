import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectNoAxeViolations, signIn, waitForHydration } from "./helpers.ts";

// Every page of the workspace, for every role that can reach it, with JavaScript: axe finds no
// WCAG 2.1 A/AA violation, on the pages themselves and on the 403/404 pages a role meets instead.
// Demo data: evaluation 1 is Örebro 2012 (published; its team has no login, its contact is
// kontakt.orebro), evaluation 2 is Övningsköping 2026 (the practice case) in agreement (eva and per; kontakt.ovningskoping).
const PASSWORD = DEMO_PASSWORD;
const PARTS = ["", "/underlag", "/poang", "/samsyn", "/texter", "/logg", "/versioner", "/rapport"] as const;
type Part = (typeof PARTS)[number];
type Status = 200 | 403 | 404;

const all = (status: Status): Record<Part, Status> => Object.fromEntries(PARTS.map((part) => [part, status])) as Record<Part, Status>;
/** A municipality's contact: overview and documents; the report once it is published. */
const contactOf = (published: boolean): Record<Part, Status> => ({
  "": 200,
  "/underlag": 200,
  "/poang": 403,
  "/samsyn": 403,
  "/texter": published ? 200 : 403,
  "/logg": 403,
  "/versioner": published ? 200 : 403,
  "/rapport": published ? 200 : 403,
});

const roles: { email: string; admin: boolean; evaluations: Record<1 | 2, Record<Part, Status>> }[] = [
  { email: "admin@kompass.example", admin: true, evaluations: { 1: all(200), 2: all(200) } },
  { email: "eva@kompass.example", admin: false, evaluations: { 1: all(404), 2: all(200) } },
  { email: "kontakt.ovningskoping@kompass.example", admin: false, evaluations: { 1: all(404), 2: contactOf(false) } },
  { email: "kontakt.orebro@kompass.example", admin: false, evaluations: { 1: contactOf(true), 2: all(404) } },
];

const headingFor: Record<Status, RegExp> = { 200: /./, 403: /^Något gick fel$/, 404: /^Sidan finns inte$/ };

async function signedInContext(browser: Browser, email: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signIn(await context.newPage(), email);
  return context;
}

/** Opens a page, checks its status and heading, waits for React and runs axe. */
async function checkPage(page: Page, path: string, status: Status) {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(status);
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headingFor[status]);
  await waitForHydration(page);
  await expectNoAxeViolations(page);
}

test.describe("signed out", () => {
  test("/logga-in has no violations", async ({ page }) => {
    await checkPage(page, "/logga-in", 200);
  });

  test("/logga-in after a wrong password has no violations", async ({ page }) => {
    await page.goto("/logga-in");
    await waitForHydration(page);
    await page.getByLabel("E-postadress").fill("eva@kompass.example");
    await page.getByLabel("Lösenord").fill("fel-lösenord-123");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page.getByRole("alert")).toHaveText("Fel e-postadress eller lösenord.");
    await expect(page.getByLabel("E-postadress")).toHaveAttribute("aria-describedby", "sign-in-error");
    await expectNoAxeViolations(page);
  });

  test("/losenord/ogiltig-lank has no violations", async ({ page }) => {
    await checkPage(page, "/losenord/ogiltig-lank", 200);
    await expect(page.getByText("Länken är ogiltig")).toBeVisible();
  });

  test("/arbetsyta sends to the sign-in page, which has no violations", async ({ page }) => {
    await page.goto("/arbetsyta/2/samsyn");
    await expect(page).toHaveURL("/logga-in?tillbaka=%2Farbetsyta%2F2%2Fsamsyn");
    await waitForHydration(page);
    await expectNoAxeViolations(page);
  });
});

for (const role of roles) {
  test.describe(role.email, () => {
    let context: BrowserContext;
    test.beforeAll(async ({ browser }) => {
      context = await signedInContext(browser, role.email);
    });
    test.afterAll(async () => {
      await context.close();
    });

    const own: [string, Status][] = [
      ["/arbetsyta", 200],
      ["/arbetsyta/ny", role.admin ? 200 : 403],
      ["/admin/anvandare", role.admin ? 200 : 403],
    ];
    for (const id of [1, 2] as const) for (const part of PARTS) own.push([`/arbetsyta/${id}${part}`, role.evaluations[id][part]]);

    for (const [path, status] of own) {
      test(`${path} (${status}) has no violations`, async () => {
        const page = await context.newPage();
        try {
          await checkPage(page, path, status);
        } finally {
          await page.close();
        }
      });
    }
  });
}

test.describe("forms showing problems", () => {
  test("/arbetsyta/2/samsyn with points above the maximum has no violations", async ({ browser }) => {
    const context = await signedInContext(browser, "eva@kompass.example");
    const page = await context.newPage();
    await page.goto("/arbetsyta/2/samsyn");
    await waitForHydration(page);
    const points = page.locator("#points-1");
    await points.fill("1000");
    await page
      .locator("#save-1")
      .getByRole("button", { name: /^Spara/ })
      .click();
    await expect(page.locator("#save-1").getByRole("link", { name: /^Poängen för 1 måste vara ett tal mellan 0 och/ })).toHaveAttribute(
      "href",
      "#points-1",
    );
    // After the Save button, Designsystemet's error summary takes the focus.
    await expect(page.locator("#save-1 ds-error-summary")).toBeFocused();
    await expect(page.locator("#save-1").getByRole("status")).toHaveText(/^Inte sparat/);
    await expectNoAxeViolations(page);
    await context.close();
  });

  test("/arbetsyta/2/samsyn as served without JavaScript, points above the maximum: no violations", async ({ browser }) => {
    // axe needs JavaScript, so the app's own scripts are kept out instead: the forms post as plain
    // HTML forms and the answer is the page the server renders.
    const context = await browser.newContext();
    await context.route(/\/assets\/.*\.js$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto("/logga-in");
    await page.getByLabel("E-postadress").fill("eva@kompass.example");
    await page.getByLabel("Lösenord").fill(PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page).toHaveURL(/\/arbetsyta$/);
    await page.goto("/arbetsyta/2/samsyn");
    await page.locator("#points-1").fill("1000");
    const response = page.waitForResponse((r) => r.request().method() === "POST");
    await page
      .locator("#save-1")
      .getByRole("button", { name: /^Spara/ })
      .click();
    expect((await response).status()).toBe(400);
    await expect(page.locator("#points-1")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#points-1-error")).toHaveText(/^Poängen för 1 måste vara ett tal mellan 0 och/);
    await expect(page.locator("main").getByRole("link", { name: /^Poängen för 1 måste vara ett tal mellan 0 och/ })).toHaveAttribute(
      "href",
      "#points-1",
    );
    await expectNoAxeViolations(page);
    await context.close();
  });
  test("/arbetsyta/ny with a missing municipality and a bad year has no violations", async ({ browser }) => {
    const context = await signedInContext(browser, "admin@kompass.example");
    const page = await context.newPage();
    await page.goto("/arbetsyta/ny");
    await waitForHydration(page);
    await page.getByLabel("År").fill("tjugo");
    // Past the browser's own checks, so that the server's answer shows.
    await page.locator("main form").evaluate((form: HTMLFormElement) => (form.noValidate = true));
    await page.getByRole("button", { name: "Skapa utvärderingen" }).click();
    await expect(page.getByRole("heading", { name: "Det gick inte att spara" })).toBeVisible();
    await expect(page).toHaveURL("/arbetsyta/ny");
    await expectNoAxeViolations(page);
    await context.close();
  });

  test("/arbetsyta/2/underlag with a bad link has no violations", async ({ browser }) => {
    const context = await signedInContext(browser, "eva@kompass.example");
    const page = await context.newPage();
    await page.goto("/arbetsyta/2/underlag");
    await waitForHydration(page);
    await page.locator("#link-title").fill("Kommunens webbplats");
    await page.locator("#link-url").fill("inte en länk");
    await page
      .locator("form")
      .filter({ has: page.locator("#link-url") })
      .evaluate((form: HTMLFormElement) => (form.noValidate = true));
    await page.getByRole("button", { name: "Lägg till länken" }).click();
    await expect(page.locator("#link-url")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#link-url-error")).toBeVisible();
    await expect(page.locator("#link-url")).toHaveValue("inte en länk");
    await expectNoAxeViolations(page);
    await context.close();
  });
});
