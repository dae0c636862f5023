import type { Db } from "../../db/client.server.ts";
import { ACTION_STATUSES, type ActionStatus } from "../../domain/cycle/actions.ts";
import {
  type ActionPlanModel,
  type ActionPlanWording,
  actionPlanFileStem,
  buildActionPlanModel,
} from "../../domain/cycle/actionPlanModel.ts";
import type { Actor } from "../../domain/workflow.ts";
import { type Language, translator } from "../../i18n/index.ts";
import { renderActionPlanDocx } from "../../reports/actionPlan/docx.server.ts";
import { renderActionPlanPdf } from "../../reports/actionPlan/pdf.server.ts";
import { renderActionPlanXlsx } from "../../reports/actionPlan/xlsx.server.ts";
import { NotFoundError } from "../errors.ts";
import { loadPlan, planContent } from "./plan.server.ts";

/** The action plan's files and their media types (the same three as the report's). */
export const ACTION_PLAN_FORMATS = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
} as const;
export type ActionPlanFormat = keyof typeof ACTION_PLAN_FORMATS;
/** The formats in the order pages offer them. */
export const ACTION_PLAN_FORMAT_LIST = Object.keys(ACTION_PLAN_FORMATS) as ActionPlanFormat[];

const renderers: Record<ActionPlanFormat, (model: ActionPlanModel) => Promise<Buffer>> = {
  xlsx: (model) => renderActionPlanXlsx(model),
  docx: renderActionPlanDocx,
  pdf: renderActionPlanPdf,
};

/** The words of the files in a language, from the catalog (actionPlan.file.*, actionPlan.status.*). */
export function actionPlanWording(language: Language): ActionPlanWording {
  const t = translator(language);
  const column = (key: string) => t(`actionPlan.file.columns.${key}`);
  return {
    title: t("actionPlan.file.title", { municipality: "{{municipality}}" }),
    evaluation: t("actionPlan.file.evaluation", { year: "{{year}}", instrument: "{{instrument}}" }),
    generated: t("actionPlan.file.generated", { date: "{{date}}" }),
    area: t("actionPlan.file.area", { number: "{{number}}", name: "{{name}}" }),
    improvement: t("actionPlan.improvement"),
    own: t("actionPlan.own.title"),
    noActions: t("actionPlan.noActions"),
    overdue: t("actionPlan.overdue"),
    page: t("actionPlan.file.page"),
    pageOf: t("actionPlan.file.pageOf"),
    columns: {
      area: column("area"),
      improvement: t("actionPlan.improvement"),
      title: t("actionPlan.field.title"),
      description: t("actionPlan.field.description"),
      owner: t("actionPlan.field.owner"),
      startDate: t("actionPlan.field.startDate"),
      dueDate: t("actionPlan.field.dueDate"),
      status: t("actionPlan.field.status"),
      links: t("actionPlan.field.links"),
      notes: column("notes"),
    },
    statuses: Object.fromEntries(ACTION_STATUSES.map((s) => [s, t(`actionPlan.status.${s}`)])) as Record<ActionStatus, string>,
  };
}

export interface ActionPlanFile {
  fileName: string;
  mediaType: string;
  /** Lays the file out (a PDF takes a second or two): asked for only once the name is known to be right. */
  render: () => Promise<Buffer>;
  /** Whether the plan is public (a cache may keep the file a while). */
  isPublic: boolean;
}

/** The file's proper name: handlingsplan-orebro-2012.xlsx. */
export const actionPlanFileName = (municipalityName: string, year: number, format: ActionPlanFormat) =>
  `${actionPlanFileStem(municipalityName, year)}.${format}`;

export const isActionPlanFormat = (value: string): value is ActionPlanFormat => Object.hasOwn(ACTION_PLAN_FORMATS, value);

/**
 * One of the action plan's files, for whoever may see the plan (anyone, once it is published):
 * the model in the reader's language, laid out by the format's renderer. An unknown format is not
 * found. Throws PdfUnavailableError (src/reports/pdf.server.ts) when Chromium is missing.
 */
export async function actionPlanFile(
  db: Db,
  actor: Actor,
  evaluationId: number,
  format: string,
  options: { language: Language; today: string },
): Promise<ActionPlanFile> {
  const { evaluation, plan } = await loadPlan(db, actor, evaluationId);
  if (!isActionPlanFormat(format)) throw new NotFoundError("action plan file", format);
  const content = await planContent(db, evaluation, options.today);
  const model = buildActionPlanModel(
    {
      municipalityName: evaluation.municipalityName,
      year: evaluation.year,
      instrumentKey: evaluation.instrument.key,
      generatedOn: options.today,
      areas: evaluation.instrument.areas.map((a) => ({ number: a.number, name: a.name })),
      improvements: content.improvements,
      own: content.own,
    },
    actionPlanWording(options.language),
    options.language,
  );
  return {
    fileName: `${model.fileStem}.${format}`,
    mediaType: ACTION_PLAN_FORMATS[format],
    render: () => renderers[format](model),
    isPublic: plan.published,
  };
}
