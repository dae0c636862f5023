import AxeBuilder from "@axe-core/playwright";
import { test } from "@playwright/test";
import { formatViolations } from "./helpers.ts";
for (const path of ["/", "/kommuner", "/kommuner/1880", "/finns-inte", "/kommuner/9999", "/?instrument=2016"]) {
  test(`probe ${path}`, async ({ page }) => {
    const msgs: string[] = [];
    page.on("console", (m) => msgs.push(`${m.type()}: ${m.text()}`));
    page.on("response", (r) => { if (r.status() >= 400) msgs.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`); });
    page.on("pageerror", (e) => msgs.push(`pageerror: ${e.message}`));
    await page.goto(path);
    await page.waitForTimeout(1500);
    const r = await new AxeBuilder({ page }).analyze();
    console.log(`=== ${path}\nVIOLATIONS (all tags):\n${formatViolations(r.violations)}\nINCOMPLETE:\n${formatViolations(r.incomplete)}\nCONSOLE:\n${msgs.join("\n")}`);
  });
}
