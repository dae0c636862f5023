import type { ActionPlanModel, ActionPlanRow } from "../../domain/cycle/actionPlanModel.ts";
import { bulletList, escapeHtml, factsHtml, headingHtml, paragraphs } from "../htmlParts.server.ts";
import { interFontFaceCss, REPORT_CSS } from "../reportCss.server.ts";

/** What the plan adds to the report's style sheet: an overdue action's status stands out in print too. */
const PLAN_CSS = `
.kk-report .kk-overdue th, .kk-report .kk-overdue td { font-weight: 700; }
.kk-report .kk-action { break-inside: avoid; }
@page { size: A4; }
`;

function actionHtml(action: ActionPlanRow, model: ActionPlanModel, id: string): string {
  const c = model.columns;
  const rows = [
    { label: c.status, value: action.statusText },
    { label: c.owner, value: action.owner },
    { label: c.startDate, value: action.startDate },
    { label: c.dueDate, value: action.dueDate },
    { label: c.description, value: action.description },
  ].filter((row) => row.value.trim() !== "");
  const lists = [
    action.links.length > 0 ? `<p><strong>${escapeHtml(c.links)}</strong></p>${bulletList(action.links)}` : "",
    action.notes.length > 0 ? `<p><strong>${escapeHtml(c.notes)}</strong></p>${bulletList(action.notes)}` : "",
  ];
  return (
    `<section class="kk-action${action.overdue ? " kk-overdue" : ""}" aria-labelledby="${id}">` +
    `${headingHtml(4, "sub", action.title, id)}${factsHtml(rows, id)}${lists.join("")}</section>`
  );
}

/**
 * The action plan as a complete HTML document in the report's style sheet and font, for the PDF:
 * title, the evaluation it answers, then per area each improvement opportunity with its actions,
 * and the municipality's own actions.
 */
export function renderActionPlanDocument(model: ActionPlanModel): string {
  let n = 0;
  const body = model.sections
    .map((section) => {
      const groups = section.groups.map((group) => {
        const head = group.improvement === null ? "" : (headingHtml(3, "section", `${model.improvementLabel}: ${group.improvement}`) ?? "");
        const actions =
          group.actions.length === 0
            ? paragraphs([model.noActions])
            : group.actions.map((a) => actionHtml(a, model, `atgard-${++n}`)).join("\n");
        return head + actions;
      });
      return `<section aria-labelledby="${escapeHtml(section.id)}">${headingHtml(2, "chapter", section.heading, section.id)}${groups.join("\n")}</section>`;
    })
    .join("\n");
  return `<!DOCTYPE html>
<html lang="${model.language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(model.title)}</title>
<style>${interFontFaceCss()}\n${REPORT_CSS}\n${PLAN_CSS}</style>
</head>
<body>
<main class="kk-report">
${headingHtml(1, "title", model.title)}
${paragraphs([model.evaluation, model.generated], "kk-cover-meta")}
${body}
</main>
</body>
</html>`;
}
