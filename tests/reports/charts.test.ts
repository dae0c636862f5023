import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Chart } from "../../src/domain/report/model.ts";
import { defaultChartSize, pointText, renderChartPng, renderChartSvg, wrapWords } from "../../src/reports/charts.server.ts";
import { sampleModel } from "./sampleModel.ts";

// Örebro 2012 against the average of three earlier evaluations (55,5, 70,25 … points).
const model = sampleModel({ comparison: 3 });
const bar = model.summary.barChart;
const radar = model.summary.radarChart!;

const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

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
    // The averages have decimals: printed by the model as "55,5" and "70,25", never "55.5" or "70,3".
    const averages = renderChartSvg({ ...radar, kind: "bar" });
    expect(averages).toContain(">55,5<");
    expect(averages).toContain(">70,25<");
    expect(averages).toContain(">58,75<");
    expect(averages).not.toContain(">55.5<");
    expect(averages).not.toContain(">70,3<");
    // The short labels on the axis, the axis up to the model's maximum.
    expect(bar.shortCategories).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    for (const label of bar.shortCategories) expect(svg).toContain(`>${label}<`);
    expect(bar.max).toBe(100);
    expect(svg).toContain(">100<");
  });

  it("draws several series side by side with a legend", () => {
    const chart: Chart = { ...radar, kind: "bar" };
    const svg = renderChartSvg(chart);
    expect(chart.series.map((s) => s.name)).toEqual(["Örebro kommun 2012", "Medelvärde, 3 utvärderingar"]);
    for (const series of chart.series) expect(svg).toContain(`>${series.name}<`);
    expect(svg).toContain(">85<");
    expect(svg).toContain(">70,25<");
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
    // The model's short names ("Offentlighet och demokrati") wrapped at a space, never inside a word.
    expect(radar.shortCategories[0]).toBe("Offentlighet och demokrati");
    expect(svg).toContain(">Offentlighet och<");
    expect(svg).toContain(">demokrati<");
    // Without short names, the full category labels ("1. Offentlighet och demokrati").
    expect(renderChartSvg({ ...radar, shortCategories: [] })).toContain(">1. Offentlighet<");
  });

  it("takes an explicit size", () => {
    expect(renderChartSvg(bar, { width: 500, height: 300 })).toMatch(/<svg width="500" height="300"/);
    expect(defaultChartSize("radar")).toEqual({ width: 720, height: 520 });
  });
});

describe("pointText", () => {
  it("finds the printed figure in the chart's table, by row name and series column", () => {
    expect(pointText(radar, 1, 0)).toBe("55,5");
    expect(pointText(radar, 1, 1)).toBe("70,25");
    expect(pointText(radar, 0, 1)).toBe("85");
    expect(pointText(bar, 0, 5)).toBe("74");
    expect(pointText({ ...bar, series: [{ name: "x", values: [null] }] }, 0, 0)).toBeNull();
  });
});

describe("wrapWords", () => {
  it("breaks at spaces near the width and never inside a word", () => {
    expect(wrapWords("Kommunen som arbetsgivare – personalpolitik", 18)).toBe("Kommunen som\narbetsgivare –\npersonalpolitik");
    expect(wrapWords("Verksamhetsutvecklingsarbete", 10)).toBe("Verksamhetsutvecklingsarbete");
  });
});

describe("renderChartPng", () => {
  it("rasterises the same chart at the given scale", () => {
    const png = renderChartPng(bar);
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(pngSize(png)).toEqual({ width: 1440, height: 760 });
    expect(pngSize(renderChartPng(radar, { width: 400, height: 300 }, 1))).toEqual({ width: 400, height: 300 });
  });
});

describe("the renderers", () => {
  it("compute no figures of their own", () => {
    const folder = new URL("../../src/reports/", import.meta.url);
    const mine = ["charts.ts", "html.ts", "htmlParts.ts", "reportCss.ts", "pdf.ts", "pdfOutline.ts"];
    for (const name of readdirSync(folder).filter((n) => mine.includes(n))) {
      const source = readFileSync(new URL(name, folder), "utf8");
      expect(source, name).not.toMatch(/toFixed|parseFloat|Math\.round|toPrecision|toLocaleString|Intl\.NumberFormat/);
    }
  });
});
