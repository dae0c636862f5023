import { Alert, Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import { redirect } from "react-router";
import type { Route } from "./+types/questionnaire";
import {
  failureWithValues,
  isAutosave,
  revalidateUnlessAutosave,
  type AutosaveFailure,
  type Submitted,
} from "../../components/AutosaveForm.tsx";
import { AnswerForm, AssignForm } from "../../components/questionnaire/AnswerForm.tsx";
import { AnswerView } from "../../components/questionnaire/AnswerView.tsx";
import { HAND_IN_ANCHOR, HandInForm, TEAM_ANCHOR, TeamForms } from "../../components/questionnaire/LifecycleForms.tsx";
import { areaAnchor, fieldId, INDEX_ANCHOR, itemAnchor, type PageQuestionnaire } from "../../components/questionnaire/model.ts";
import { QuestionnaireIndex } from "../../components/questionnaire/QuestionnaireIndex.tsx";
import { Problems, readForm } from "../../forms.tsx";
import { pageTitle, useT } from "../../i18n.ts";
import { documentIdsOf, questionnaireForms } from "../../questionnaire-forms.server.ts";
import { parseForm, typedValues } from "../../submission.ts";
import { forEvaluation, workspaceContext } from "../../workspace.server.ts";
import { pointsText } from "../../../src/domain/points.ts";
import { assignItem, saveAnswer } from "../../../src/services/questionnaire/answers.server.ts";
import { getQuestionnaire } from "../../../src/services/questionnaire/getQuestionnaire.server.ts";
import { handIn, reopenQuestionnaire, setDueDate } from "../../../src/services/questionnaire/lifecycle.server.ts";

export function loader({ request, context }: Route.LoaderArgs) {
  return forEvaluation({ request, context }, async ({ db, actor, evaluationId: id }): Promise<PageQuestionnaire & { role: string }> => {
    const q = await getQuestionnaire(db, actor, id);
    return {
      ...q,
      role: actor.role,
      // Points are exact decimals: the page gets them as text.
      items: q.items.map((e) => ({
        ...e,
        item: { ...e.item, maxPoints: e.item.maxPoints === null ? null : pointsText(e.item.maxPoints) },
      })),
    };
  });
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "questionnaire.title") }];
}

/** An autosave changes one answer: the rest of the page need not be loaded again. */
export const shouldRevalidate = revalidateUnlessAutosave;

export async function action({ request, context }: Route.ActionArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  const form = await readForm(request, context);
  const path = new URL(request.url).pathname;
  const typed = typedValues(form, ["intent", "itemId", "answer", "ownScore", "links", "reason", "dueDate"]);
  const documents = Object.fromEntries(
    [...form].filter(([name]) => name.startsWith("document-")).map(([name, value]) => [name, String(value)]),
  );
  const submitted: Submitted =
    typed.intent === "answer"
      ? { form: `answer:${typed.itemId}`, values: { answer: typed.answer, ownScore: typed.ownScore, links: typed.links, ...documents } }
      : { form: typed.intent, values: { reason: typed.reason, dueDate: typed.dueDate } };
  try {
    const input = parseForm(form, questionnaireForms);
    switch (input.intent) {
      case "answer": {
        const saved = await saveAnswer(db, actor, id, {
          itemId: input.itemId,
          answer: input.answer,
          ownScore: input.ownScore,
          links: input.links,
          evidenceIds: documentIdsOf(input),
          version: input.version,
        });
        if (isAutosave(form)) return { saved: { version: saved.version } };
        return redirect(`${path}#${itemAnchor(saved.itemId)}`);
      }
      case "assign":
        await assignItem(db, actor, id, { itemId: input.itemId, assigneeId: input.assigneeId });
        return redirect(`${path}#${itemAnchor(input.itemId)}`);
      case "handIn":
        await handIn(db, actor, id, { version: input.version });
        return redirect(path);
      case "reopen":
        await reopenQuestionnaire(db, actor, id, { reason: input.reason, version: input.version });
        return redirect(path);
      case "dueDate":
        await setDueDate(db, actor, id, { dueDate: input.dueDate, version: input.version });
        return redirect(`${path}#${TEAM_ANCHOR}`);
    }
  } catch (error) {
    return failureWithValues(error, request, submitted, "questionnaire", { conflictField: "version" });
  }
}

export default function QuestionnairePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, formatDate } = useT();
  const q = loaderData;
  const failure = actionData && "problems" in actionData ? (actionData as AutosaveFailure) : undefined;
  const answering = q.items.some((e) => e.canAnswer);
  const speaksForMunicipality = q.role === "contact" || q.role === "staff";
  const failedForm = failure?.submitted?.form ?? "";
  const failedItem = failedForm.startsWith("answer:") ? failedForm.slice("answer:".length) : null;
  // Every refused post without JavaScript is listed at the top, linked to its fields.
  const pageProblems = failure?.problems;
  const fieldIds: Record<string, string> = failedItem
    ? {
        answer: fieldId(failedItem, "answer"),
        ownScore: fieldId(failedItem, "ownScore"),
        links: fieldId(failedItem, "links"),
        evidenceIds: fieldId(failedItem, "documents"),
        version: itemAnchor(failedItem),
        itemId: itemAnchor(failedItem),
      }
    : { confirm: "confirm", reason: "reason", dueDate: "dueDate", itemId: INDEX_ANCHOR, version: HAND_IN_ANCHOR };
  return (
    <div className="stack questionnaire">
      <Heading level={2} data-size="sm">
        {t("questionnaire.title")}
      </Heading>
      <Paragraph>
        {t(speaksForMunicipality ? (q.role === "staff" ? "questionnaire.introStaff" : "questionnaire.intro") : "questionnaire.introTeam")}
      </Paragraph>
      <dl className="facts">
        <dt>{t("questionnaire.dueDate")}</dt>
        <dd>{formatDate(q.dueDate)}</dd>
        <dt>{t("questionnaire.status")}</dt>
        <dd>{t(q.status === "handed_in" ? "questionnaire.statusHandedIn" : "questionnaire.statusOpen")}</dd>
      </dl>
      {q.status === "handed_in" && (
        <Alert data-color="info">
          <Paragraph>
            {q.handedInAt && q.handedInBy
              ? t("questionnaire.handedIn", {
                  date: formatDate(new Date(q.handedInAt).toISOString().slice(0, 10)),
                  name: q.handedInBy.name,
                })
              : null}{" "}
            {speaksForMunicipality && t("questionnaire.handedInReadOnly")}
          </Paragraph>
        </Alert>
      )}
      <Problems problems={pageProblems} fieldIds={fieldIds} />
      {q.role !== "staff" && (
        <Paragraph>
          <Link href={`/arbetsyta/${q.evaluationId}/sjalvvardering/kollegor`}>
            {t("questionnaire.colleaguesLink")} ({q.colleagues.length})
          </Link>
        </Paragraph>
      )}
      <TeamForms
        version={q.version}
        dueDate={q.dueDate}
        mayReopen={q.may.reopen}
        maySetDueDate={q.may.setDueDate}
        problems={pageProblems}
      />
      {answering && <Paragraph data-size="sm">{t("questionnaire.autosaveNote")}</Paragraph>}
      {q.items.length === 0 ? <Paragraph>{t("questionnaire.noItems")}</Paragraph> : <QuestionnaireIndex q={q} />}
      {q.areas.map((area) => {
        const progress = q.progress.areas.find((a) => a.areaNumber === area.number);
        return (
          <section key={area.number} aria-labelledby={areaAnchor(area.number)} className="stack questionnaire-area">
            <div className="area-heading">
              <Heading level={2} data-size="sm" id={areaAnchor(area.number)}>
                {t("questionnaire.areaTitle", { number: area.number, name: area.name })}
              </Heading>
              <Paragraph data-size="sm">
                {t("questionnaire.progress", { answered: progress?.answered ?? 0, total: progress?.total ?? 0 })}
              </Paragraph>
            </div>
            {q.items
              .filter((e) => e.item.areaNumber === area.number)
              .map((entry) => (
                <article key={entry.item.id} aria-labelledby={`${itemAnchor(entry.item.id)}-heading`} className="stack questionnaire-item">
                  <Heading level={3} data-size="xs" id={`${itemAnchor(entry.item.id)}-heading`}>
                    {t("questionnaire.item", { id: entry.item.id })}
                  </Heading>
                  <Paragraph>{entry.item.text}</Paragraph>
                  {entry.item.guidance && (
                    <Paragraph data-size="sm">{t("questionnaire.guidance", { guidance: entry.item.guidance })}</Paragraph>
                  )}
                  {q.may.delegate ? (
                    <AssignForm entry={entry} colleagues={q.colleagues} />
                  ) : (
                    <Paragraph data-size="sm">
                      {entry.answer?.assignedTo
                        ? t("questionnaire.assignedTo", { name: entry.answer.assignedTo.name })
                        : t("questionnaire.assignedToContact")}
                    </Paragraph>
                  )}
                  {entry.canAnswer ? (
                    <AnswerForm entry={entry} documents={q.documents} failure={failure} />
                  ) : (
                    <AnswerView entry={entry} documents={q.documents} evaluationId={q.evaluationId} />
                  )}
                </article>
              ))}
            <Paragraph data-size="sm">
              <a href={`#${INDEX_ANCHOR}`}>{t("questionnaire.toIndex")}</a>
            </Paragraph>
          </section>
        );
      })}
      {q.may.handIn && (
        <HandInForm
          version={q.version}
          answered={q.progress.answered}
          total={q.progress.total}
          problems={failedItem ? undefined : pageProblems}
        />
      )}
    </div>
  );
}
