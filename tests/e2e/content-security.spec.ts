import { expect, test, type Page } from "@playwright/test";
import { waitForHydration } from "./helpers.ts";

// Issue 11, finding 4: the Content Security Policy blocks nothing of ours (React Router's inline
// scripts carry the page's nonce, so pages hydrate), and no site can frame our pages.
const PASSWORD = "kompass-demo-2026";

function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

for (const path of ["/", "/kommun/1880-orebro/2012", "/rankning", "/sok?q=styrning", "/logga-in", "/rapport/1"]) {
  test(`${path}: hydrates with no Content Security Policy violation`, async ({ page }) => {
    const violations = watchViolations(page);
    const response = await page.goto(path);
    expect(response!.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
    await waitForHydration(page);
    expect(violations).toEqual([]);
  });
}

test("signed in, the workspace hydrates with no violation", async ({ page }) => {
  const violations = watchViolations(page);
  await page.goto("/logga-in");
  await waitForHydration(page);
  await page.getByLabel("E-postadress").fill("eva@kompass.example");
  await page.getByLabel("Lösenord").fill(PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL("**/arbetsyta");
  await page.goto("/arbetsyta/2/texter");
  await waitForHydration(page);
  expect(violations).toEqual([]);
});

test("another site cannot frame a page", async ({ page, baseURL }) => {
  const blocked: string[] = [];
  page.on("console", (message) => blocked.push(message.text()));
  await page.setContent(`<iframe src="${baseURL}/logga-in" title="framed"></iframe>`);
  await page.waitForTimeout(1500);
  const frame = page.frames().find((f) => f.url().includes("/logga-in"));
  // Chromium refuses to show it: the frame stays empty (or never navigates) and says why.
  const heading = frame
    ? await frame
        .locator("h1")
        .count()
        .catch(() => 0)
    : 0;
  expect(heading).toBe(0);
  expect(blocked.join("\n")).toMatch(/frame-ancestors|X-Frame-Options|refused to connect|Refused to display/i);
});
