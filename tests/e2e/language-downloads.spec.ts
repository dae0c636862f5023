import { expect, test, type Page } from "@playwright/test";

/** Every script the page downloads while it loads and hydrates, as text. */
async function scriptsOf(page: Page, path: string): Promise<string[]> {
  const scripts: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith(".js")) scripts.push(response.text());
  });
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  return Promise.all(scripts);
}

test("a Swedish visitor downloads the Swedish messages only, and the page hydrates", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  const scripts = await scriptsOf(page, "/rankning");
  expect(scripts.some((text) => text.includes("Hoppa till innehållet"))).toBe(true);
  expect(scripts.some((text) => text.includes("Skip to content"))).toBe(false);
  // Hydrated: a client-side navigation works and nothing complained (a mismatch logs an error).
  await page.getByRole("link", { name: "Kommuner", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kommuner");
  expect(errors).toEqual([]);
});

test("an English visitor downloads the English messages only", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "kompass_lang", value: "en", url: baseURL! }]);
  const scripts = await scriptsOf(page, "/rankning");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(scripts.some((text) => text.includes("Skip to content"))).toBe(true);
  expect(scripts.some((text) => text.includes("Hoppa till innehållet"))).toBe(false);
});
