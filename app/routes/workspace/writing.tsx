import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useEffect, useState } from "react";
import { data, redirect } from "react-router";
import type { Route } from "./+types/writing";
import {
  failureWithValues,
  isAutosave,
  revalidateUnlessAutosave,
  type AutosaveFailure,
  type Submitted,
} from "../../components/AutosaveForm.tsx";
import { PreviousResult } from "../../components/PreviousResult.tsx";
import { AreaPoints } from "../../components/RunningPoints.tsx";
import { AreaIndex, type Written } from "../../components/writing/AreaIndex.tsx";
import { areaAnchor, examplesAnchor, fieldId, INDEX_ANCHOR, textAnchor } from "../../components/writing/anchors.ts";
import { GoodExampleChoices, GoodExamples } from "../../components/writing/GoodExamples.tsx";
import { pickMunicipality, type PickerProblem } from "../../components/MunicipalityPicker.tsx";
import { ListField, TextField, type PageState } from "../../components/writing/TextFields.tsx";
import { Problems, readForm } from "../../forms.tsx";
import { pageTitle, useT } from "../../i18n.ts";
import { municipalityList } from "../../../src/services/results/queries.server.ts";
import { getWriting, type Writing } from "../../../src/services/writing/getWriting.server.ts";
import { addGoodExample, deleteGoodExample, moveGoodExample } from "../../../src/services/writing/goodExamples.server.ts";
import { saveText } from "../../../src/services/writing/saveText.server.ts";
import { MAX_SENTENCE_LENGTH, MAX_TEXT_LENGTH } from "../../../src/services/writing/textKeys.shared.ts";
import { forEvaluation, workspaceContext } from "../../workspace.server.ts";
import { writingForms } from "../../writing-forms.server.ts";
import { parseForm, typedValues } from "../../submission.ts";

export function loader({ request, context }: Route.LoaderArgs) {
  return forEvaluation({ request, context }, async ({ db, actor, evaluationId: id }) => {
    return await getWriting(db, actor, id);
  });
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "writing.title") }];
}

/** An autosave changes one text: the rest of the page need not be loaded again. */
export const shouldRevalidate = revalidateUnlessAutosave;

export async function action({ request, context }: Route.ActionArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  const form = await readForm(request, context);
  const path = new URL(request.url).pathname;
  const typed = typedValues(form, ["intent", "key", "body", "area", "sentence"]);
  // A good example's municipality as typed (or chosen after a first try): the service takes its code.
  // Resolved among all, the evaluated one too, so that naming it gets the service's own answer.
  const picked =
    typed.intent === "addExample" ? pickMunicipality(form.getAll("municipality").map(String), await municipalityList(db)) : null;
  if (picked?.code) form.set("municipalityCode", picked.code);
  const submitted: Submitted =
    typed.intent === "text"
      ? { form: `text:${typed.key}`, values: { body: typed.body } }
      : { form: `examples:${typed.area}`, values: { municipality: picked?.code ?? picked?.text ?? "", sentence: typed.sentence } };
  try {
    const input = parseForm(form, writingForms);
    switch (input.intent) {
      case "text": {
        const saved = await saveText(db, actor, id, input);
        if (isAutosave(form)) return { saved: { version: saved.version } };
        return redirect(`${path}#${textAnchor(saved.key)}`);
      }
      case "addExample":
        await addGoodExample(db, actor, id, { areaNumber: input.area, municipalityCode: input.municipalityCode, sentence: input.sentence });
        break;
      case "moveExample":
        await moveGoodExample(db, actor, id, { id: input.example, direction: input.direction });
        break;
      case "deleteExample":
        await deleteGoodExample(db, actor, id, { id: input.example });
        break;
    }
    return redirect(`${path}#${examplesAnchor(typed.area)}`);
  } catch (error) {
    const failure = failureWithValues(error, request, submitted, "writing", { conflictField: "version" });
    return picked?.problem ? data({ ...failure.data, picker: picked.problem }, failure.init ?? undefined) : failure;
  }
}

const sideBySide = {
  display: "grid",
  gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 20rem), 1fr))",
  gap: "var(--ds-size-6, 1.5rem)",
} as const;

/** Which texts hold something, as stored. */
const writtenOf = (w: Writing): Written => Object.fromEntries(Object.values(w.texts).map((text) => [text.key, text.body.trim() !== ""]));

export default function WritingPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, formatDate } = useT();
  const w = loaderData;
  const failure = actionData && "problems" in actionData ? (actionData as AutosaveFailure & { picker?: PickerProblem }) : undefined;
  // The index follows saves as you type (they do not load the page again); a reload starts from what is stored.
  const [written, setWritten] = useState(() => writtenOf(w));
  useEffect(() => setWritten(writtenOf(w)), [w]);
  const page: PageState = {
    canEdit: w.canEdit,
    failure,
    onStored: (key, body) => setWritten((now) => ({ ...now, [key]: body.trim() !== "" })),
    limits: { text: MAX_TEXT_LENGTH, sentence: MAX_SENTENCE_LENGTH },
  };
  const s = w.suggested;
  const failedForm = failure?.submitted?.form ?? "";
  const [kind, key = ""] = failedForm.split(/:(.*)/);
  const ex = examplesAnchor(key);
  const fieldIds: Record<string, string> =
    kind === "text"
      ? { body: fieldId(key), key: textAnchor(key), version: textAnchor(key) }
      : { municipalityCode: `${ex}-municipality`, sentence: `${ex}-sentence`, id: ex };
  return (
    <div className="stack">
      <Paragraph>{t("writing.intro")}</Paragraph>
      {w.canEdit ? (
        <Paragraph data-size="sm">{t("writing.autosaveNote")}</Paragraph>
      ) : (
        <Alert data-color="info">{t("writing.readOnly")}</Alert>
      )}
      <Problems problems={failure?.problems} fieldIds={fieldIds} />
      <AreaIndex areas={w.areas} summaryKey={w.summary.key} written={written} />
      {w.canEdit && <GoodExampleChoices choices={w.municipalityChoices} />}

      <section aria-labelledby="summary-heading" className="stack">
        <Heading level={2} data-size="sm" id="summary-heading">
          {t("writing.summaryTitle")}
        </Heading>
        <div style={sideBySide}>
          <TextField
            text={w.summary}
            label={t("writing.summaryLabel")}
            description={w.canEdit ? t("writing.summaryDescription") : undefined}
            page={page}
          />
          <aside aria-labelledby="suggested-heading">
            <Heading level={3} data-size="2xs" id="suggested-heading">
              {t("writing.suggestedTitle")}
            </Heading>
            <dl className="facts">
              <dt>{t("writing.suggestedVisit")}</dt>
              <dd>{s.visitStart ? `${formatDate(s.visitStart)} – ${formatDate(s.visitEnd ?? s.visitStart)}` : t("writing.notKnown")}</dd>
              <dt>{t("writing.suggestedEvaluators")}</dt>
              <dd>
                {s.evaluators.map((p) => (p.organisation ? `${p.name}, ${p.organisation}` : p.name)).join("; ") || t("writing.notKnown")}
              </dd>
              <dt>{t("writing.suggestedInterviews")}</dt>
              <dd>
                {t("writing.interviewCount", { count: s.interviewCount })}
                {s.participantCount > 0 && <>, {t("writing.participantCount", { count: s.participantCount })}</>}
              </dd>
            </dl>
          </aside>
        </div>
      </section>

      <PreviousResult previous={w.previous} headingLevel={2} />
      {w.areas.map((area, index) => {
        // Every field of the area names it: eight areas have the same three fields.
        const label = (field: string) => t("workbench.texts.label", { field, number: area.number, name: area.name });
        const agreed = w.agreed?.areas[index];
        return (
          <section key={area.number} aria-labelledby={areaAnchor(area.number)} className="stack">
            <div className="area-heading">
              <Heading level={2} data-size="sm" id={areaAnchor(area.number)}>
                {t("writing.areaTitle", { number: area.number, name: area.name })}
              </Heading>
              {agreed && (
                <Paragraph data-size="sm">
                  {t("workbench.texts.agreedPoints")} <AreaPoints area={agreed} kind="agreed" />
                </Paragraph>
              )}
            </div>
            <PreviousResult previous={w.previous} areaNumber={area.number} />
            <TextField text={area.general} label={label(t("workbench.texts.general"))} page={page} />
            {area.subareas.length > 0 && (
              <div className="stack">
                <Heading level={3} data-size="xs">
                  {t("writing.subareasTitle")}
                </Heading>
                {area.subareas.map((subarea) => (
                  <div key={subarea.id}>
                    <TextField
                      text={subarea.text}
                      label={t("writing.subarea", { id: subarea.id, question: subarea.question })}
                      rows={4}
                      page={page}
                      headingLevel={4}
                    />
                    <PreviousResult previous={w.previous} subareaId={subarea.id} />
                  </div>
                ))}
              </div>
            )}
            <ListField list={area.strengths} label={label(t("writing.strengths"))} page={page} />
            <ListField list={area.improvements} label={label(t("writing.improvements"))} page={page} />
            <GoodExamples area={area} choices={w.municipalityChoices} page={page} picker={failure?.picker} />
            <Paragraph data-size="sm">
              <a href={`#${INDEX_ANCHOR}`}>{t("workbench.texts.toIndex")}</a>
            </Paragraph>
          </section>
        );
      })}
    </div>
  );
}
