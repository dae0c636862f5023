/**
 * The action plan as plain data for its files (Excel, Word, PDF): `buildActionPlanModel` makes
 * it in the reader's language; the renderers in src/reports/actionPlan/ only lay it out. Pure.
 */
import { slug } from "../paths.ts";
import type { ActionStatus, ShownAction } from "./actions.ts";

/** What the model is made of: the plan as the services read it. */
export interface ActionPlanInput {
  municipalityName: string;
  year: number;
  instrumentKey: string;
  /** The day the file is made (a Swedish calendar day). */
  generatedOn: string;
  areas: { number: number; name: string }[];
  improvements: { areaNumber: number; text: string; actions: ActionInput[] }[];
  own: ActionInput[];
}

export interface ActionInput extends ShownAction {
  notes: { notedOn: string; body: string }[];
}

/** The words of the files, from the catalog of the chosen language (actionPlan.file.*, actionPlan.status.*). */
export interface ActionPlanWording {
  /** "Handlingsplan för {{municipality}}" */
  title: string;
  /** "Efter Kommunkompassens utvärdering {{year}} (version {{instrument}})" */
  evaluation: string;
  /** "Utskriven {{date}}" */
  generated: string;
  /** "Område {{number}}. {{name}}" */
  area: string;
  improvement: string;
  own: string;
  noActions: string;
  overdue: string;
  page: string;
  pageOf: string;
  columns: {
    area: string;
    improvement: string;
    title: string;
    description: string;
    owner: string;
    startDate: string;
    dueDate: string;
    status: string;
    links: string;
    notes: string;
  };
  statuses: Record<ActionStatus, string>;
}

export interface ActionPlanRow {
  title: string;
  description: string;
  owner: string;
  startDate: string;
  dueDate: string;
  status: ActionStatus;
  /** The status in words, "försenad" added when overdue. */
  statusText: string;
  overdue: boolean;
  links: string[];
  /** "2026-03-01: Arbetsgruppen har träffats." newest first. */
  notes: string[];
}

export interface ActionPlanSection {
  id: string;
  heading: string;
  /** Per improvement opportunity its actions; the municipality's own section has one group without text. */
  groups: { improvement: string | null; actions: ActionPlanRow[] }[];
}

export interface ActionPlanModel {
  language: "sv" | "en";
  title: string;
  municipality: string;
  evaluation: string;
  generated: string;
  /** "handlingsplan-orebro-2012" */
  fileStem: string;
  sections: ActionPlanSection[];
  improvementLabel: string;
  noActions: string;
  page: string;
  pageOf: string;
  columns: ActionPlanWording["columns"];
  /** Every action on one sheet: area, improvement opportunity, then the action's own columns. */
  sheet: { name: string; rows: (string | null)[][] };
}

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

/** Files are named handlingsplan-<kommun>-<år>.<ext>. */
export const actionPlanFileStem = (municipalityName: string, year: number) => `handlingsplan-${slug(municipalityName)}-${year}`;

function row(action: ActionInput, w: ActionPlanWording): ActionPlanRow {
  const status = w.statuses[action.status];
  return {
    title: action.title,
    description: action.description,
    owner: action.owner,
    startDate: action.startDate ?? "",
    dueDate: action.dueDate ?? "",
    status: action.status,
    statusText: action.overdue ? `${status}, ${w.overdue}` : status,
    overdue: action.overdue,
    links: action.linkList,
    notes: action.notes.map((n) => `${n.notedOn}: ${n.body}`),
  };
}

export function buildActionPlanModel(input: ActionPlanInput, w: ActionPlanWording, language: "sv" | "en"): ActionPlanModel {
  const areaHeading = (number: number) =>
    fill(w.area, { number, name: input.areas.find((a) => a.number === number)?.name ?? "" }).replace(/\.\s*$/, "");
  const areaNumbers = [...new Set(input.improvements.map((i) => i.areaNumber))].sort((a, b) => a - b);
  const sections: ActionPlanSection[] = areaNumbers.map((number) => ({
    id: `omrade-${number}`,
    heading: areaHeading(number),
    groups: input.improvements
      .filter((i) => i.areaNumber === number)
      .map((i) => ({ improvement: i.text, actions: i.actions.map((a) => row(a, w)) })),
  }));
  if (input.own.length > 0)
    sections.push({ id: "egna", heading: w.own, groups: [{ improvement: null, actions: input.own.map((a) => row(a, w)) }] });

  const sheetRows = sections.flatMap((section) =>
    section.groups.flatMap((group) =>
      group.actions.map((a) => [
        section.id === "egna" ? null : section.heading,
        group.improvement,
        a.title,
        a.description,
        a.owner,
        a.startDate || null,
        a.dueDate || null,
        a.statusText,
        a.links.join("\n") || null,
        a.notes.join("\n") || null,
      ]),
    ),
  );
  const municipality = input.municipalityName;
  return {
    language,
    title: fill(w.title, { municipality }),
    municipality,
    evaluation: fill(w.evaluation, { year: input.year, instrument: input.instrumentKey }),
    generated: fill(w.generated, { date: input.generatedOn }),
    fileStem: actionPlanFileStem(municipality, input.year),
    sections,
    improvementLabel: w.improvement,
    noActions: w.noActions,
    page: w.page,
    pageOf: w.pageOf,
    columns: w.columns,
    sheet: { name: fill(w.title, { municipality }), rows: sheetRows },
  };
}
