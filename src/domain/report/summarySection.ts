import type { ReportWording } from "./wording.ts";
import type { ReportFigures } from "./figures.ts";
import { enoughToAverage, MIN_AVERAGED } from "./compare.ts";
import { count, dateRange, fill, joinSv, longDate, paragraphsOf, printedAverage } from "./format.ts";
import type { ReportInput } from "./input.ts";
import type { Chart, SummarySection, Table, TableRow } from "./model.ts";

export const SUMMARY_ID = "sammanfattning";

export function summarySection(input: ReportInput, figures: ReportFigures, municipality: string, w: ReportWording): SummarySection {
  const s = w.summary;
  return {
    heading: { id: SUMMARY_ID, number: "2", title: fill(s.title, { municipality }) },
    methodHeading: s.method,
    method: methodParagraphs(input, municipality, w),
    summary: paragraphsOf(input.texts["summary.evaluation"]),
    resultsHeading: s.results,
    table1: table1(input, figures, municipality, w),
    barChart: barChart(input, figures, municipality, w),
    radarChart: radarChart(input, figures, municipality, w),
    comparisonNote: comparisonNote(input, w),
    comparedWith: input.comparison.used,
    averaged: enoughToAverage(input.comparison.used.length),
  };
}

/** Which evaluations the average is made of; or that there were none, or too few to average. */
function comparisonNote(input: ReportInput, w: ReportWording): string {
  const s = w.summary;
  const used = input.comparison.used;
  const instrument = input.instrument.key;
  const list = joinSv(used.map((u) => `${u.municipality} ${u.year}`));
  if (used.length === 0) return fill(s.comparisonNone, { instrument });
  if (!enoughToAverage(used.length))
    return fill(used.length === 1 ? s.comparisonTooFewOne : s.comparisonTooFew, {
      count: used.length,
      min: MIN_AVERAGED,
      instrument,
      list,
    });
  return fill(s.comparison, { count: used.length, asked: input.comparison.asked, list });
}

function methodParagraphs(input: ReportInput, municipality: string, w: ReportWording): string[] {
  const s = w.summary;
  const instrument = input.instrument.key;
  const first = [
    input.visitStart && input.visitEnd && input.visitStart !== input.visitEnd
      ? fill(s.visitRange, { municipality, instrument, ...dateRange(input.visitStart, input.visitEnd) })
      : input.visitStart || input.visitEnd
        ? fill(s.visitDay, { municipality, instrument, date: longDate((input.visitStart ?? input.visitEnd)!) })
        : fill(s.visitYear, { municipality, instrument, year: input.year }),
  ];
  if (input.earlierEvaluations > 0)
    first.push(fill(input.earlierEvaluations === 1 ? s.earlier : s.earlierPlural, { count: input.earlierEvaluations }));

  const how: string[] = [];
  const { interviews } = input;
  if (interviews.count === 1 && interviews.people) how.push(fill(s.interviewOne, { people: count(interviews.people) }));
  else if (interviews.count > 0 && interviews.people)
    how.push(fill(s.interviews, { count: count(interviews.count), people: count(interviews.people) }));
  else if (interviews.count > 0) how.push(fill(s.interviewsNoPeople, { count: count(interviews.count) }));
  if (interviews.count > 0 && interviews.groups.length > 0) how.push(fill(s.groups, { groups: joinSv(interviews.groups) }));
  how.push(input.documentCount > 0 ? fill(s.documents, { count: count(input.documentCount) }) : s.documentsNone);

  const paragraphs = [first.join(" "), how.join(" ")];
  if (input.evaluators.length > 0) paragraphs.push(fill(s.evaluators, { names: joinSv(input.evaluators) }));
  return paragraphs;
}

/** Area label as the published reports print it: "1. Offentlighet och demokrati". */
export const areaLabel = (number: number, name: string) => `${number}. ${name}`;

function table1(input: ReportInput, figures: ReportFigures, municipality: string, w: ReportWording): Table {
  const s = w.summary;
  const previous = input.previous;
  const paired = previous?.sameInstrument;
  const rows: TableRow[] = figures.areas.map((area) => {
    const cells = [{ text: areaLabel(area.number, area.name) }, { text: area.points.text, value: area.points.value }];
    if (paired) {
      const before = previous.areas.find((a) => a.number === area.number);
      cells.push(
        before ? { text: `${count(before.points)}${before.derived ? "*" : ""}`, value: before.points } : { text: "–", value: null },
      );
    }
    return { cells, header: true };
  });
  const totalCells = [{ text: s.totalRow }, { text: figures.total.text, value: figures.total.value }];
  if (paired)
    totalCells.push(previous.total === null ? { text: "–", value: null } : { text: count(previous.total), value: previous.total });
  rows.push({ cells: totalCells, header: true, emphasis: true });

  const notes: string[] = [];
  if (paired && previous.areas.some((a) => a.derived)) notes.push(s.derivedNote);
  if (previous && !previous.sameInstrument) {
    notes.push(
      previous.total === null
        ? fill(s.otherVersionNoTotal, { year: previous.year, instrument: previous.instrumentKey })
        : fill(s.otherVersion, {
            year: previous.year,
            instrument: previous.instrumentKey,
            total: count(previous.total),
            max: count(previous.maxTotal),
          }),
    );
  }
  return {
    id: "tabell-1",
    caption: paired
      ? fill(s.table1, { municipality, year: input.year, previousYear: previous.year })
      : fill(s.table1Alone, { municipality, year: input.year }),
    columns: [
      { label: s.areaColumn, align: "left", numeric: false },
      { label: String(input.year), align: "right", numeric: true },
      ...(paired ? [{ label: String(previous.year), align: "right" as const, numeric: true }] : []),
    ],
    rows,
    notes,
  };
}

function chartTable(id: string, caption: string, categories: string[], series: Chart["series"], w: ReportWording): Table {
  return {
    id,
    caption,
    columns: [
      { label: w.summary.areaColumn, align: "left", numeric: false },
      ...series.map((serie) => ({ label: serie.name, align: "right" as const, numeric: true })),
    ],
    rows: categories.map((category, index) => ({
      header: true,
      cells: [{ text: category }, ...series.map((serie) => ({ text: seriesText(serie, index), value: serie.values[index] ?? null }))],
    })),
    notes: [],
  };
}

const decimalsText = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 });
const valueText = (value: number | null) => (value === null ? "–" : decimalsText.format(value));
/** A point of a series as printed: its own text where it has one (averages), else the value. */
const seriesText = (serie: Chart["series"][number], index: number) => serie.texts?.[index] ?? valueText(serie.values[index] ?? null);

function barChart(input: ReportInput, figures: ReportFigures, municipality: string, w: ReportWording): Chart {
  const s = w.summary;
  const categories = figures.areas.map((a) => areaLabel(a.number, a.name));
  const series = [{ name: `${municipality} ${input.year}`, values: figures.areas.map((a) => a.points.value) }];
  const title = fill(s.barTitle, { municipality, year: input.year, total: figures.total.text });
  return {
    id: "diagram-poang",
    kind: "bar",
    title,
    description: fill(s.barDescription, { list: figures.areas.map((a) => `${areaLabel(a.number, a.name)}: ${a.points.text}`).join(", ") }),
    categories,
    shortCategories: figures.areas.map((a) => String(a.number)),
    series,
    max: maxOfAreas(input),
    table: chartTable("diagram-poang-tabell", `${w.chartTable}: ${title}`, categories, series, w),
  };
}

function radarChart(input: ReportInput, figures: ReportFigures, municipality: string, w: ReportWording): Chart {
  const s = w.summary;
  const used = input.comparison.used.length;
  const averaged = enoughToAverage(used);
  const categories = figures.areas.map((a) => areaLabel(a.number, a.name));
  const series: Chart["series"] = [{ name: `${municipality} ${input.year}`, values: figures.areas.map((a) => a.points.value) }];
  if (averaged) {
    const averages = figures.areas.map((a) => printedAverage(input.comparison.areas[String(a.number)]));
    series.push({
      name: fill(s.averageSeries, { count: used }),
      values: averages.map((a) => a.value),
      texts: averages.map((a) => a.text),
    });
  }
  const title = averaged
    ? fill(s.radarTitle, { municipality, year: input.year, count: used })
    : fill(s.radarTitleAlone, { municipality, year: input.year });
  const list = figures.areas
    .map((a, index) => `${areaLabel(a.number, a.name)}: ${series.map((serie) => seriesText(serie, index)).join(" mot ")}`)
    .join(", ");
  return {
    id: "diagram-profil",
    kind: "radar",
    title,
    description: fill(s.radarDescription, { list }),
    categories,
    shortCategories: figures.areas.map((a) => String(a.number)),
    series,
    max: maxOfAreas(input),
    table: chartTable("diagram-profil-tabell", `${w.chartTable}: ${title}`, categories, series, w),
  };
}

/** The axis maximum: the largest area max (100 in every version so far). */
function maxOfAreas(input: ReportInput): number {
  return Math.max(...input.instrument.areas.map((a) => Number(a.maxPoints.toString())));
}
