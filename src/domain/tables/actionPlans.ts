import { z } from "zod";
import { ACTION_STATUSES } from "../cycle/actions.ts";
import { instrumentKey, municipalityCode, year, type Column } from "./table.ts";

const day = z.iso.date().nullable();

/** One action of a plan a municipality has published (the open data API's /action-plans). */
export const publishedActionSchema = z.strictObject({
  evaluationId: z.int(),
  municipality: z.strictObject({ code: municipalityCode, name: z.string() }),
  year,
  instrument: instrumentKey,
  area: z
    .strictObject({ number: z.int(), name: z.string() })
    .nullable()
    .meta({ description: "The area of the improvement opportunity the action answers; null for the municipality's own action" }),
  improvement: z.string().nullable().meta({ description: "The improvement opportunity's wording when the action was added" }),
  title: z.string(),
  description: z.string(),
  owner: z.string().meta({ description: "A name or a role" }),
  startDate: day.meta({ description: "Start (YYYY-MM-DD), when set" }),
  dueDate: day.meta({ description: "Due date (YYYY-MM-DD), when set" }),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean().meta({ description: "Planned or in progress and past its due date (Swedish calendar day)" }),
  links: z.array(z.string()).meta({ description: "Web addresses to evidence" }),
  link: z.string().meta({ description: "The action on the evaluation page, such as /kommun/1880-orebro/2012#atgard-7" }),
});

export type PublishedActionRow = z.infer<typeof publishedActionSchema>;

export const publishedActionColumns: readonly Column<PublishedActionRow>[] = [
  { key: "municipality", header: { sv: "Kommunkod", en: "Municipality code" }, type: "code", value: (a) => a.municipality.code },
  { key: "name", header: { sv: "Kommun", en: "Municipality" }, type: "text", value: (a) => a.municipality.name },
  { key: "year", header: { sv: "År", en: "Year" }, type: "year", value: (a) => a.year },
  { key: "instrument", header: { sv: "Version", en: "Version" }, type: "text", value: (a) => a.instrument },
  { key: "area", header: { sv: "Område", en: "Area" }, type: "integer", value: (a) => a.area?.number ?? null },
  { key: "improvement", header: { sv: "Förbättringsmöjlighet", en: "Improvement opportunity" }, type: "text", value: (a) => a.improvement },
  { key: "title", header: { sv: "Åtgärd", en: "Action" }, type: "text", value: (a) => a.title },
  { key: "owner", header: { sv: "Ansvarig", en: "Owner" }, type: "text", value: (a) => a.owner },
  { key: "startDate", header: { sv: "Startdatum", en: "Start date" }, type: "date", value: (a) => a.startDate },
  { key: "dueDate", header: { sv: "Klart senast", en: "Due date" }, type: "date", value: (a) => a.dueDate },
  { key: "status", header: { sv: "Status", en: "Status" }, type: "text", labels: "actionPlan.status", value: (a) => a.status },
  { key: "overdue", header: { sv: "Försenad", en: "Overdue" }, type: "boolean", value: (a) => a.overdue },
  { key: "link", header: { sv: "Länk", en: "Link" }, type: "text", value: (a) => a.link },
];
