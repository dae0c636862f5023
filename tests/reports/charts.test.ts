import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Chart } from "../../src/domain/report/model.ts";
import { totalsOverTime } from "../../src/domain/portal.ts";
import {
  chartFigure,
  chartKey,
  defaultChartSize,
  NARROW_FONT_SIZE,
  NARROW_WIDTH,
  pointText,
  renderChartPng,
  renderChartSvg,
  renderNarrowChartSvg,
  wrapWords,
} from "../../src/reports/charts.server.ts";
import { sampleModel } from "./sampleModel.ts";

// Örebro 2012 against the average of three earlier evaluations (55,5, 70,3 … points).
const model = sampleModel({ comparison: 3 });
const bar = model.summary.barChart;
const radar = model.summary.radarChart!;

const timeline = totalsOverTime(
  [
    { year: 2010, instrument: "2010", instrumentName: "2010", total: 560 },
    { year: 2012, instrument: "2010", instrumentName: "2010", total: 615 },
    { year: 2015, instrument: "2010", instrumentName: "2010", total: 640 },
  ],
  800,
  { title: "Örebro: totalpoäng över tid", description: (list) => list, yearColumn: "År", seriesName: (name) => `Version ${name}` },
);

const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

/** Where each line reading `text` is drawn (ECharts places text with translate(x y) and a line's y offset). */
function textsAt(svg: string, text: string): { x: number; y: number }[] {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(
    `<text[^>]*?(?:y="(-?[\\d.]+)")?[^>]*transform="translate\\((-?[\\d.]+) (-?[\\d.]+)\\)"[^>]*>${escaped}</text>`,
    "g",
  );
  return [...svg.matchAll(pattern)].map((m) => ({ x: Number(m[2]), y: Number(m[3]) + Number(m[1] ?? 0) }));
}

/** The first (topmost in the SVG's order) line reading `text`. */
function textAt(svg: string, text: string): { x: number; y: number } {
  const [first] = textsAt(svg, text);
  if (!first) throw new Error(`no text "${text}" in the SVG`);
  return first;
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe("renderChartSvg", () => {
  it("gives an inline-safe SVG with an accessible name and description", () => {
    const svg = renderChartSvg(bar);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toMatch(/<\?xml|<!DOCTYPE|<style|class="zr|ecmeta_/);
    expect(svg).toMatch(/<svg[^>]* role="img"[^>]* focusable="false"/);
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(svg)![1]!.split(" ");
    expect(labelledBy).toHaveLength(2);
    expect(svg).toContain(`<title id="${labelledBy[0]}">${bar.title}</title>`);
    expect(svg).toContain(`<desc id="${labelledBy[1]}">${bar.description}</desc>`);
    expect(svg).toContain("viewBox=");
  });

  it("makes every id unique, so one page can hold several charts (and the same chart twice)", () => {
    const all = [renderChartSvg(bar), renderChartSvg(bar), renderChartSvg(radar)].flatMap(ids);
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(new Set(all).size).toBe(all.length);
    // Every reference points at an id of the same SVG.
    for (const svg of [renderChartSvg(bar), renderChartSvg(radar)]) {
      const own = new Set(ids(svg));
      for (const m of svg.matchAll(/url\(#([^)]+)\)|href="#([^"]+)"/g)) expect(own.has(m[1] ?? m[2]!)).toBe(true);
    }
  });

  it("draws a model once and gives the same picture for an equal model, but a changed figure draws anew", () => {
    const first = renderChartSvg(bar);
    const again = renderChartSvg(structuredClone(bar));
    const strip = (svg: string) => svg.replace(/kkc-[\w-]+?-\d+-/g, "kkc-");
    expect(strip(again)).toBe(strip(first));
    expect(ids(again).some((id) => ids(first).includes(id))).toBe(false);
    const changed = structuredClone(bar);
    changed.series[0]!.values[0] = (changed.series[0]!.values[0] ?? 0) + 10;
    changed.table.rows[0]!.cells[1] = { ...changed.table.rows[0]!.cells[1]!, text: "99" };
    expect(strip(renderChartSvg(changed))).not.toBe(strip(first));
    expect(strip(renderChartSvg(bar, { width: 500, height: 300 }))).not.toBe(strip(first));
  });

  it("escapes the title and description", () => {
    const chart: Chart = { ...bar, title: 'A & B <c> "d"', description: "x < y & z" };
    const svg = renderChartSvg(chart);
    expect(svg).toContain("A &amp; B &lt;c&gt; &quot;d&quot;</title>");
    expect(svg).toContain("x &lt; y &amp; z</desc>");
  });

  it("labels the bars with the model's printed texts, not its own formatting", () => {
    const svg = renderChartSvg(bar);
    for (const row of bar.table.rows) expect(svg).toContain(`>${row.cells[1]!.text}<`);
    expect(svg).toContain(">68<");
    expect(svg).toContain(">87<");
    // The averages have one decimal: printed by the model as "55,5", "70,3" and "63,0", never "55.5" or "63".
    const averages = renderChartSvg({ ...radar, kind: "bar" });
    expect(averages).toContain(">55,5<");
    expect(averages).toContain(">70,3<");
    expect(averages).toContain(">58,8<");
    expect(averages).toContain(">63,0<");
    expect(averages).not.toContain(">55.5<");
    expect(averages).not.toContain(">70,25<");
    expect(bar.max).toBe(100);
    expect(svg).toContain(">100<");
  });

  it("names every bar by its area (number and name, wrapped at spaces), area 1 at the top", () => {
    const svg = renderChartSvg(bar);
    expect(svg).toContain(">1. Offentlighet och<");
    expect(svg).toContain(">demokrati<");
    expect(svg).toContain(">7. Verksamhetsutveckling<");
    // Bars run across, the names beside them from the top down: area 1 above area 2 … above area 8.
    const ys = ["1. Offentlighet och", "2. Tillgänglighet och", "5. Resultat och", "7. Verksamhetsutveckling", "8. Kommunen som"].map(
      (name) => textAt(svg, name).y,
    );
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    // No bare "1"…"8" under the bars any more.
    for (const label of ["1", "2", "3", "4", "5", "6", "7", "8"]) expect(svg).not.toContain(`>${label}<`);
  });

  it("draws several series side by side with a legend", () => {
    const chart: Chart = { ...radar, kind: "bar" };
    const svg = renderChartSvg(chart);
    expect(chart.series.map((s) => s.name)).toEqual(["Örebro kommun 2012", "Medelvärde, 3 utvärderingar"]);
    for (const series of chart.series) expect(svg).toContain(`>${series.name}<`);
    expect(svg).toContain(">85<");
    expect(svg).toContain(">70,3<");
  });

  it("leaves a missing value out instead of drawing it as zero", () => {
    // Area 2 has 85 points, a figure no other bar or axis tick shows.
    const chart: Chart = {
      ...bar,
      series: [{ name: bar.series[0]!.name, values: bar.series[0]!.values.map((v, i) => (i === 1 ? null : v)) }],
    };
    expect(renderChartSvg(bar)).toContain(">85<");
    const svg = renderChartSvg(chart);
    expect(svg).not.toContain(">85<");
    expect(svg).toContain(">68<");
    expect(svg).toContain(">86<");
  });

  it("draws a radar with one polygon per series, wrapped axis names and a legend", () => {
    const svg = renderChartSvg(radar);
    expect(svg).toContain(">Örebro kommun 2012<");
    expect(svg).toContain(">Medelvärde, 3 utvärderingar<");
    expect((svg.match(/<polyline|<polygon/g) ?? []).length).toBeGreaterThanOrEqual(2);
    // The full labels ("1. Offentlighet och demokrati") wrapped at a space, never inside a word.
    expect(svg).toContain(">1. Offentlighet<");
    expect(svg).toContain(">och demokrati<");
  });

  it("runs the radar clockwise from twelve o'clock: area 1 at the top, area 2 to its right, area 8 to its left", () => {
    const svg = renderChartSvg(radar);
    const names = [
      "1. Offentlighet",
      "2. Tillgänglighet",
      "3. Politisk",
      "4. Ledarskap,",
      "5. Resultat och",
      "6. Kommunen som",
      "7. Verksamhetsutveckling",
      "8. Kommunen som",
    ];
    // The names sit round the centre at equal angles: their mean point is the centre.
    const all = names.map((name) => textAt(svg, name));
    const centre = { x: all.reduce((n, p) => n + p.x, 0) / all.length, y: all.reduce((n, p) => n + p.y, 0) / all.length };
    const angle = (name: string) => {
      const { x, y } = textAt(svg, name);
      // Clockwise from 12 o'clock, in degrees (SVG's y grows downwards).
      return (Math.atan2(x - centre.x, centre.y - y) * 180) / Math.PI + 360;
    };
    const angles = [
      "1. Offentlighet",
      "2. Tillgänglighet",
      "3. Politisk",
      "4. Ledarskap,",
      "5. Resultat och",
      "6. Kommunen som",
      "8. Kommunen som",
    ].map((name) => angle(name) % 360);
    expect(Math.min(angles[0]!, 360 - angles[0]!)).toBeLessThan(5);
    expect(angles[1]).toBeGreaterThan(30);
    expect(angles[1]).toBeLessThan(60);
    expect(Math.abs(angles[4]! - 180)).toBeLessThan(5);
    expect(angles[6]).toBeGreaterThan(300);
    // Each area a further eighth of a turn round.
    for (let i = 2; i < 6; i++) expect(angles[i]!).toBeGreaterThan(angles[i - 1]!);
  });

  it("labels the radar's rings 0, 25, 50, 75 and 100 once, up area 1's axis", () => {
    const svg = renderChartSvg(radar);
    const rings = ["0", "25", "50", "75", "100"].map((value) => textAt(svg, value));
    // One above the other on the vertical axis, outwards from the centre.
    for (let i = 1; i < rings.length; i++) {
      expect(rings[i]!.y).toBeLessThan(rings[i - 1]!.y);
      expect(rings[i]!.x).toBeCloseTo(rings[0]!.x, 0);
    }
    for (const value of ["0", "25", "50", "75", "100"]) expect(svg.match(new RegExp(`>${value}<`, "g"))).toHaveLength(1);
    expect(svg).not.toContain(">20<");
  });

  it("takes an explicit size", () => {
    expect(renderChartSvg(bar, { width: 500, height: 300 })).toMatch(/<svg width="500" height="300"/);
    expect(defaultChartSize("radar")).toEqual({ width: 720, height: 540 });
  });
});

describe("renderNarrowChartSvg", () => {
  // Shown 272 px wide on a 320 px phone (the page's side margins taken off): every text of a
  // narrow chart must come out at 12 px or more there, and at 375 px.
  const SMALLEST_SHOWN = 272;
  const fontSizes = (svg: string) => [...svg.matchAll(/font-size:([\d.]+)px/g)].map((m) => Number(m[1]));
  const width = (svg: string) => Number(/<svg width="(\d+)"/.exec(svg)![1]);

  it("lays every chart kind out 320 px across with text that stays 12 px or more at 320 px", () => {
    for (const chart of [bar, radar, { ...radar, kind: "bar" as const }, timeline]) {
      const svg = renderNarrowChartSvg(chart);
      expect(width(svg), chart.id).toBe(NARROW_WIDTH);
      const sizes = fontSizes(svg);
      expect(sizes.length, chart.id).toBeGreaterThan(5);
      expect(Math.min(...sizes) * (SMALLEST_SHOWN / width(svg)), chart.id).toBeGreaterThanOrEqual(12);
      expect(Math.min(...sizes)).toBe(NARROW_FONT_SIZE);
    }
    // The wide one would be far too small on a phone: 12 px text in 720 px shown at 272.
    expect(Math.min(...fontSizes(renderChartSvg(radar))) * (SMALLEST_SHOWN / 720)).toBeLessThan(6);
  });

  it("puts the radar's numbers on its axes and the area names in a key below it", () => {
    const svg = renderNarrowChartSvg(radar);
    // "1" is on the axis at the top and again in the key; "5" at the bottom of the radar and in the key.
    const [axisOne, keyOne] = textsAt(svg, "1").sort((a, b) => a.y - b.y);
    const [axisFive] = textsAt(svg, "5").sort((a, b) => a.y - b.y);
    const key = textAt(svg, "Offentlighet och demokrati");
    expect(axisOne!.y).toBeLessThan(axisFive!.y);
    expect(key.y).toBeGreaterThan(axisFive!.y);
    expect(keyOne!.y).toBeCloseTo(key.y, 0);
    expect(keyOne!.x).toBeLessThan(key.x);
    expect(chartKey(radar)[1]).toEqual({ label: "2", text: "Tillgänglighet och brukarorientering" });
    expect(chartKey(bar)).toHaveLength(8);
    expect(chartKey(timeline)).toEqual([]);
    // The legend under everything, one series a line.
    const legend = [textAt(svg, "Örebro kommun 2012"), textAt(svg, "Medelvärde, 3 utvärderingar")];
    expect(legend[0]!.y).toBeGreaterThan(textAt(svg, "Kommunen som samhällsbyggare").y);
    expect(legend[1]!.y).toBeGreaterThan(legend[0]!.y);
  });

  it("names each bar over it across the full width, and has fewer ticks (0, 50, 100)", () => {
    const svg = renderNarrowChartSvg(bar);
    expect(svg).toContain(">1. Offentlighet och demokrati<");
    for (const tick of ["0", "50", "100"]) expect(svg).toContain(`>${tick}<`);
    for (const tick of ["20", "25", "40", "75"]) expect(svg).not.toContain(`>${tick}<`);
    const narrowTimeline = renderNarrowChartSvg(timeline);
    for (const tick of ["0", "200", "400", "600", "800"]) expect(narrowTimeline).toContain(`>${tick}<`);
    expect(narrowTimeline).not.toContain(">100<");
  });

  it("is an accessible, inline-safe SVG like the wide one, with ids of its own", () => {
    const narrow = renderNarrowChartSvg(radar);
    expect(narrow).toMatch(/<svg[^>]* role="img"[^>]* focusable="false"/);
    expect(narrow).toContain(`<desc id=`);
    expect(narrow).not.toMatch(/<style|class="zr/);
    const both = [...ids(renderChartSvg(radar)), ...ids(narrow)];
    expect(new Set(both).size).toBe(both.length);
    expect(chartFigure(radar)).toMatchObject({ title: radar.title, table: radar.table });
    expect(chartFigure(radar).narrowSvg).toMatch(/^<svg width="320"/);
  });
});

describe("pointText", () => {
  it("finds the printed figure in the chart's table, by row name and series column", () => {
    expect(pointText(radar, 1, 0)).toBe("55,5");
    expect(pointText(radar, 1, 1)).toBe("70,3");
    expect(pointText(radar, 1, 2)).toBe("63,0");
    expect(pointText(radar, 0, 1)).toBe("85");
    expect(pointText(bar, 0, 5)).toBe("74");
    expect(pointText({ ...bar, series: [{ name: "x", values: [null] }] }, 0, 0)).toBeNull();
  });
});

describe("wrapWords", () => {
  it("breaks at spaces near the width and never inside a word", () => {
    expect(wrapWords("Kommunen som arbetsgivare – personalpolitik", 18)).toBe("Kommunen som\narbetsgivare –\npersonalpolitik");
    expect(wrapWords("Verksamhetsutvecklingsarbete", 10)).toBe("Verksamhetsutvecklingsarbete");
    // An area's number is not left alone on a line.
    expect(wrapWords("7. Verksamhetsutveckling", 18)).toBe("7. Verksamhetsutveckling");
    expect(wrapWords("1. Offentlighet och demokrati", 18)).toBe("1. Offentlighet\noch demokrati");
  });
});

describe("renderChartPng", () => {
  it("rasterises the same chart at the given scale", () => {
    const png = renderChartPng(bar);
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(pngSize(png)).toEqual({ width: 1440, height: 800 });
    expect(pngSize(renderChartPng(radar, { width: 400, height: 300 }, 1))).toEqual({ width: 400, height: 300 });
  });
});

describe("the renderers", () => {
  it("compute no figures of their own", () => {
    const folder = new URL("../../src/reports/", import.meta.url);
    const mine = [
      "charts.server.ts",
      "chartOptions.server.ts",
      "chartText.server.ts",
      "html.server.ts",
      "htmlParts.server.ts",
      "reportCss.server.ts",
      "pdf.server.ts",
      "pdfOutline.server.ts",
    ];
    expect(readdirSync(folder).filter((n) => mine.includes(n))).toHaveLength(mine.length);
    for (const name of readdirSync(folder).filter((n) => mine.includes(n))) {
      const source = readFileSync(new URL(name, folder), "utf8");
      expect(source, name).not.toMatch(/toFixed|parseFloat|Math\.round|toPrecision|toLocaleString|Intl\.NumberFormat/);
    }
  });
});
