import type { ReportWording } from "./wording.ts";
import { fill } from "./format.ts";
import type { ReportInput } from "./input.ts";
import type { FollowupSection, Table, WorkbookSheet } from "./model.ts";

export const FOLLOWUP_ID = "sedan-forra";

/**
 * "Sedan förra utvärderingen": each improvement opportunity of the previous evaluation the team
 * marked, under its area as the previous evaluation's version names it. Null (the section left
 * out) when nothing was marked. Across versions the areas are the previous version's, named so,
 * and a paragraph says why they are not matched to this evaluation's areas.
 */
export function followupSection(input: ReportInput, municipality: string, w: ReportWording): FollowupSection | null {
  const f = w.followup;
  const followup = input.followup;
  if (!followup || followup.entries.length === 0) return null;
  const { basis, entries } = followup;
  const tally = (verdict: keyof typeof f.verdicts) => entries.filter((e) => e.verdict === verdict).length;
  const paragraphs = [
    fill(f.intro, { year: basis.year, municipality }),
    `${entries.length === 1 ? fill(f.countOne, { year: basis.year }) : fill(f.count, { count: entries.length, year: basis.year })} ${fill(
      f.tally,
      { resolved: tally("resolved"), partly: tally("partly"), remains: tally("remains") },
    )}`,
    ...(basis.sameVersion
      ? []
      : [fill(f.otherVersion, { year: basis.year, instrument: basis.instrumentKey, current: input.instrument.key })]),
  ];
  const areaNumbers = [...new Set(entries.map((e) => e.areaNumber))].sort((a, b) => a - b);
  const tables = areaNumbers.map((number): Table => {
    const name = followup.areaNames[number] ?? "";
    const values = { year: basis.year, number, name, instrument: basis.instrumentKey };
    return {
      id: `${FOLLOWUP_ID}-omrade-${number}`,
      caption: fill(basis.sameVersion ? f.caption : f.captionOtherVersion, values),
      columns: [
        { label: fill(f.improvement, { year: basis.year }), align: "left", numeric: false },
        { label: f.verdict, align: "left", numeric: false },
        { label: f.comment, align: "left", numeric: false },
      ],
      rows: entries
        .filter((e) => e.areaNumber === number)
        .sort((a, b) => a.improvementIndex - b.improvementIndex)
        .map((e) => ({ header: true, cells: [{ text: e.improvementText }, { text: f.verdicts[e.verdict] }, { text: e.comment }] })),
      notes: [],
    };
  });
  return { heading: { id: FOLLOWUP_ID, number: "3", title: f.title }, paragraphs, tables };
}

/** The same marks as rows of the workbook: area, its name and version, the opportunity, verdict and comment. */
export function followupSheet(input: ReportInput, w: ReportWording): WorkbookSheet | null {
  const f = w.followup;
  const followup = input.followup;
  if (!followup || followup.entries.length === 0) return null;
  const b = w.workbook;
  return {
    name: f.sheet,
    columns: [
      { label: b.area, kind: "number", width: 9 },
      { label: b.areaName, kind: "text", width: 36 },
      { label: f.sheetVersion, kind: "text", width: 9 },
      { label: f.sheetIndex, kind: "number", width: 6 },
      { label: fill(f.improvement, { year: followup.basis.year }), kind: "text", width: 50 },
      { label: f.verdict, kind: "text", width: 16 },
      { label: f.comment, kind: "text", width: 60 },
    ],
    rows: [...followup.entries]
      .sort((a, b) => a.areaNumber - b.areaNumber || a.improvementIndex - b.improvementIndex)
      .map((e) => [
        e.areaNumber,
        followup.areaNames[e.areaNumber] ?? "",
        followup.basis.instrumentKey,
        e.improvementIndex + 1,
        e.improvementText,
        f.verdicts[e.verdict],
        e.comment,
      ]),
  };
}
