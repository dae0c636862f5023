import { describe, expect, it } from "vitest";
import type { ReportModel } from "../../src/domain/report/model.ts";
import { escapeHtml, REPORT_CSS, renderReportDocument, renderReportHtml } from "../../src/reports/html.ts";
import { sampleModel } from "./sampleModel.ts";

/** The headings in document order: level, id and visible text. */
function headings(html: string) {
  return [...html.matchAll(/<h([1-6])([^>]*)>(.*?)<\/h\1>/g)].map((m) => ({
    level: Number(m[1]),
    id: /id="([^"]*)"/.exec(m[2]!)?.[1],
    text: m[3]!.replace(/<[^>]+>/g, "").trim(),
  }));
}

function expectWellFormedHeadings(html: string, base: number) {
  const list = headings(html);
  expect(list[0]?.level).toBe(base);
  for (const [i, h] of list.entries()) {
    expect(h.text, `heading ${i}`).not.toBe("");
    if (i > 0) expect(h.level, `"${h.text}" after "${list[i - 1]!.text}"`).toBeLessThanOrEqual(list[i - 1]!.level + 1);
    expect(h.level).toBeGreaterThanOrEqual(base);
  }
}

const withoutOptional = (): ReportModel => {
  const model = sampleModel();
  model.draft = false;
  model.keyFacts = null;
  model.summary.radarChart = null;
  model.summary.summary = [];
  model.areas[0]!.goodExamples = null;
  model.areas[0]!.strengthsTable = null;
  model.areas[1]!.general = null;
  return model;
};

describe("renderReportHtml", () => {
  const model = sampleModel();
  const html = renderReportHtml(model, { headingBase: 1 });

  it("is one Swedish article", () => {
    expect(html.startsWith(`<article class="kk-report" lang="sv">`)).toBe(true);
    expect(html.endsWith("</article>")).toBe(true);
  });

  it("puts the cover title in h1, chapters in h2, areas in h3 and sub-areas in h4", () => {
    const list = headings(html);
    expect(list.filter((h) => h.level === 1).map((h) => h.text)).toEqual([model.cover.title]);
    expect(list.filter((h) => h.level === 2).map((h) => h.id)).toEqual(["kk-contents-heading", "om", "sammanfattning", "omraden", "oversikt", "fakta"]);
    expect(list.filter((h) => h.level === 3).map((h) => h.text)).toEqual(["Utvärderingen", "Resultat", "Område 1 Offentlighet och demokrati", "Område 2 Tillgänglighet, brukar- och medborgarorientering"]);
    expect(list.filter((h) => h.level === 4).map((h) => h.text)).toContain("1.1 Information &amp; insyn");
    expectWellFormedHeadings(html, 1);
  });

  it("shifts every heading one level down with headingBase 2", () => {
    const shifted = renderReportHtml(model, { headingBase: 2 });
    expect(shifted).not.toMatch(/<h1[ >]/);
    expect(headings(shifted).map((h) => h.level)).toEqual(headings(html).map((h) => h.level + 1));
    expectWellFormedHeadings(shifted, 2);
  });

  it("lays the parts out in model order", () => {
    const order = ["kk-cover", "kk-contents", 'id="om"', 'id="sammanfattning"', 'id="tabell-1"', 'id="diagram-1"', 'id="diagram-2"', "Genomsnittet bygger", 'id="omraden"', 'id="omrade-1"', 'id="omrade-2"', 'id="oversikt"', 'id="fakta"'];
    const positions = order.map((s) => html.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("shows the draft label on the cover only for a draft", () => {
    expect(html).toMatch(/<section class="kk-cover">[\s\S]*<p class="kk-draft">Utkast<\/p>[\s\S]*?<\/section>/);
    expect(renderReportHtml({ ...model, draft: false }, { headingBase: 1 })).not.toContain("kk-draft");
  });

  it("escapes every text", () => {
    expect(html).toContain("Medborgardialog &lt;öppen&gt;");
    expect(html).toContain("två utvärderare &amp; bygger");
    expect(html).not.toContain("<öppen>");
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("places each list after the paragraph it follows", () => {
    const about = html.slice(html.indexOf('id="om"'), html.indexOf('id="sammanfattning"'));
    expect(about.indexOf("<ul>")).toBeGreaterThan(about.indexOf("åtta områden:"));
    expect(about.indexOf("<ul>")).toBeLessThan(about.indexOf("Varje område ger"));
    expect(about).toContain("<li>Kommunen som samhällsbyggare</li>");
  });

  it("renders tables with caption, column and row headers, numeric columns, emphasis and notes", () => {
    const table1 = html.slice(html.indexOf('<table id="tabell-1"'), html.indexOf("</table>", html.indexOf('<table id="tabell-1"')));
    expect(table1).toContain("<caption>Tabell 1 Poäng per område</caption>");
    expect(table1).toContain(`<th scope="col">Område</th><th scope="col" class="kk-num">Poäng</th>`);
    expect(table1).toContain(`<th scope="row">1. Offentlighet och demokrati</th><td class="kk-num">72</td>`);
    expect(table1).toMatch(/<tr class="kk-emphasis"><th scope="row">Totalt<\/th>/);
    expect(html).toContain(`<div class="kk-notes"><p>Poängen är avrundade till en decimal.</p></div>`);
  });

  it("gives each chart a figure with caption, inline SVG and its figures as a table", () => {
    const figures = [...html.matchAll(/<figure class="kk-figure" id="([^"]+)">([\s\S]*?)<\/figure>/g)];
    expect(figures.map((f) => f[1])).toEqual(["diagram-1", "diagram-2"]);
    for (const [, , body] of figures) {
      expect(body).toMatch(/^<figcaption>[^<]+<\/figcaption><svg /);
      expect(body).toMatch(/<table id="diagram-\d-tabell" class="kk-table"><caption>/);
    }
    expect(figures[0]![2]).toContain(`<td class="kk-num">55,5</td>`);
  });

  it("lays strengths and improvements out as two columns of bulleted lists, and good examples as a list", () => {
    expect(html).toContain(`<th scope="col">Styrkor</th><th scope="col">Förbättringsmöjligheter</th>`);
    expect(html).toMatch(/<td><ul><li>Tydliga mål i budgeten<\/li><li>Väl utvecklad webbplats<\/li><\/ul><\/td><td><ul><li>Systematisk/);
    expect(html).toContain(`<li><span class="kk-example-place">Örebro:</span> Medborgarpanel med 1 000 deltagare.</li>`);
  });

  it("shows key facts as label/value rows", () => {
    expect(html).toContain(`<table class="kk-facts" aria-labelledby="fakta"><tbody><tr><th scope="row">Invånare</th><td>137 744</td></tr>`);
  });

  it("links the contents to the headings, with page numbers only when known", () => {
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets).toEqual(model.contents.map((e) => e.id));
    for (const id of targets) expect(html).toContain(`id="${id}"`);
    expect(html).not.toContain("kk-toc-page");
    const numbered = renderReportHtml(model, { headingBase: 1, pageNumbers: new Map([["om", 3], ["omrade-2", 12]]) });
    expect(numbered).toContain(`<a href="#om"><span class="kk-toc-title"><span class="kk-toc-num">1</span> Om Kommunkompassen</span><span class="kk-toc-leader" aria-hidden="true"></span> <span class="kk-toc-page">3</span></a>`);
    expect(numbered.match(/kk-toc-page/g)).toHaveLength(2);
    // Area entries are nested under the areas chapter.
    expect(numbered).toMatch(/<li class="kk-toc-l1"><a href="#omraden">[\s\S]*?<\/a><ol><li class="kk-toc-l2"><a href="#omrade-1">/);
  });

  it("leaves out parts that are null or empty, headings and contents entries included", () => {
    const model = withoutOptional();
    const html = renderReportHtml(model, { headingBase: 1 });
    expect(html).not.toContain('id="fakta"');
    expect(html).not.toContain('href="#fakta"');
    expect(html).not.toContain("kk-draft");
    expect(html.match(/<figure/g)).toHaveLength(1);
    expect(html).not.toContain("Goda exempel</h4>");
    expect(html.indexOf("kk-strengths")).toBeGreaterThan(html.indexOf('id="omrade-2"'));
    expect(html).toContain(model.summary.method[0]);
    expectWellFormedHeadings(html, 1);

    model.about.paragraphs = [];
    model.about.lists = [];
    model.areas = [];
    model.summary.method = [];
    const bare = renderReportHtml(model, { headingBase: 2 });
    expect(bare).not.toContain('id="om"');
    expect(bare).not.toContain('id="omraden"');
    expect(bare).not.toContain("Utvärderingen</h4>");
    expectWellFormedHeadings(bare, 2);
  });
});

describe("renderReportDocument", () => {
  const model = sampleModel();
  const doc = renderReportDocument(model);

  it("is a complete Swedish document with title, author and subject", () => {
    expect(doc.startsWith("<!doctype html>\n<html lang=\"sv\">")).toBe(true);
    expect(doc).toContain(`<title>Kommunkompassen – Örebro 2012</title>`);
    expect(doc).toContain(`<meta name="author" content="Anna Åberg, Erik Öst">`);
    expect(doc).toContain(`<meta name="subject" content="${model.subject}">`);
    expect(doc).toContain("<h1 ");
    expect(doc).toContain(REPORT_CSS);
  });

  it("embeds Inter (latin and latin-ext, 400, 600 and 700) as data URLs", () => {
    const faces = doc.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces).toHaveLength(6);
    for (const face of faces) expect(face).toMatch(/font-family:'Inter'.*src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}\)/);
    expect(faces.map((f) => /font-weight:(\d+)/.exec(f)![1]).sort()).toEqual(["400", "400", "600", "600", "700", "700"]);
    expect(doc).not.toMatch(/url\((?!data:)/);
  });

  it("passes the page numbers to the contents", () => {
    expect(renderReportDocument(model, { pageNumbers: new Map([["fakta", 9]]) })).toContain(`<span class="kk-toc-page">9</span>`);
  });
});

describe("REPORT_CSS", () => {
  it("scopes every selector under .kk-report and sets up A4 printing", () => {
    const css = REPORT_CSS.replace(/\/\*[\s\S]*?\*\//g, "");
    const selectors = [...css.matchAll(/(?:^|[{}])\s*([^{}@]+?)\s*\{/g)].map((m) => m[1]!.trim());
    expect(selectors.length).toBeGreaterThan(40);
    for (const list of selectors) for (const s of list.split(",")) expect(s.trim(), list).toMatch(/^\.kk-report\b/);
    expect(css).toContain("@page { size: A4; margin: 20mm 18mm 22mm; }");
    expect(css).toMatch(/@media print \{[\s\S]*\.kk-report \.kk-chapter \{ break-before: page;/);
    expect(css).toMatch(/break-inside: avoid/);
  });
});
