import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, waitForHydration } from "./helpers.ts";

// The evaluation and report pages' charts and comparison (issue 12): a chart laid out for a phone
// below 600 px with text of at least 12 px, an average only of three or more evaluations, and
// Swedish content marked as Swedish on an English page.

interface ShownChart {
  name: string;
  width: number;
  /** The smallest text as drawn on the screen, in CSS pixels. */
  smallestText: number;
}

/** The charts a reader sees now (the hidden layout left out), with their smallest drawn text. */
function shownCharts(page: Page): Promise<ShownChart[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>("svg[role=img]")]
      .filter((svg) => svg.getBoundingClientRect().width > 0)
      .map((svg) => {
        const viewBox = svg.viewBox.baseVal;
        const scale = svg.getBoundingClientRect().width / (viewBox?.width || svg.width.baseVal.value);
        const sizes = [...svg.querySelectorAll("text")].map((t) => Number.parseFloat(getComputedStyle(t).fontSize));
        return {
          name: svg.querySelector("title")?.textContent ?? "",
          width: svg.getBoundingClientRect().width,
          smallestText: Math.min(...sizes) * scale,
        };
      }),
  );
}

const CHART_PAGES = [
  { path: "/kommun/1880-orebro/2012", charts: 1 },
  { path: "/kommun/1880-orebro", charts: 1 },
  { path: "/rapport/1", charts: 2 },
];

for (const width of [320, 375]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });
    for (const { path, charts } of CHART_PAGES) {
      test(`${path}: each chart once, in its phone layout, with no text under 12 px`, async ({ page }) => {
        await page.goto(path);
        const shown = await shownCharts(page);
        expect(shown).toHaveLength(charts);
        for (const chart of shown) {
          expect(chart.smallestText, chart.name).toBeGreaterThanOrEqual(12);
          expect(chart.width, chart.name).toBeLessThanOrEqual(width);
        }
        // The wide layout is there but display: none, so it is neither seen nor read.
        for (const wide of await page.locator(".chart-svg--wide, .kk-chart-wide").all()) await expect(wide).toBeHidden();
      });
    }
  });
}

test("at 1280 px the wide layout is shown, the phone's is hidden", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/kommun/1880-orebro/2012");
  const [chart] = await shownCharts(page);
  expect(chart!.width).toBeGreaterThan(600);
  await expect(page.locator(".chart-svg--narrow")).toBeHidden();
  await expect(page.getByRole("img", { name: /^Profil: Örebro 2012/ })).toHaveCount(1);
});

test("Örebro 2012's profile is drawn without an average of one evaluation, and says why", async ({ page }) => {
  await page.goto("/kommun/1880-orebro/2012");
  await expect(
    page.getByText(
      "Profilen visas utan medelvärde. Före denna fanns bara en utvärdering av en annan kommun med version 2010 och poäng per område (Karlskrona 2011), och ett medelvärde visas först när minst 3 finns.",
    ),
  ).toBeVisible();
  await expect(page.getByText("Medelvärde, 1 utvärdering")).toHaveCount(0);
  await expect(page.getByRole("img", { name: /Örebro 2012/ }).locator("desc")).not.toContainText("/");
});

test.describe("in English", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.addCookies([{ name: "kompass_lang", value: "en", url: baseURL! }]);
  });

  /** The language an element is in: its nearest lang attribute. */
  const langOf = (page: Page, selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => el.closest("[lang]")?.getAttribute("lang") ?? null);

  test("the evaluation page marks the instrument's names and the evaluators' texts as Swedish", async ({ page }) => {
    await page.goto("/kommun/1880-orebro/2012");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 2, name: "Points per area" })).toBeVisible();
    expect(await langOf(page, ".evaluation-areas .area-row th")).toBe("sv");
    expect(await langOf(page, ".evaluation-areas .subarea-cell")).toBe("sv");
    expect(await langOf(page, "#omrade-1-styrka-1")).toBe("sv");
    expect(await langOf(page, "#omrade-1-allmant-1")).toBe("sv");
    expect(await langOf(page, "#omrade-1-gott-exempel-1 span")).toBe("sv");
    expect(await langOf(page, "#bedomning-1 span")).toBe("sv");
    // The page's own words stay English.
    expect(await langOf(page, "#bedomning")).toBe("en");
    expect(await langOf(page, ".profile-comparison")).toBe("en");
    await waitForHydration(page);
    await expectNoAxeViolations(page);
  });

  test("the report page's report is Swedish, its page around it English", async ({ page }) => {
    await page.goto("/rapport/1");
    expect(await langOf(page, "article.kk-report")).toBe("sv");
    expect(await langOf(page, ".report-comparison")).toBe("en");
    await expect(page.locator(".report-comparison")).toContainText("This is the published comparison");
  });
});
