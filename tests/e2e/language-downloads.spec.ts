import { readFile } from "node:fs/promises";
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
  // A page with scripts (the comparison's picker): /rankning ships none (app/root.tsx).
  const scripts = await scriptsOf(page, "/jamfor");
  expect(scripts.some((text) => text.includes("Hoppa till innehållet"))).toBe(true);
  expect(scripts.some((text) => text.includes("Skip to content"))).toBe(false);
  // Hydrated: a client-side navigation works and nothing complained (a mismatch logs an error).
  await page.getByRole("link", { name: "Kommuner", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kommuner");
  expect(errors).toEqual([]);
});

test("an English visitor downloads the English messages only", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "kompass_lang", value: "en", url: baseURL! }]);
  const scripts = await scriptsOf(page, "/jamfor");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(scripts.some((text) => text.includes("Skip to content"))).toBe(true);
  expect(scripts.some((text) => text.includes("Hoppa till innehållet"))).toBe(false);
});

test("an English visitor's table download is in English, under an English file name", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "kompass_lang", value: "en", url: baseURL! }]);
  await page.goto("/rankning?instrument=2010&county=18");
  const link = page.getByRole("link", { name: "Download the ranking as CSV", exact: true });
  await expect(link).toHaveAttribute("href", "/ladda-ned/rankings.csv?instrument=2010&county=18");
  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("kommunkompassen-ranking-2010.csv");
  const lines = (await readFile((await download.path())!, "utf8")).split("\r\n");
  expect(lines[0]).toMatch(/^\uFEFFRank,Municipality code,Municipality,Year,Date,Total points,Total published,Change,/);
  expect(lines[1]).toMatch(/^1,1880,Örebro,2015,,650,Yes,35,/);
});
