import { Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun, type FileChild } from "docx";
import type { ActionPlanModel, ActionPlanRow } from "../../domain/cycle/actionPlanModel.ts";
import { heading, pairTable, paragraph } from "../docx/blocks.server.ts";
import { STYLES } from "../docx/document.server.ts";

/** One action: its title as a heading, and its facts as label/value rows (empty ones left out). */
function actionBlocks(action: ActionPlanRow, model: ActionPlanModel): FileChild[] {
  const c = model.columns;
  const rows = [
    { label: c.status, value: action.statusText },
    { label: c.owner, value: action.owner },
    { label: c.startDate, value: action.startDate },
    { label: c.dueDate, value: action.dueDate },
    { label: c.description, value: action.description },
    { label: c.links, value: action.links.join("\n") },
    { label: c.notes, value: action.notes.join("\n") },
  ].filter((row) => row.value.trim() !== "");
  return [heading(action.title, 3), ...pairTable(rows)];
}

/** The report's styles with the file's language on every run (spelling and hyphenation). */
function withLanguage(language: ActionPlanModel["language"]): typeof STYLES {
  const document = STYLES.default?.document;
  const value = language === "en" ? "en-GB" : "sv-SE";
  return { ...STYLES, default: { ...STYLES.default, document: { ...document, run: { ...document?.run, language: { value } } } } };
}

/**
 * The action plan as a Word document, in the report's styles (headings for the navigation
 * pane): per area its improvement opportunities, each with its actions, then the
 * municipality's own actions; "Sida X av Y" in the footer.
 */
export async function renderActionPlanDocx(model: ActionPlanModel): Promise<Buffer> {
  const children: FileChild[] = [
    new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }),
    paragraph(model.evaluation),
    paragraph(model.generated),
  ];
  for (const section of model.sections) {
    children.push(heading(section.heading, 1));
    for (const group of section.groups) {
      if (group.improvement !== null) children.push(heading(`${model.improvementLabel}: ${group.improvement}`, 2));
      if (group.actions.length === 0) children.push(paragraph(model.noActions));
      for (const action of group.actions) children.push(...actionBlocks(action, model));
    }
  }
  const footer = new Footer({
    children: [
      new Paragraph({
        style: "PageFooter",
        children: [new TextRun({ children: [`${model.page} `, PageNumber.CURRENT, ` ${model.pageOf} `, PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
  const document = new Document({
    title: model.title,
    subject: model.evaluation,
    creator: model.municipality,
    styles: withLanguage(model.language),
    sections: [{ footers: { default: footer }, children }],
  });
  return Packer.toBuffer(document);
}
