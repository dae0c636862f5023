import { expect, type Page } from "@playwright/test";

// What a reader on a small screen must be able to read, checked on the page as drawn: shared by
// the phone spec (every public page type) and the journeys.

/** Chart text at 12 px or more, as drawn, wherever a chart shows (phones get the narrow rendering). */
export async function expectReadableChartText(page: Page): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<SVGTextElement>("main svg text")]
      .filter((text) => text.checkVisibility() && text.textContent?.trim())
      .map((text) => {
        const matrix = text.getScreenCTM();
        const scale = matrix ? Math.hypot(matrix.a, matrix.b) : 1;
        return { text: text.textContent ?? "", px: Number.parseFloat(getComputedStyle(text).fontSize) * scale };
      })
      .filter((drawn) => drawn.px < 12)
      .map((drawn) => `${drawn.text} (${drawn.px.toFixed(1)} px)`),
  );
  expect(small, "chart text under 12 px").toEqual([]);
}

/**
 * Each shown table's cells that should be in view and are not: in every row, the identifying
 * cell (pinned, a row header, or else the first) and the key cell (marked .key-column, or else
 * the row's first quantity) must lie inside both the screen and the table's scroller as the page
 * opens. And the hint under a table shows exactly when the table overflows.
 */
export function cellsOutOfView(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const tables = [...document.querySelectorAll("main table")].filter((table) => table.checkVisibility());
    for (const table of tables) {
      const name = table.querySelector("caption")?.textContent?.trim() || table.getAttribute("aria-label") || "(table)";
      const scroller = table.closest<HTMLElement>(".table-scroll, .kk-table-wrap");
      const box = scroller?.getBoundingClientRect();
      const left = Math.max(0, box?.left ?? 0);
      const right = Math.min(document.documentElement.clientWidth, box?.right ?? Number.POSITIVE_INFINITY);
      const inView = (cell: Element) => {
        const rect = cell.getBoundingClientRect();
        return rect.left >= left - 1 && rect.right <= right + 1;
      };
      const marked = table.querySelector(".key-column") !== null;
      for (const row of table.querySelectorAll("tr")) {
        const cells = [...row.children].filter((cell) => cell.checkVisibility());
        if (cells.length === 0) continue;
        const identifying = cells.find((c) => c.matches(".pinned, th[scope=row]")) ?? cells[0]!;
        const key = marked
          ? cells.find((c) => c.matches(".key-column"))
          : cells.find((c) => c !== identifying && c.matches(".numeric, .kk-num"));
        for (const [role, cell] of [
          ["identifying", identifying],
          ["key", key],
        ] as const) {
          if (cell && !inView(cell)) problems.push(`${name}: ${role} cell "${cell.textContent?.trim()}" is outside the screen`);
        }
      }
      const hint = scroller?.closest(".table-frame")?.querySelector(".scroll-hint");
      if (scroller && hint) {
        const overflows = scroller.scrollWidth > scroller.clientWidth + 1;
        if (hint.checkVisibility({ visibilityProperty: true }) !== overflows)
          problems.push(`${name}: the scroll hint ${overflows ? "is missing though the table overflows" : "shows though the table fits"}`);
      }
    }
    return problems;
  });
}
