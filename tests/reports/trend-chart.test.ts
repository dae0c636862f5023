import { describe, expect, it } from "vitest";
import { trendChart } from "../../src/domain/trendChart.ts";
import { renderTrendChartSvg } from "../../src/reports/trendChart.server.ts";
import { trend, wording } from "../support/trendFixture.ts";

const chart = trendChart(trend, wording)!;
/** Every text of an SVG with its size (ECharts writes either font-size:…px or the font shorthand). */
const texts = (svg: string) =>
  [...svg.matchAll(/<text\b[^>]*style="[^"]*?(\d+(?:\.\d+)?)px[^"]*"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    size: Number(m[1]),
    text: m[2]!,
  }));
const viewBoxWidth = (svg: string) => Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);

describe("renderTrendChartSvg", () => {
  it("gives an inline-safe SVG with the chart's name and description, wide and narrow", () => {
    for (const width of ["wide", "narrow"] as const) {
      const svg = renderTrendChartSvg(chart, width);
      expect(svg).toMatch(/^<svg[^>]* role="img"[^>]* focusable="false"/);
      expect(svg).not.toMatch(/<style|class="zr|ecmeta_/);
      expect(svg).toContain(`${chart.title}</title>`);
      expect(svg).toContain("Örebro: 515 (2010)");
    }
    expect(viewBoxWidth(renderTrendChartSvg(chart, "wide"))).toBe(720);
    expect(viewBoxWidth(renderTrendChartSvg(chart, "narrow"))).toBe(320);
  });

  it("names the periods, with their averages where there is room, and the legend's entries", () => {
    const wide = texts(renderTrendChartSvg(chart, "wide")).map((t) => t.text);
    expect(wide).toEqual(expect.arrayContaining(["2010 års version", "medel 513,5 av 11", "2020 års version", "2 st, inget medel"]));
    expect(wide).toEqual(expect.arrayContaining(["Örebro", "Vallentuna", "Medelvärde för versionen", "2010", "2016", "2024"]));
    // The narrow chart names a four-year period in short, on two lines, and has no room for the averages there.
    const narrow = texts(renderTrendChartSvg(chart, "narrow")).map((t) => t.text);
    expect(narrow).toEqual(expect.arrayContaining(["Version", "2016", "Örebro", "Medelvärde för versionen"]));
    expect(narrow.some((t) => t.startsWith("medel"))).toBe(false);
    // Karlskrona has no figures: no line, no legend entry.
    expect(wide).not.toContain("Karlskrona");
  });

  it("keeps the narrow chart's text large enough to read at 12 px in a 272 px column (a 320 px phone)", () => {
    const narrow = texts(renderTrendChartSvg(chart, "narrow"));
    expect(narrow.length).toBeGreaterThan(10);
    for (const t of narrow) expect((t.size * 272) / 320, t.text).toBeGreaterThanOrEqual(12);
  });

  it("prints the figures at the points of a single line only", () => {
    const single = trendChart({ ...trend, points: trend.points.filter((p) => p.municipality === "1880") }, wording)!;
    expect(texts(renderTrendChartSvg(single, "wide")).map((t) => t.text)).toEqual(expect.arrayContaining(["515", "615", "650"]));
    expect(texts(renderTrendChartSvg(chart, "wide")).map((t) => t.text)).not.toContain("515");
  });
});
