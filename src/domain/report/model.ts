/**
 * The analysis report as plain data. `buildReport` makes it; the HTML, PDF, Word and Excel
 * renderers only lay it out. Every figure a renderer shows is here already formatted (`text`)
 * and, where a format needs a number (charts, Excel), as a number (`value`): no renderer
 * rounds, sums or divides.
 */

/** A figure as printed (`text`, Swedish format) and as a number for charts and Excel. */
export interface Figure {
  text: string;
  /** null where the figure is missing (printed as a dash). */
  value: number | null;
}

export type Align = "left" | "right";

export interface TableColumn {
  label: string;
  align: Align;
  /** A narrow column (numbers): renderers may give it a fixed width. */
  numeric: boolean;
}

export interface TableCell {
  text: string;
  value?: number | null;
}

export interface TableRow {
  cells: TableCell[];
  /** A sum or total line: printed bold, marked as such. */
  emphasis?: boolean;
  /** The first cell names the row (rendered as a row header). */
  header?: boolean;
}

export interface Table {
  /** Stable id, used as HTML anchor and Excel sheet key. */
  id: string;
  /** "Tabell 1 …": shown above the table and used as its accessible name. */
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Notes under the table (e.g. "another instrument version"). */
  notes: string[];
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  /**
   * The values as printed, where they are not whole points (averages: one decimal, "67,0"). The
   * chart's table and its labels use these; without them the value is printed as it is.
   */
  texts?: string[];
}

export interface Chart {
  id: string;
  /** "line": values over time (categories are years), one series per instrument version. */
  kind: "bar" | "radar" | "line";
  title: string;
  /** Text alternative: what the chart shows, in a sentence or two. */
  description: string;
  /** Category labels in order (areas: "1. Offentlighet och demokrati"). */
  categories: string[];
  /** Short category labels for narrow axes ("1", "2" … or short names). */
  shortCategories: string[];
  series: ChartSeries[];
  /** Axis maximum (100 per area). */
  max: number;
  /** The chart's figures as a table, for screen readers and for formats without charts. */
  table: Table;
}

export interface TextBlock {
  /** Paragraphs of running text, in order. */
  paragraphs: string[];
}

export interface Heading {
  /** Anchor id, unique in the report. */
  id: string;
  /** "1", "2", "Område 1" … (printed before the title). */
  number: string;
  title: string;
}

export interface AboutSection {
  heading: Heading;
  paragraphs: string[];
  /** Lists that follow the paragraph with the same index (after paragraphs[index]). */
  lists: { after: number; items: string[] }[];
}

export interface SummarySection {
  heading: Heading;
  /** "Utvärderingen": when and how, then the evaluators' own summary text. */
  methodHeading: string;
  method: string[];
  /** The summary text written by the evaluators (may be empty: then left out). */
  summary: string[];
  resultsHeading: string;
  table1: Table;
  barChart: Chart;
  /** The profile; with no earlier evaluations to compare with, the municipality alone (see comparisonNote). */
  radarChart: Chart | null;
  /** Which evaluations the average is made of (or why there is none, or too few: MIN_AVERAGED). */
  comparisonNote: string;
  comparedWith: { municipality: string; year: number }[];
  /** Whether the radar has the average (at least MIN_AVERAGED evaluations made it). */
  averaged: boolean;
}

export interface SubareaText {
  heading: string;
  paragraphs: string[];
}

export interface GoodExample {
  municipality: string;
  sentence: string;
}

export interface AreaChapter {
  heading: Heading;
  number: number;
  /** The rubric headings beside the area points (the box at the top of each area). */
  rubricTable: Table;
  general: TextBlock | null;
  subareas: SubareaText[];
  /** Two columns: strengths and improvement opportunities. Null when both are empty. */
  strengthsTable: {
    caption: string;
    strengthsLabel: string;
    improvementsLabel: string;
    strengths: string[];
    improvements: string[];
  } | null;
  goodExamples: { heading: string; items: GoodExample[] } | null;
}

export interface OverviewSection {
  heading: Heading;
  intro: string;
  /** One table per area: sub-areas with achieved, max and percent, then the area line. */
  tables: Table[];
}

/**
 * "Sedan förra utvärderingen": the previous evaluation's improvement opportunities as the team
 * marked them, one table per area of the previous evaluation (named as its version names it).
 */
export interface FollowupSection {
  heading: Heading;
  /** What the section is, how many were followed up and how they stand, and (across versions) why areas are not matched. */
  paragraphs: string[];
  /** Per area: the opportunity (row header), the verdict and the comment. */
  tables: Table[];
}

export interface KeyFactsSection {
  heading: Heading;
  rows: { label: string; value: string }[];
}

export interface Cover {
  title: string;
  subtitle: string;
  municipality: string;
  year: number;
  evaluators: string[];
  evaluatorsLabel: string;
  /** ISO date, printed as it is (2012-12-30), as the published reports print it. */
  date: string | null;
  dateText: string;
  instrument: string;
  publisher: string;
}

export interface ContentsEntry {
  id: string;
  number: string;
  title: string;
  level: 1 | 2;
}

/** Rows for the Excel workbook: the same figures as the tables, as numbers. */
export interface WorkbookSheet {
  name: string;
  columns: { label: string; kind: "text" | "number" | "percent"; width: number }[];
  rows: (string | number | null)[][];
}

export interface ReportModel {
  language: "sv";
  /** Document title (PDF metadata, HTML title, Word core properties). */
  title: string;
  /** Until published, every page says "Utkast". */
  draft: boolean;
  draftLabel: string;
  /** kommunkompassen-orebro-2012 (no extension). */
  fileStem: string;
  subject: string;
  author: string;
  cover: Cover;
  contentsHeading: string;
  contents: ContentsEntry[];
  about: AboutSection;
  summary: SummarySection;
  /** After the summary, before the area chapters; null when nothing was followed up. */
  followup: FollowupSection | null;
  areasHeading: Heading;
  areas: AreaChapter[];
  overview: OverviewSection;
  keyFacts: KeyFactsSection | null;
  /** Page footers: "Sida 3 av 19". */
  pageLabel: string;
  pageOfLabel: string;
  workbook: { subareas: WorkbookSheet; areas: WorkbookSheet; followup: WorkbookSheet | null };
}
