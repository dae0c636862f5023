import { HeadingLevel, Paragraph, TableOfContents, TextRun, type FileChild } from "docx";
import type {
  AboutSection,
  AreaChapter,
  Cover,
  FollowupSection,
  KeyFactsSection,
  OverviewSection,
  ReportModel,
  SummarySection,
} from "../../domain/report/model.ts";
import { bullets, heading, headingText, pairTable, paragraphs, tableBlocks, twoListTable } from "./blocks.server.ts";
import { chartBlocks, type ChartPng } from "./chart.server.ts";

/**
 * The chapters of the Word report in the order of the published reports. Each returns nothing
 * for a part the model leaves out, so no heading stands without content.
 */

/** Label before the evaluators' names on the cover; the model has none (move it there). */
/** Between a good example's municipality and its sentence. */
export const GOOD_EXAMPLE_SEPARATOR = " – ";

export const DRAFT_COLOR = "C00000";
/** Heading levels the table of contents lists: chapters, then areas and the summary's sub-sections. */
export const TOC_HEADING_RANGE = "1-2";

function coverLine(text: string, style: string): Paragraph[] {
  return text.trim() === "" ? [] : [new Paragraph({ text, style })];
}

export function cover(model: ReportModel): FileChild[] {
  const c: Cover = model.cover;
  const draft = model.draft ? [new Paragraph({ style: "CoverDraft", children: [new TextRun({ text: model.draftLabel })] })] : [];
  const evaluators = c.evaluators.length > 0 ? `${c.evaluatorsLabel}: ${c.evaluators.join(", ")}` : "";
  return [
    ...draft,
    new Paragraph({ text: c.title, heading: HeadingLevel.TITLE }),
    ...coverLine(c.subtitle, "Subtitle"),
    ...coverLine(`${c.municipality} ${c.year}`, "CoverMunicipality"),
    ...coverLine(evaluators, "CoverDetail"),
    // Without a date the builder gives the year as date text; it is on the line above already.
    ...coverLine(c.dateText === String(c.year) ? "" : c.dateText, "CoverDetail"),
    ...coverLine(c.instrument, "CoverDetail"),
    ...coverLine(c.publisher, "CoverDetail"),
  ];
}

/**
 * A table-of-contents field over heading styles 1-2 with links. docx fills it from the headings;
 * Word updates it, with page numbers, when the document opens (`updateFields`).
 */
export function contents(model: ReportModel): FileChild[] {
  return [
    // Not a heading style, so the contents do not list themselves.
    new Paragraph({ text: model.contentsHeading, style: "TOCHeading", pageBreakBefore: true }),
    new TableOfContents(model.contentsHeading, { hyperlink: true, headingStyleRange: TOC_HEADING_RANGE }),
  ];
}

export function about(section: AboutSection): FileChild[] {
  const listsAfter = (index: number) => section.lists.filter((list) => list.after === index).flatMap((list) => bullets(list.items));
  const last = section.paragraphs.length - 1;
  return [
    heading(headingText(section.heading), 1, { pageBreakBefore: true }),
    // Lists placed before the first or after the last paragraph still appear, in place.
    ...section.lists.filter((list) => list.after < 0).flatMap((list) => bullets(list.items)),
    ...section.paragraphs.flatMap((text, index) => [...paragraphs([text]), ...listsAfter(index)]),
    ...section.lists.filter((list) => list.after > last).flatMap((list) => bullets(list.items)),
  ];
}

export function summary(section: SummarySection, png: ChartPng): FileChild[] {
  const method = [...paragraphs(section.method), ...paragraphs(section.summary)];
  return [
    heading(headingText(section.heading), 1, { pageBreakBefore: true }),
    ...(method.length > 0 ? [heading(section.methodHeading, 2), ...method] : []),
    heading(section.resultsHeading, 2),
    ...tableBlocks(section.table1),
    ...chartBlocks(section.barChart, png),
    ...(section.radarChart === null ? [] : chartBlocks(section.radarChart, png)),
    ...paragraphs([section.comparisonNote]),
  ];
}

/** "Sedan förra utvärderingen": its paragraphs, then a table per area of the previous evaluation. */
export function followup(section: FollowupSection | null): FileChild[] {
  if (section === null || section.tables.length === 0) return [];
  return [
    heading(headingText(section.heading), 1, { pageBreakBefore: true }),
    ...paragraphs(section.paragraphs),
    ...section.tables.flatMap(tableBlocks),
  ];
}

function goodExamples(examples: AreaChapter["goodExamples"]): FileChild[] {
  if (examples === null || examples.items.length === 0) return [];
  return [
    heading(examples.heading, 3),
    ...examples.items.map(
      (item) =>
        new Paragraph({
          bullet: { level: 0 },
          children: [
            new TextRun({ text: item.municipality, bold: true }),
            new TextRun({ text: `${GOOD_EXAMPLE_SEPARATOR}${item.sentence}` }),
          ],
        }),
    ),
  ];
}

function area(chapter: AreaChapter): FileChild[] {
  const strengths = chapter.strengthsTable;
  const hasStrengths = strengths !== null && (strengths.strengths.length > 0 || strengths.improvements.length > 0);
  return [
    heading(headingText(chapter.heading), 2),
    ...tableBlocks(chapter.rubricTable),
    ...paragraphs(chapter.general?.paragraphs ?? []),
    ...chapter.subareas.flatMap((subarea) => {
      const body = paragraphs(subarea.paragraphs);
      return body.length > 0 ? [heading(subarea.heading, 3), ...body] : [];
    }),
    ...(hasStrengths
      ? twoListTable(
          strengths.caption,
          [strengths.strengthsLabel, strengths.improvementsLabel],
          [strengths.strengths, strengths.improvements],
        )
      : []),
    ...goodExamples(chapter.goodExamples),
  ];
}

export function areas(model: ReportModel): FileChild[] {
  if (model.areas.length === 0) return [];
  return [heading(headingText(model.areasHeading), 1, { pageBreakBefore: true }), ...model.areas.flatMap(area)];
}

export function overview(section: OverviewSection): FileChild[] {
  return [
    heading(headingText(section.heading), 1, { pageBreakBefore: true }),
    ...paragraphs([section.intro]),
    ...section.tables.flatMap(tableBlocks),
  ];
}

export function keyFacts(section: KeyFactsSection | null): FileChild[] {
  if (section === null || section.rows.length === 0) return [];
  return [heading(headingText(section.heading), 1, { pageBreakBefore: true }), ...pairTable(section.rows)];
}
