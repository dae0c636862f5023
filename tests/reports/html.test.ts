import { describe, expect, it } from "vitest";
import type { ReportModel } from "../../src/domain/report/model.ts";
import { escapeHtml, REPORT_CSS, renderReportDocument, renderReportHtml } from "../../src/reports/html.server.ts";
import { sampleModel, TRICKY } from "./sampleModel.ts";

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

/** Two areas, with a text for every sub-area and texts that must be escaped. */
const fullModel = () => sampleModel({ areas: 2, draft: true, texts: "full", tricky: true });

/**
 * What the builder leaves out when nothing was entered: no key facts, no summary text, area 1
 * without strengths or good examples, area 2 without a general text.
 */
const withoutOptional = (): ReportModel => {
  const model = sampleModel({
    areas: 2,
    keyFacts: false,
    edit: (input) => {
      const texts = { ...input.texts };
      for (const key of ["summary.evaluation", "area.1.strengths", "area.1.improvements", "area.2.general"]) delete texts[key];
      input.texts = texts;
      input.goodExamples = [];
    },
  });
  // The model allows a report without a profile chart, though buildReport always draws one.
  model.summary.radarChart = null;
  return model;
};

describe("renderReportHtml", () => {
  const model = fullModel();
  const html = renderReportHtml(model, { headingBase: 1 });

  it("is one Swedish article", () => {
    expect(html.startsWith(`<article class="kk-report" lang="sv">`)).toBe(true);
    expect(html.endsWith("</article>")).toBe(true);
  });

  it("puts the cover title in h1, chapters in h2, areas in h3 and sub-areas in h4", () => {
    const list = headings(html);
    expect(list.filter((h) => h.level === 1).map((h) => h.text)).toEqual([model.cover.title]);
    expect(list.filter((h) => h.level === 2).map((h) => h.id)).toEqual([
      "kk-contents-heading",
      "om-kommunkompassen",
      "sammanfattning",
      "omraden",
      "poangoversikt",
      "kortfakta",
    ]);
    expect(list.filter((h) => h.level === 3).map((h) => h.text)).toEqual([
      "Utvärderingen",
      "Sammanfattning av resultatet",
      "Område 1 Offentlighet och demokrati",
      "Område 2 Tillgänglighet och brukarorientering",
    ]);
    const subHeadings = list.filter((h) => h.level === 4).map((h) => h.text);
    expect(subHeadings).toContain("1.1 Finns en plan/strategi för demokratiutveckling och information?");
    expect(subHeadings).toContain("2.5 Hur arbetar kommunen med brukarundersökningar?");
    expect(subHeadings).toContain("Goda exempel att studera");
    expectWellFormedHeadings(html, 1);
  });

  it("shifts every heading one level down with headingBase 2", () => {
    const shifted = renderReportHtml(model, { headingBase: 2 });
    expect(shifted).not.toMatch(/<h1[ >]/);
    expect(headings(shifted).map((h) => h.level)).toEqual(headings(html).map((h) => h.level + 1));
    expectWellFormedHeadings(shifted, 2);
  });

  it("lays the parts out in model order", () => {
    const order = [
      "kk-cover",
      "kk-contents",
      'id="om-kommunkompassen"',
      'id="sammanfattning"',
      'id="tabell-1"',
      'id="diagram-poang"',
      'id="diagram-profil"',
      "Som jämförelse visas medelvärdet",
      'id="omraden"',
      'id="omrade-1"',
      'id="omrade-2"',
      'id="poangoversikt"',
      'id="kortfakta"',
    ];
    const positions = order.map((s) => html.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("shows the draft label on the cover only for a draft", () => {
    expect(html).toMatch(/<section class="kk-cover">[\s\S]*<p class="kk-draft">Utkast<\/p>[\s\S]*?<\/section>/);
    expect(renderReportHtml({ ...model, draft: false }, { headingBase: 1 })).not.toContain("kk-draft");
  });

  it("escapes every text", () => {
    // In a table cell, a paragraph, a list item and a good example.
    expect(html).toContain("<td>Information &amp; insyn &lt;öppen&gt;</td>");
    expect(html).toContain("<p>Örebro &amp; grannarna talar om &quot;styrning&quot; och &#39;ledning&#39; – 2 &lt; 3 &gt; 1.</p>");
    expect(html).toContain("<li>Medborgardialog &lt;öppen&gt; &amp; webbsänd</li>");
    expect(html).toContain(
      `<li><span class="kk-example-place">Malmö &amp; Lund:</span> Bjuder in till &quot;öppet hus&quot; &lt;varje vår&gt;.</li>`,
    );
    for (const text of [TRICKY.summary, TRICKY.rubric, TRICKY.strength, TRICKY.example.sentence]) expect(html).not.toContain(text);
    expect(html).not.toContain("<öppen>");
    expect(html).not.toContain("<varje vår>");
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("places each list after the paragraph it follows", () => {
    const about = html.slice(html.indexOf('id="om-kommunkompassen"'), html.indexOf('id="sammanfattning"'));
    const list = (first: string) => about.indexOf(`<ul><li>${first}</li>`);
    // After paragraph 1 ("… fyra delar av kommunen samspelar:"), before paragraph 2.
    expect(list("det politiska systemet")).toBeGreaterThan(about.indexOf("fyra delar av kommunen samspelar:</p>"));
    expect(list("det politiska systemet")).toBeLessThan(about.indexOf("<p>Utvärderarna hämtar"));
    // After paragraph 4 ("De åtta huvudområdena … är:"), before paragraph 5: the instrument's areas.
    expect(list("Offentlighet och demokrati")).toBeGreaterThan(about.indexOf("som användes här är:</p>"));
    expect(list("Offentlighet och demokrati")).toBeLessThan(about.indexOf("<p>Rapporten beskriver"));
    expect(about).toContain("<li>Offentlighet och demokrati</li><li>Tillgänglighet och brukarorientering</li></ul>");
    // Every list of the model is there, each after the paragraph it names.
    for (const { after, items } of model.about.lists) {
      expect(list(items[0]!)).toBeGreaterThan(about.indexOf(`${escapeHtml(model.about.paragraphs[after]!)}</p>`));
    }
  });

  it("renders tables with caption, column and row headers, numeric columns, emphasis and notes", () => {
    const table1 = html.slice(html.indexOf('<table id="tabell-1"'), html.indexOf("</table>", html.indexOf('<table id="tabell-1"')));
    expect(table1).toContain(
      "<caption>Tabell 1. Örebro kommun 2012 inom Kommunkompassens huvudområden, jämfört med utvärderingen 2010.</caption>",
    );
    expect(table1).toContain(`<th scope="col">Område</th><th scope="col" class="kk-num">2012</th><th scope="col" class="kk-num">2010</th>`);
    expect(table1).toContain(`<th scope="row">1. Offentlighet och demokrati</th><td class="kk-num">68</td><td class="kk-num">52</td>`);
    // The two areas' total is derived by the builder (the published 615 is for all eight).
    expect(table1).toContain(
      `<tr class="kk-emphasis"><th scope="row">Totalt</th><td class="kk-num">154</td><td class="kk-num">132</td></tr>`,
    );
    // Rows that name nothing have no row header (the rubric headings beside the area's points).
    expect(html).toContain(`<tbody><tr><td>Information &amp; insyn &lt;öppen&gt;</td><td class="kk-num"></td></tr>`);
    // Overview: percents as the model prints them ("60 %" with a no-break space).
    expect(html).toContain(
      `<th scope="row">1.1 Finns en plan/strategi för demokratiutveckling och information?</th><td class="kk-num">9</td><td class="kk-num">15</td><td class="kk-num">60\u00a0%</td>`,
    );
    // Notes come with a previous evaluation made with another version.
    const other = renderReportHtml(sampleModel({ areas: 2, previous: "other" }), { headingBase: 1 });
    expect(other).toContain(
      `</table><div class="kk-notes"><p>Den förra utvärderingen (2008) gjordes med version 2005 av Kommunkompassen, där områdena inte är desamma. Den gav 450 av 800 poäng; områdena jämförs därför inte rad för rad.</p></div>`,
    );
  });

  it("gives each chart a figure with caption, inline SVG and its figures as a table", () => {
    const figures = [...html.matchAll(/<figure class="kk-figure" id="([^"]+)">([\s\S]*?)<\/figure>/g)];
    expect(figures.map((f) => f[1])).toEqual(["diagram-poang", "diagram-profil"]);
    const charts = [model.summary.barChart, model.summary.radarChart!];
    figures.forEach(([, , body], i) => {
      expect(body).toMatch(/^<figcaption>[^<]+<\/figcaption><svg /);
      expect(body).toContain(
        `<table id="${charts[i]!.table.id}" class="kk-table"><caption>${escapeHtml(charts[i]!.table.caption)}</caption>`,
      );
    });
    expect(figures[0]![2]).toContain(`<figcaption>Örebro kommun 2012: 154 poäng</figcaption>`);
    expect(figures[0]![2]).toContain(`<th scope="row">2. Tillgänglighet och brukarorientering</th><td class="kk-num">85</td></tr>`);
    expect(figures[1]![2]).toContain(
      `<th scope="row">2. Tillgänglighet och brukarorientering</th><td class="kk-num">85</td><td class="kk-num">70,3</td></tr>`,
    );
  });

  it("draws each chart a second time for a phone only when asked (the web page), never in the PDF's document", () => {
    expect(html).not.toContain("kk-chart-narrow");
    const page = renderReportHtml(model, { headingBase: 2, narrowCharts: true });
    const figures = [...page.matchAll(/<figure class="kk-figure" id="([^"]+)">([\s\S]*?)<\/figure>/g)];
    for (const [, , body] of figures) {
      expect(body).toMatch(/^<figcaption>[^<]+<\/figcaption><div class="kk-chart kk-chart-wide"><svg [^>]*width="720"/);
      expect(body).toMatch(/<div class="kk-chart kk-chart-narrow"><svg [^>]*width="320"/);
    }
    expect(REPORT_CSS).toMatch(/\.kk-report \.kk-chart-narrow \{ display: none; \}/);
    expect(REPORT_CSS).toMatch(/@media screen and \(max-width: 37\.5em\) \{\s*\.kk-report \.kk-chart-wide \{ display: none; \}/);
  });

  it("lays strengths and improvements out as two columns of bulleted lists, and good examples as a list", () => {
    expect(html).toContain(`<th scope="col">Styrkor</th><th scope="col">Förbättringsmöjligheter</th>`);
    expect(html).toContain(`<caption>Styrkor och förbättringsmöjligheter inom område 1</caption>`);
    expect(html).toMatch(
      /<td><ul><li>Riktlinjer för medborgardialog<\/li><li>Medborgarbudget i utvalda områden<\/li>.*?<\/ul><\/td><td><ul><li>Handlingar till fullmäktige på webben<\/li>/,
    );
    expect(html).toContain(
      `<ul class="kk-examples"><li><span class="kk-example-place">Stockholm:</span> Visar resultat per verksamhet på enhetsnivå på webben.</li><li><span class="kk-example-place">Malmö &amp; Lund:</span>`,
    );
  });

  it("shows key facts as label/value rows", () => {
    expect(html).toContain(
      `<table class="kk-facts" aria-labelledby="kortfakta"><tbody><tr><th scope="row">Kommungrupp (SKL:s kommungruppsindelning 2011)</th><td>3. Större städer</td></tr>` +
        `<tr><th scope="row">Folkmängd</th><td>137\u00a0121</td></tr><tr><th scope="row">Folkökning/-minskning 2010–2011</th><td>+1\u00a0661</td></tr>`,
    );
  });

  it("links the contents to the headings, with page numbers only when known", () => {
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets).toEqual(model.contents.map((e) => e.id));
    for (const id of targets) expect(html).toContain(`id="${id}"`);
    expect(html).not.toContain("kk-toc-page");
    const numbered = renderReportHtml(model, {
      headingBase: 1,
      pageNumbers: new Map([
        ["om-kommunkompassen", 3],
        ["omrade-2", 12],
      ]),
    });
    expect(numbered).toContain(
      `<a href="#om-kommunkompassen"><span class="kk-toc-title"><span class="kk-toc-num">1</span> Vad är Kommunkompassen?</span><span class="kk-toc-leader" aria-hidden="true"></span> <span class="kk-toc-page">3</span></a>`,
    );
    expect(numbered).toContain(
      `<a href="#omrade-2"><span class="kk-toc-title"><span class="kk-toc-num">Område 2</span> Tillgänglighet och brukarorientering</span>`,
    );
    expect(numbered.match(/kk-toc-page/g)).toHaveLength(2);
    // Area entries are nested under the areas chapter.
    expect(numbered).toMatch(/<li class="kk-toc-l1"><a href="#omraden">[\s\S]*?<\/a><ol><li class="kk-toc-l2"><a href="#omrade-1">/);
  });

  it("leaves out parts that are null or empty, headings and contents entries included", () => {
    const model = withoutOptional();
    const html = renderReportHtml(model, { headingBase: 1 });
    expect(model.keyFacts).toBeNull();
    expect(html).not.toContain('id="kortfakta"');
    expect(html).not.toContain('href="#kortfakta"');
    expect(html).not.toContain("kk-draft");
    expect(html.match(/<figure/g)).toHaveLength(1);
    expect(html).not.toContain("Goda exempel att studera");
    expect(html).not.toContain("kk-examples");
    expect(html.match(/kk-strengths/g)).toHaveLength(1);
    expect(html.indexOf("kk-strengths")).toBeGreaterThan(html.indexOf('id="omrade-2"'));
    // Area 2 has no general text: its rubric table is followed by the strengths.
    expect(html).toMatch(
      /id="omrade-2-rubriker"[\s\S]*?<\/table><\/div>\n<div class="kk-table-wrap kk-short"[^>]*><table class="kk-strengths">/,
    );
    expect(model.summary.summary).toEqual([]);
    expect(html).toContain(`<p>${escapeHtml(model.summary.method[0]!)}</p>\n<p>${escapeHtml(model.summary.method[1]!)}</p>`);
    expect(html).toContain(
      `<p>${escapeHtml(model.summary.method.at(-1)!)}</p>\n<h3 class="kk-h kk-h-section">${model.summary.resultsHeading}</h3>`,
    );
    expectWellFormedHeadings(html, 1);

    model.about.paragraphs = [];
    model.about.lists = [];
    model.areas = [];
    model.summary.method = [];
    const bare = renderReportHtml(model, { headingBase: 2 });
    expect(bare).not.toContain('id="om-kommunkompassen"');
    expect(bare).not.toContain('id="omraden"');
    expect(bare).not.toContain("Utvärderingen</h4>");
    expectWellFormedHeadings(bare, 2);
  });
});

describe("renderReportDocument", () => {
  const model = sampleModel({ areas: 2 });
  const doc = renderReportDocument(model);

  it("is a complete Swedish document with title, author and subject", () => {
    expect(doc.startsWith('<!doctype html>\n<html lang="sv">')).toBe(true);
    expect(doc).toContain(`<title>Kommunkompassen – analys av Örebro kommun 2012</title>`);
    expect(doc).toContain(`<meta name="author" content="Anders Bergenek, Halmstad kommun; Lars Strid, SKL">`);
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
    const doc = renderReportDocument(model, { pageNumbers: new Map([["kortfakta", 9]]) });
    expect(doc).toContain(
      `<a href="#kortfakta"><span class="kk-toc-title"><span class="kk-toc-num">5</span> Kortfakta om Örebro kommun</span><span class="kk-toc-leader" aria-hidden="true"></span> <span class="kk-toc-page">9</span></a>`,
    );
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
