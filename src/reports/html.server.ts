/**
 * The analysis report as HTML: a fragment for the app page and a complete document that the
 * PDF is printed from. Everything is laid out in model order; parts that are null or empty are
 * left out together with their heading, so no heading is empty and levels never skip.
 */
import type { AreaChapter, ContentsEntry, ReportModel } from "../domain/report/model.ts";
import {
  bulletList,
  escapeHtml,
  factsHtml,
  figureHtml,
  headingHtml,
  modelHeading,
  paragraphs,
  strengthsHtml,
  tableHtml,
} from "./htmlParts.server.ts";
import { REPORT_CSS, interFontFaceCss } from "./reportCss.server.ts";

export { escapeHtml, headingText } from "./htmlParts.server.ts";
export { REPORT_CSS } from "./reportCss.server.ts";

export interface HtmlOptions {
  /** 1: the cover title is the page's h1 (the PDF document); 2: the app page has its own h1. */
  headingBase: 1 | 2;
  /** Heading id → 1-based page number, printed in the contents (known only after a first print). */
  pageNumbers?: ReadonlyMap<string, number>;
  /** Each chart also laid out for a phone, shown below 600 px (the web page; a PDF has no use for it). */
  narrowCharts?: boolean;
}

/** Id of the contents heading; prefixed so it cannot meet a model id. */
export const CONTENTS_HEADING_ID = "kk-contents-heading";

/** Heading levels for one rendering: chapter = base + 1, and so on down. */
interface Levels {
  title: number;
  chapter: number;
  section: number;
  sub: number;
}

function levels(base: 1 | 2): Levels {
  return { title: base, chapter: base + 1, section: base + 2, sub: base + 3 };
}

/** Joins the parts that exist; a null or empty part leaves no trace. */
function join(parts: readonly (string | null | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === "string" && p !== "").join("\n");
}

function section(className: string, labelledBy: string | null, body: string): string {
  const label = labelledBy ? ` aria-labelledby="${escapeHtml(labelledBy)}"` : "";
  return `<section class="${className}"${label}>\n${body}\n</section>`;
}

function cover(model: ReportModel, l: Levels): string {
  const c = model.cover;
  const place = [c.municipality, String(c.year)]
    .filter((p) => p.trim() !== "")
    .map(escapeHtml)
    .join(" ");
  const date =
    c.dateText.trim() === ""
      ? null
      : c.date
        ? `<p class="kk-cover-meta"><time datetime="${escapeHtml(c.date)}">${escapeHtml(c.dateText)}</time></p>`
        : `<p class="kk-cover-meta">${escapeHtml(c.dateText)}</p>`;
  return section(
    "kk-cover",
    null,
    join([
      headingHtml(l.title, "title", c.title),
      model.draft && model.draftLabel.trim() !== "" ? `<p class="kk-draft">${escapeHtml(model.draftLabel)}</p>` : null,
      c.subtitle.trim() !== "" ? `<p class="kk-cover-subtitle">${escapeHtml(c.subtitle)}</p>` : null,
      place !== "" ? `<p class="kk-cover-place">${place}</p>` : null,
      bulletList(c.evaluators, "kk-cover-evaluators"),
      date,
      paragraphs([c.instrument], "kk-cover-meta"),
      paragraphs([c.publisher], "kk-cover-meta"),
    ]),
  );
}

function contentsLink(entry: ContentsEntry, pageNumbers: ReadonlyMap<string, number> | undefined): string {
  const page = pageNumbers?.get(entry.id);
  const number = entry.number.trim() !== "" ? `<span class="kk-toc-num">${escapeHtml(entry.number)}</span> ` : "";
  const pageHtml =
    page === undefined ? "" : `<span class="kk-toc-leader" aria-hidden="true"></span> <span class="kk-toc-page">${page}</span>`;
  // Number and title share one flex item: white space between flex items is dropped, and the
  // copied or extracted text should read "Område 1 Offentlighet …", not "Område 1Offentlighet".
  return `<a href="#${escapeHtml(entry.id)}"><span class="kk-toc-title">${number}${escapeHtml(entry.title)}</span>${pageHtml}</a>`;
}

/** Level-2 entries are nested under the level-1 entry before them. */
function contents(model: ReportModel, rendered: ReadonlySet<string>, l: Levels, pageNumbers?: ReadonlyMap<string, number>): string {
  const entries = model.contents.filter((e) => rendered.has(e.id));
  if (entries.length === 0) return "";
  const items: string[] = [];
  let children: string[] = [];
  let open: string | null = null;
  const close = () => {
    if (open !== null) items.push(`<li class="kk-toc-l1">${open}${children.length ? `<ol>${children.join("")}</ol>` : ""}</li>`);
    open = null;
    children = [];
  };
  for (const entry of entries) {
    const link = contentsLink(entry, pageNumbers);
    if (entry.level === 1) {
      close();
      open = link;
    } else if (open === null) {
      items.push(`<li class="kk-toc-l2">${link}</li>`);
    } else {
      children.push(`<li class="kk-toc-l2">${link}</li>`);
    }
  }
  close();
  const heading = headingHtml(l.chapter, "chapter", model.contentsHeading, CONTENTS_HEADING_ID);
  const label = heading ? ` aria-labelledby="${CONTENTS_HEADING_ID}"` : "";
  return `<nav class="kk-contents"${label}>\n${join([heading, `<ol class="kk-toc">${items.join("")}</ol>`])}\n</nav>`;
}

function about(model: ReportModel, l: Levels): string | null {
  const a = model.about;
  const byIndex = (i: number) => a.lists.filter((list) => list.after === i).map((list) => bulletList(list.items));
  const last = a.paragraphs.length - 1;
  const body = join([
    // Lists placed before the first paragraph or after the last one still appear, in order.
    ...a.lists.filter((list) => list.after < 0).map((list) => bulletList(list.items)),
    ...a.paragraphs.flatMap((p, i) => [paragraphs([p]), ...byIndex(i)]),
    ...a.lists.filter((list) => list.after > last).map((list) => bulletList(list.items)),
  ]);
  if (body === "") return null;
  return section("kk-chapter kk-about", a.heading.id, join([modelHeading(l.chapter, "chapter", a.heading), body]));
}

function summary(model: ReportModel, l: Levels, narrow: boolean): string {
  const s = model.summary;
  const text = join([paragraphs(s.method), paragraphs(s.summary)]);
  const results = join([
    tableHtml(s.table1),
    figureHtml(s.barChart, { narrow }),
    s.radarChart ? figureHtml(s.radarChart, { narrow }) : null,
    paragraphs([s.comparisonNote], "kk-comparison"),
  ]);
  return section(
    "kk-chapter kk-summary",
    s.heading.id,
    join([
      modelHeading(l.chapter, "chapter", s.heading),
      text !== "" ? join([headingHtml(l.section, "section", s.methodHeading), text]) : null,
      headingHtml(l.section, "section", s.resultsHeading),
      results,
    ]),
  );
}

/** "Sedan förra utvärderingen": what it is, then per area the opportunities with verdict and comment. */
function followup(model: ReportModel, l: Levels): string | null {
  const f = model.followup;
  if (!f || f.tables.length === 0) return null;
  return section(
    "kk-chapter kk-followup",
    f.heading.id,
    join([modelHeading(l.chapter, "chapter", f.heading), paragraphs(f.paragraphs), ...f.tables.map((t) => tableHtml(t))]),
  );
}

function area(a: AreaChapter, l: Levels): string {
  const subareas = a.subareas.map((sub) => {
    const body = paragraphs(sub.paragraphs);
    const heading = headingHtml(l.sub, "sub", sub.heading);
    return heading === null && body === "" ? null : join([heading, body]);
  });
  const strengthsEmpty = !a.strengthsTable || (a.strengthsTable.strengths.length === 0 && a.strengthsTable.improvements.length === 0);
  // The municipality is bold by CSS, not <strong>: Chromium tags <strong> with the PDF 2.0 type
  // "Strong", which PDF 1.x readers (poppler) reject as a wrong structure type.
  const examples = a.goodExamples?.items.filter((e) => e.sentence.trim() !== "" || e.municipality.trim() !== "") ?? [];
  const examplesList =
    examples.length === 0
      ? null
      : `<ul class="kk-examples">${examples
          .map(
            (e) =>
              `<li>${e.municipality.trim() !== "" ? `<span class="kk-example-place">${escapeHtml(e.municipality)}:</span> ` : ""}${escapeHtml(e.sentence)}</li>`,
          )
          .join("")}</ul>`;
  return section(
    "kk-area",
    a.heading.id,
    join([
      modelHeading(l.section, "section", a.heading),
      a.rubricTable.rows.length ? tableHtml(a.rubricTable) : null,
      a.general ? paragraphs(a.general.paragraphs) : null,
      ...subareas,
      a.strengthsTable && !strengthsEmpty ? strengthsHtml(a.strengthsTable) : null,
      examplesList ? join([headingHtml(l.sub, "sub", a.goodExamples?.heading ?? ""), examplesList]) : null,
    ]),
  );
}

function areas(model: ReportModel, l: Levels): string | null {
  if (model.areas.length === 0) return null;
  return section(
    "kk-chapter kk-areas",
    model.areasHeading.id,
    join([modelHeading(l.chapter, "chapter", model.areasHeading), ...model.areas.map((a) => area(a, l))]),
  );
}

function overview(model: ReportModel, l: Levels): string | null {
  const o = model.overview;
  const body = join([paragraphs([o.intro]), ...o.tables.filter((t) => t.rows.length > 0).map((t) => tableHtml(t))]);
  if (body === "") return null;
  return section("kk-chapter kk-overview", o.heading.id, join([modelHeading(l.chapter, "chapter", o.heading), body]));
}

function keyFacts(model: ReportModel, l: Levels): string | null {
  const k = model.keyFacts;
  if (!k || k.rows.length === 0) return null;
  return section(
    "kk-chapter kk-facts-section",
    k.heading.id,
    join([modelHeading(l.chapter, "chapter", k.heading), factsHtml(k.rows, k.heading.id)]),
  );
}

/** Ids of the headings a rendered chapter carries, so the contents never link to a left-out part. */
function renderedIds(
  model: ReportModel,
  parts: { about: boolean; followup: boolean; areas: boolean; overview: boolean; keyFacts: boolean },
): Set<string> {
  const ids = new Set<string>([model.summary.heading.id]);
  if (parts.about) ids.add(model.about.heading.id);
  if (parts.followup && model.followup) ids.add(model.followup.heading.id);
  if (parts.areas) {
    ids.add(model.areasHeading.id);
    for (const a of model.areas) ids.add(a.heading.id);
  }
  if (parts.overview) ids.add(model.overview.heading.id);
  if (parts.keyFacts && model.keyFacts) ids.add(model.keyFacts.heading.id);
  return ids;
}

/** The report as an `<article>` fragment, for the app page (headingBase 2) or the document (1). */
export function renderReportHtml(model: ReportModel, options: HtmlOptions): string {
  const l = levels(options.headingBase);
  const chapters = {
    about: about(model, l),
    summary: summary(model, l, options.narrowCharts ?? false),
    followup: followup(model, l),
    areas: areas(model, l),
    overview: overview(model, l),
    keyFacts: keyFacts(model, l),
  };
  const ids = renderedIds(model, {
    about: chapters.about !== null,
    followup: chapters.followup !== null,
    areas: chapters.areas !== null,
    overview: chapters.overview !== null,
    keyFacts: chapters.keyFacts !== null,
  });
  return `<article class="kk-report" lang="sv">\n${join([
    cover(model, l),
    contents(model, ids, l, options.pageNumbers),
    chapters.about,
    chapters.summary,
    chapters.followup,
    chapters.areas,
    chapters.overview,
    chapters.keyFacts,
  ])}\n</article>`;
}

/** A complete HTML document with the font embedded: what the PDF is printed from. */
export function renderReportDocument(model: ReportModel, options: { pageNumbers?: ReadonlyMap<string, number> } = {}): string {
  const meta = (name: string, content: string) => `<meta name="${name}" content="${escapeHtml(content)}">`;
  return [
    "<!doctype html>",
    `<html lang="sv">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<title>${escapeHtml(model.title)}</title>`,
    meta("author", model.author),
    meta("subject", model.subject),
    meta("description", model.subject),
    `<style>\n${interFontFaceCss()}\nhtml,body{margin:0;padding:0;background:#fff;}\n${REPORT_CSS}</style>`,
    "</head>",
    "<body>",
    // A main landmark, so the document alone passes axe's landmark rules.
    `<main>${renderReportHtml(model, { headingBase: 1, pageNumbers: options.pageNumbers })}</main>`,
    "</body>",
    "</html>",
  ].join("\n");
}
