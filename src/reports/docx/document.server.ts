import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type IParagraphStyleOptions,
  type IStylesOptions,
} from "docx";
import type { ReportModel } from "../../domain/report/model.ts";
import { about, areas, contents, cover, DRAFT_COLOR, followup, keyFacts, overview, summary } from "./chapters.server.ts";
import type { ChartPng } from "./chart.server.ts";

/**
 * The whole Word document: A4 with normal margins, Swedish as the language of all text, Word's
 * heading styles for the navigation pane and the table of contents, a draft header while the
 * report is a draft and "Sida X av Y" in the footer.
 */

export const FONT = "Calibri";
export const LANGUAGE = "sv-SE";
const TEXT_COLOR = "1F1F1F";
const HEADING_COLOR = "1F3864";

/** A4 in twips (twentieths of a point), and Word's normal margins of 2.54 cm. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1440;
const HEADER_DISTANCE = 708;

/** Headings stay with the text after them and are never split over two pages. */
const headingParagraph = (before: number, outlineLevel: number) => ({
  spacing: { before, after: 120 },
  keepNext: true,
  keepLines: true,
  outlineLevel,
});

function paragraphStyle(
  id: string,
  name: string,
  run: NonNullable<IParagraphStyleOptions["run"]>,
  paragraph: IParagraphStyleOptions["paragraph"] = {},
): IParagraphStyleOptions {
  return { id, name, basedOn: "Normal", next: "Normal", quickFormat: true, run, paragraph };
}

export const STYLES: IStylesOptions = {
  default: {
    document: {
      // Swedish on the default run style, so spelling and hyphenation are Swedish throughout.
      run: { font: FONT, size: 22, color: TEXT_COLOR, language: { value: LANGUAGE } },
      // lineRule written out: LibreOffice reads a bare w:line as exact and clips inline images.
      paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
    },
    title: { run: { font: FONT, size: 56, bold: true, color: HEADING_COLOR }, paragraph: { spacing: { before: 2400, after: 240 } } },
    heading1: { run: { font: FONT, size: 32, bold: true, color: HEADING_COLOR }, paragraph: headingParagraph(240, 0) },
    heading2: { run: { font: FONT, size: 26, bold: true, color: HEADING_COLOR }, paragraph: headingParagraph(240, 1) },
    heading3: { run: { font: FONT, size: 23, bold: true, color: HEADING_COLOR }, paragraph: headingParagraph(180, 2) },
    caption: {
      run: { font: FONT, size: 20, bold: true, italics: false, color: HEADING_COLOR },
      paragraph: { spacing: { before: 160, after: 80 }, keepNext: true },
    },
  },
  paragraphStyles: [
    paragraphStyle("Subtitle", "Subtitle", { size: 32, color: HEADING_COLOR }, { spacing: { after: 480 } }),
    paragraphStyle("CoverMunicipality", "Cover Municipality", { size: 36, bold: true }, { spacing: { after: 120 } }),
    paragraphStyle("CoverDetail", "Cover Detail", { size: 24 }, { spacing: { after: 80 } }),
    paragraphStyle(
      "CoverDraft",
      "Cover Draft",
      { size: 48, bold: true, allCaps: true, color: DRAFT_COLOR },
      {
        border: {
          top: { style: BorderStyle.SINGLE, size: 12, color: DRAFT_COLOR, space: 4 },
          bottom: { style: BorderStyle.SINGLE, size: 12, color: DRAFT_COLOR, space: 4 },
        },
        alignment: AlignmentType.CENTER,
      },
    ),
    // Looks like a chapter heading but has no outline level, so the contents do not list it.
    paragraphStyle("TOCHeading", "TOC Heading", { size: 32, bold: true, color: HEADING_COLOR }, { spacing: { before: 240, after: 240 } }),
    paragraphStyle("TOC1", "toc 1", { bold: true }, { spacing: { before: 120, after: 40 } }),
    paragraphStyle("TOC2", "toc 2", {}, { spacing: { after: 20 }, indent: { left: 240 } }),
    paragraphStyle("TOC3", "toc 3", { size: 20 }, { spacing: { after: 0 }, indent: { left: 480 } }),
    paragraphStyle("TableText", "Table Text", { size: 20 }, { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } }),
    paragraphStyle("TableNote", "Table Note", { size: 18, italics: true }, { spacing: { before: 60, after: 0 } }),
    paragraphStyle("TableSpacer", "Table Spacer", { size: 12 }, { spacing: { after: 120, line: 240, lineRule: LineRuleType.AUTO } }),
    paragraphStyle(
      "PageHeader",
      "Page Header",
      { size: 20, bold: true, allCaps: true, color: DRAFT_COLOR },
      { alignment: AlignmentType.RIGHT },
    ),
    paragraphStyle("PageFooter", "Page Footer", { size: 18 }, { alignment: AlignmentType.CENTER, spacing: { after: 0 } }),
  ],
};

function draftHeader(model: ReportModel): Header {
  return new Header({ children: [new Paragraph({ style: "PageHeader", text: model.draftLabel })] });
}

function pageFooter(model: ReportModel): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: "PageFooter",
        children: [
          new TextRun({ children: [`${model.pageLabel} `, PageNumber.CURRENT, ` ${model.pageOfLabel} `, PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

/** Short text for the document's description property; the model has no description of its own. */
function description(model: ReportModel): string {
  const { subtitle, year, instrument } = model.cover;
  return instrument.trim() === "" ? `${subtitle} ${year}.` : `${subtitle} ${year}. ${instrument}.`;
}

export function buildReportDocument(model: ReportModel, png: ChartPng): Document {
  const children = [
    ...cover(model),
    ...contents(model),
    ...about(model.about),
    ...summary(model.summary, png),
    ...followup(model.followup),
    ...areas(model),
    ...overview(model.overview),
    ...keyFacts(model.keyFacts),
  ];
  // The cover has no page number; the draft header is on every page, the cover's too.
  const headers = model.draft ? { default: draftHeader(model), first: draftHeader(model) } : {};
  return new Document({
    title: model.title,
    subject: model.subject,
    creator: model.author,
    lastModifiedBy: model.author,
    description: description(model),
    // Word fills in the table of contents and the page count when it opens the document.
    features: { updateFields: true },
    styles: STYLES,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { ...A4, orientation: PageOrientation.PORTRAIT },
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: HEADER_DISTANCE, footer: HEADER_DISTANCE },
          },
        },
        headers,
        footers: { default: pageFooter(model), first: new Footer({ children: [new Paragraph({})] }) },
        children,
      },
    ],
  });
}
