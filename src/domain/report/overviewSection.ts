import type { ReportWording } from "./wording.ts";
import type { ReportFigures } from "./figures.ts";
import { count, fill, signedCount } from "./format.ts";
import type { ReportInput } from "./input.ts";
import type { KeyFactsSection, OverviewSection, Table, TableColumn, WorkbookSheet } from "./model.ts";

const numberColumns = (w: ReportWording): TableColumn[] => [
  { label: w.overview.achieved, align: "right", numeric: true },
  { label: w.overview.max, align: "right", numeric: true },
  { label: w.overview.percent, align: "right", numeric: true },
];

/** Section 4: per area its sub-areas with achieved, max and percent, then the area line. */
export function overviewSection(input: ReportInput, figures: ReportFigures, municipality: string, w: ReportWording): OverviewSection {
  const o = w.overview;
  const bySubarea = input.instrument.areas.some((a) => a.subareas.length > 0);
  const heading = { id: "poangoversikt", number: "4", title: o.title };
  if (!bySubarea) {
    // Versions known only to area level: one table of areas and the total.
    const table: Table = {
      id: "poang-omraden",
      caption: o.captionAreas,
      columns: [{ label: w.summary.areaColumn, align: "left", numeric: false }, ...numberColumns(w)],
      rows: [
        ...figures.areas.map((a) => ({
          header: true,
          cells: [{ text: `${a.number}. ${a.name}` }, cell(a.points), cell(a.max), cell(a.percent)],
        })),
        { header: true, emphasis: true, cells: [{ text: o.totalLine }, cell(figures.total), cell(figures.max), { text: "" }] },
      ],
      notes: [],
    };
    return { heading, intro: fill(o.introAreas, { municipality }), tables: [table] };
  }
  const tables = figures.areas.map(
    (area): Table => ({
      id: `poang-omrade-${area.number}`,
      caption: fill(o.caption, { number: area.number, name: area.name }),
      columns: [{ label: o.question, align: "left", numeric: false }, ...numberColumns(w)],
      rows: [
        ...area.subareas.map((s) => ({
          header: true,
          cells: [{ text: `${s.id} ${s.question}` }, cell(s.points), cell(s.max), cell(s.percent)],
        })),
        { header: true, emphasis: true, cells: [{ text: o.areaLine }, cell(area.points), cell(area.max), cell(area.percent)] },
      ],
      notes: [],
    }),
  );
  return { heading, intro: fill(o.intro, { municipality }), tables };
}

const cell = (figure: { text: string; value: number | null }) => ({ text: figure.text, value: figure.value });

/** Section 5, from what was entered on the evaluation; rows without a value are left out. */
export function keyFactsSection(input: ReportInput, municipality: string, w: ReportWording): KeyFactsSection | null {
  const k = w.keyFacts;
  const facts = input.keyFacts;
  const rows: { label: string; value: string }[] = [];
  if (input.group) rows.push({ label: fill(k.group, { grouping: input.group.grouping }), value: input.group.name });
  if (facts.population !== null) rows.push({ label: k.population, value: count(facts.population) });
  if (facts.populationChange !== null) {
    rows.push({
      label: facts.populationChangePeriod ? fill(k.populationChangePeriod, { period: facts.populationChangePeriod }) : k.populationChange,
      value: signedCount(facts.populationChange),
    });
  }
  if (facts.employees !== null) rows.push({ label: k.employees, value: count(facts.employees) });
  if (facts.rulingParties) rows.push({ label: k.rulingParties, value: facts.rulingParties });
  if (rows.length === 0) return null;
  return { heading: { id: "kortfakta", number: "5", title: fill(k.title, { municipality }) }, rows };
}

/** The Excel workbook's two sheets: the same figures as the tables, as numbers. */
export function workbookSheets(
  input: ReportInput,
  figures: ReportFigures,
  w: ReportWording,
): { subareas: WorkbookSheet; areas: WorkbookSheet } {
  const b = w.workbook;
  const previous = input.previous?.sameInstrument ? input.previous : null;
  return {
    subareas: {
      name: b.subareas,
      columns: [
        { label: b.area, kind: "number", width: 9 },
        { label: b.areaName, kind: "text", width: 36 },
        { label: b.subarea, kind: "text", width: 11 },
        { label: b.question, kind: "text", width: 70 },
        { label: b.exact, kind: "number", width: 13 },
        { label: b.achieved, kind: "number", width: 10 },
        { label: b.max, kind: "number", width: 8 },
        { label: b.percent, kind: "percent", width: 10 },
      ],
      rows: figures.areas.flatMap((area) =>
        area.subareas.map((s) => [area.number, area.name, s.id, s.question, s.exact.value, s.points.value, s.max.value, s.percent.value]),
      ),
    },
    areas: {
      name: b.areas,
      columns: [
        { label: b.area, kind: "number", width: 9 },
        { label: b.areaName, kind: "text", width: 44 },
        { label: b.achieved, kind: "number", width: 10 },
        { label: b.max, kind: "number", width: 8 },
        { label: b.percent, kind: "percent", width: 10 },
        ...(previous ? [{ label: fill(b.previous, { year: previous.year }), kind: "number" as const, width: 22 }] : []),
      ],
      rows: [
        ...figures.areas.map((area) => [
          area.number,
          area.name,
          area.points.value,
          area.max.value,
          area.percent.value,
          ...(previous ? [previous.areas.find((a) => a.number === area.number)?.points ?? null] : []),
        ]),
        [null, w.overview.totalLine, figures.total.value, figures.max.value, null, ...(previous ? [previous.total] : [])],
      ],
    },
  };
}
