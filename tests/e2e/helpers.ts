import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page } from "@playwright/test";

/** The WCAG 2.1 A and AA rules: what the public sector must meet (DOS-lagen, EN 301 549). */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

/** One readable block per violation: rule id, impact, help text and the offending nodes. */
export function formatViolations(violations: AxeResults["violations"]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map(
          (n) => `    - ${n.target.join(" ")}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`,
        )
        .join("\n");
      return `[${v.impact ?? "?"}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join("\n\n");
}

/** Runs axe on the page as it is now and fails with a readable list when anything violates. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(
    results.violations,
    `axe found ${results.violations.length} WCAG 2.1 A/AA violation(s) on ${page.url()}:\n\n${formatViolations(results.violations)}\n`,
  ).toEqual([]);
}

/**
 * Waits until React has hydrated the page (hydrated DOM nodes carry React's fiber keys), or the
 * page has loaded when it ships no scripts. When it
 * does not, says why if the cause is missing build assets: the server holds the build it started
 * with, so a `npm run build` during the run replaces build/client/assets under it.
 */
export async function waitForHydration(page: Page, timeout = 15_000): Promise<void> {
  try {
    await page.waitForFunction(
      () => {
        // A page without an interactive part ships no scripts (handle.hydrate, app/root.tsx): it is ready as loaded.
        if (document.readyState === "complete" && document.querySelector("script[type=module]") === null) return true;
        const main = document.querySelector("main");
        return main !== null && Object.keys(main).some((key) => key.startsWith("__reactFiber"));
      },
      undefined,
      { timeout },
    );
  } catch (error) {
    const missing = await page
      .evaluate(() =>
        (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
          .filter((entry) => entry.name.includes("/assets/") && (entry.responseStatus ?? 0) >= 400)
          .map((entry) => `${entry.responseStatus} ${entry.name}`),
      )
      .catch(() => [] as string[]);
    if (missing.length > 0) {
      throw new Error(
        `The page did not hydrate: its build assets are missing (was build/ rebuilt while the test server ran?):\n${missing.join("\n")}`,
      );
    }
    throw error;
  }
}

/**
 * How many municipalities the journeys' database lists: the 290 real ones and the e2e fixture's
 * three fictional ones (Fiktiva Testköping, Provstad, Exempelby: tests/support/e2eFixture.ts).
 */
export const MUNICIPALITY_COUNT = 293;

/** The demo accounts' password (reference/demo/workspace.json). */
export const DEMO_PASSWORD = "kompass-demo-2026";

/** Signs in through the form, with JavaScript, and lands on the workspace. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/logga-in");
  await waitForHydration(page);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(/\/arbetsyta$/);
}

/**
 * The published results the journeys' database holds as /resultat lists them, latest first: the
 * demo's nineteen (reference/demo: Örebro's three and the real published results of nine other
 * municipalities, with their sources) and the e2e fixture's Fiktiva Testköping 2017
 * (tests/support/e2eFixture.ts; synthetic points, 480, dated by its visit in March 2017).
 */
export const DEMO_RESULTS_LATEST_FIRST = {
  years: [
    "2023",
    "2021",
    "2020",
    "2019",
    "2018",
    "2017",
    "2017",
    "2016",
    "2016",
    "2015",
    "2015",
    "2014",
    "2014",
    "2014",
    "2013",
    "2012",
    "2011",
    "2011",
    "2010",
    "2010",
  ],
  totals: [
    "679",
    "648",
    "611",
    "603",
    "519",
    "555",
    "480",
    "497",
    "496",
    "536",
    "650",
    "450",
    "509",
    "437",
    "426",
    "615",
    "415",
    "644",
    "452",
    "515",
  ],
};

/** A new browser context with or without JavaScript, signed in through the form as `email`. */
export async function signedInAs(browser: Browser, email: string, javaScript: boolean): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
  await page.goto("/logga-in");
  if (javaScript) await waitForHydration(page);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(/\/arbetsyta$/);
  return page;
}

/**
 * axe at 1280 and 375 px on the page `page` shows now, read by a browser with JavaScript (axe
 * runs as a script, so it cannot run in a page without) signed in as the same user.
 */
export async function expectNoAxeViolationsAtBothWidths(page: Page): Promise<void> {
  const context = await page
    .context()
    .browser()!
    .newContext({ storageState: await page.context().storageState() });
  const reader = await context.newPage();
  await reader.goto(page.url());
  await waitForHydration(reader);
  for (const width of [1280, 375]) {
    await reader.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(reader);
  }
  await context.close();
}
