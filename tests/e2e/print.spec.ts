import { expect, test, type Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { waitForHydration } from "./helpers.ts";

// Printing the public pages (app/styles/print.css): Chromium's own print to PDF, as a reader's
// "Print → Save as PDF" makes it. The evaluation page fits four A4 sheets; on paper there is no
// navigation, skip link, language switch, form or download line, and the last line names the
// page's address and the day it was printed (app/components/PrintFooter.tsx).

/** Today as the page prints it (sv-SE, "6 december 2026"), in the browser's own time zone. */
const todayText = (page: Page) =>
  page.evaluate(() =>
    new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(new Date().getFullYear(), new Date().getMonth(), new Date().getDate())),
    ),
  );

test("the Örebro 2012 evaluation page prints on at most four A4 sheets", async ({ page }) => {
  await page.goto("/kommun/1880-orebro/2012");
  await waitForHydration(page);
  const pdf = await page.pdf({ format: "A4" });
  const sheets = (await PDFDocument.load(pdf)).getPageCount();
  console.log(`/kommun/1880-orebro/2012 prints on ${sheets} A4 sheets`);
  expect(sheets).toBeLessThanOrEqual(4);
  // The sub-areas' texts are left out on paper, for the full report's address.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText("Delområdenas texter och hela analysrapporten: http", { exact: false })).toBeVisible();
});

const PUBLIC_PAGES = ["/kommun/1880-orebro/2012", "/rapport/1", "/kommun/1880-orebro", "/rankning", "/sok?q=medborgardialog", "/"];

for (const path of PUBLIC_PAGES) {
  test(`${path} prints without navigation or controls, and ends with its address and today's date`, async ({ page }) => {
    await page.goto(path);
    await waitForHydration(page);
    const footer = page.locator(".print-footer");
    // On screen the line is not there (not seen, not read).
    await expect(footer).toBeHidden();

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toBeHidden();
    await expect(page.getByRole("link", { name: "Hoppa till innehållet" })).toBeHidden();
    await expect(page.getByRole("link", { name: "In English" })).toBeHidden();
    for (const selector of ["main form", "main button", ".table-downloads", ".report-downloads", ".page-links", ".site-footer"]) {
      for (const element of await page.locator(selector).all()) await expect(element, selector).toBeHidden();
    }
    // Charts on paper are the wide ones.
    for (const narrow of await page.locator(".chart-svg--narrow, .kk-chart-narrow").all()) await expect(narrow).toBeHidden();

    await expect(footer).toBeVisible();
    const text = (await footer.textContent()) ?? "";
    const escaped = path.replace(/[?]/g, "\\?");
    expect(text).toMatch(new RegExp(`^Utskrift av https?://[^/\\s]+${escaped} den \\d{1,2} \\p{L}+ \\d{4}$`, "u"));
    expect(text.endsWith(`den ${await todayText(page)}`)).toBe(true);
  });
}

test("in English the printed line is English", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "kompass_lang", value: "en", url: baseURL! }]);
  await page.goto("/kommun/1880-orebro/2012");
  await waitForHydration(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".print-footer")).toHaveText(
    /^Printed from https?:\/\/[^/\s]+\/kommun\/1880-orebro\/2012 on \d{1,2} \p{L}+ \d{4}$/u,
  );
});

// A page without scripts (/rankning, app/root.tsx) may come from the page cache days after it was
// rendered: its one inline script puts the reader's today in the line before printing.
for (const [path, expected] of [
  ["/rankning", /^Utskrift av https?:\/\/[^/\s]+\/rankning den 1 mars 2030$/u],
  ["/kommun/1880-orebro?lang=en", /^Printed from https?:\/\/[^/\s]+\/kommun\/1880-orebro\?lang=en on 1 March 2030$/u],
] as const) {
  test(`${path} without scripts prints the reader's today, not the day it was rendered`, async ({ page }) => {
    await page.clock.setFixedTime(new Date(2030, 2, 1, 12));
    await page.goto(path);
    expect(await page.locator("script[type=module]").count()).toBe(0);
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".print-footer")).toHaveText(expected);
  });
}
