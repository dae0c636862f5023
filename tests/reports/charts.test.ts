import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Chart } from "../../src/domain/report/model.ts";
import { defaultChartSize, pointText, renderChartPng, renderChartSvg, wrapWords } from "../../src/reports/charts.ts";
import { sampleModel } from "./sampleModel.ts";

const model = sampleModel(8);
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

  it("escapes the title and description", () => {
    const chart: Chart = { ...bar, title: 'A & B <c> "d"', description: "x < y & z" };
    const svg = renderChartSvg(chart);
    expect(svg).toContain("A &amp; B &lt;c&gt; &quot;d&quot;</title>");
    expect(svg).toContain("x &lt; y &amp; z</desc>");
  });

  it("labels the bars with the model's printed texts, not its own formatting", () => {
    const svg = renderChartSvg(bar);
    // 55.5 and 39.5 are printed by the model as "55,5" and "39,5".
    expect(svg).toContain(">55,5<");
    expect(svg).toContain(">39,5<");
    expect(svg).not.toContain(">55.5<");
    // The short labels on the axis, the axis up to the model's maximum.
    for (const label of bar.shortCategories) expect(svg).toContain(`>${label}<`);
    expect(svg).toContain(">100<");
  });

  it("draws several series side by side with a legend", () => {
    const chart: Chart = { ...radar, kind: "bar" };
    const svg = renderChartSvg(chart);
    for (const series of chart.series) expect(svg).toContain(`>${series.name}<`);
    expect(svg).toContain(">60,5<");
  });

  it("leaves a missing value out instead of drawing it as zero", () => {
    const chart: Chart = { ...bar, series: [{ name: "Örebro 2012", values: bar.series[0]!.values.map((v, i) => (i === 1 ? null : v)) }] };
    const svg = renderChartSvg(chart);
    expect(svg).not.toContain(">55,5<");
    expect(svg).toContain(">72<");
  });

  it("draws a radar with one polygon per series, wrapped axis names and a legend", () => {
    const svg = renderChartSvg(radar);
    expect(svg).toContain(">Örebro 2012<");
    expect(svg).toContain(">Genomsnitt<");
    expect((svg.match(/<polyline|<polygon/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(renderChartSvg({ ...radar, shortCategories: [] })).toContain(">1. Offentlighet<");
  });

  it("takes an explicit size", () => {
    expect(renderChartSvg(bar, { width: 500, height: 300 })).toMatch(/<svg width="500" height="300"/);
    expect(defaultChartSize("radar")).toEqual({ width: 720, height: 520 });
  });
});

describe("pointText", () => {
  it("finds the printed figure in the chart's table, by row name and series column", () => {
    expect(pointText(radar, 1, 0)).toBe("60,5");
    expect(pointText(bar, 0, 5)).toBe("39,5");
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
