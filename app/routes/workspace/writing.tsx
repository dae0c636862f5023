import { Alert, Button, Field, Heading, Label, Paragraph, Select, Textarea } from "@digdir/designsystemet-react";
import { Form, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/writing";
import {
  AutosaveForm,
  failedSubmission,
  failureWithValues,
  isAutosave,
  type AutosaveFailure,
  type Submitted,
} from "../../components/AutosaveForm.tsx";
import { PreviousResult } from "../../components/PreviousResult.tsx";
import { CsrfField, Problems, readForm } from "../../forms.tsx";
import { pageTitle, useT } from "../../i18n.ts";
import {
  getWriting,
  type GoodExample,
  type WritingArea,
  type WritingList,
  type WritingText,
} from "../../../src/services/writing/getWriting.server.ts";
import { addGoodExample, deleteGoodExample, moveGoodExample } from "../../../src/services/writing/goodExamples.server.ts";
import { saveText } from "../../../src/services/writing/saveText.server.ts";
import { MAX_SENTENCE_LENGTH, MAX_TEXT_LENGTH } from "../../../src/services/writing/textKeys.shared.ts";
import { MunicipalityOptions } from "../../components/MunicipalityOptions.tsx";
import { forEvaluation, workspaceContext } from "../../workspace.server.ts";
import { writingForms } from "../../writing-forms.server.ts";
import { parseForm, typedValues } from "../../submission.ts";

const slug = (key: string) => key.replace(/[^\w-]/g, "-");
const textAnchor = (key: string) => `text-${slug(key)}`;
const examplesAnchor = (area: string | number) => `examples-${slug(String(area))}`;

export function loader({ request, context }: Route.LoaderArgs) {
  return forEvaluation({ request, context }, async ({ db, actor, evaluationId: id }) => {
    return await getWriting(db, actor, id);
  });
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "writing.title") }];
}

/** An autosave changes one text: the rest of the page need not be loaded again. */
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return isAutosave(formData) ? false : defaultShouldRevalidate;
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  const form = await readForm(request, context);
  const path = new URL(request.url).pathname;
  const typed = typedValues(form, ["intent", "key", "body", "area", "municipalityCode", "sentence"]);
  const submitted: Submitted =
    typed.intent === "text"
      ? { form: `text:${typed.key}`, values: { body: typed.body } }
      : { form: `examples:${typed.area}`, values: { municipalityCode: typed.municipalityCode, sentence: typed.sentence } };
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
    return failureWithValues(error, request, submitted, "writing", { conflictField: "version" });
  }
}

const sideBySide = {
  display: "grid",
  gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 20rem), 1fr))",
  gap: "var(--ds-size-6, 1.5rem)",
} as const;

type PageState = { canEdit: boolean; failure: AutosaveFailure | undefined };

/** A text, editable (saved as you type) or read-only. */
function TextField(props: {
  text: WritingText;
  label: string;
  context?: string;
  description?: string;
  rows?: number;
  page: PageState;
  headingLevel?: 3 | 4;
}) {
  const { text, label, description, rows = 6, page, headingLevel = 3 } = props;
  const { t } = useT();
  const id = `field-${slug(text.key)}`;
  if (!page.canEdit) {
    return (
      <div id={textAnchor(text.key)}>
        <Paragraph data-size="sm">
          <strong>{label}</strong>
        </Paragraph>
        <Paragraph style={{ whiteSpace: "pre-wrap" }}>{text.body.trim() ? text.body : t("writing.empty")}</Paragraph>
      </div>
    );
  }
  const { values: mine, conflict } = failedSubmission(page.failure, `text:${text.key}`);
  // After a refused save without JavaScript, the field keeps what was typed (a conflict shows it beside the saved text instead).
  const value = mine && !conflict ? mine.body! : text.body;
  return (
    <AutosaveForm
      id={textAnchor(text.key)}
      intent="text"
      hiddenFields={{ key: text.key }}
      version={text.version}
      label={props.context ? `${props.context}: ${label}` : label}
      conflict={conflict}
      fieldIds={{ body: id }}
      headingLevel={headingLevel}
    >
      <Field>
        <Label htmlFor={id}>{label}</Label>
        {description && <Field.Description id={`${id}-description`}>{description}</Field.Description>}
        <Textarea
          id={id}
          name="body"
          rows={rows}
          maxLength={MAX_TEXT_LENGTH}
          defaultValue={value}
          aria-describedby={description ? `${id}-description` : undefined}
        />
      </Field>
      {text.updatedByName && <Paragraph data-size="xs">{t("writing.lastSaved", { name: text.updatedByName })}</Paragraph>}
    </AutosaveForm>
  );
}

function ListField({ list, label, context, page }: { list: WritingList; label: string; context: string; page: PageState }) {
  const { t } = useT();
  if (page.canEdit)
    return <TextField text={list} label={label} context={context} description={t("writing.listDescription")} rows={5} page={page} />;
  return (
    <div id={textAnchor(list.key)}>
      <Heading level={3} data-size="2xs">
        {label}
      </Heading>
      {list.items.length ? (
        <ol>
          {list.items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ol>
      ) : (
        <Paragraph>{t("writing.noItems")}</Paragraph>
      )}
    </div>
  );
}

/** A small form with one button: move a good example or remove it. */
type ExampleButtonProps = { intent: string; example: GoodExample; direction?: string; label: string };
function ExampleButton({ intent, example, direction, label }: ExampleButtonProps) {
  return (
    <Form method="post" className="inline-form" preventScrollReset>
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="example" value={example.id} />
      <input type="hidden" name="area" value={example.areaNumber} />
      {direction && <input type="hidden" name="direction" value={direction} />}
      <Button type="submit" variant="tertiary" data-size="sm">
        {label}
        <span className="ds-sr-only">: {example.municipalityName}</span>
      </Button>
    </Form>
  );
}

function GoodExamples({ area, choices, page }: { area: WritingArea; choices: { code: string; name: string }[]; page: PageState }) {
  const { t } = useT();
  const anchor = examplesAnchor(area.number);
  const failed = failedSubmission(page.failure, `examples:${area.number}`).values;
  const n = area.number;
  return (
    <div id={anchor} className="stack">
      <Heading level={3} data-size="xs" id={`${anchor}-heading`}>
        {t("writing.examplesTitle")}
      </Heading>
      {area.goodExamples.length === 0 ? (
        <Paragraph>{t("writing.examplesNone")}</Paragraph>
      ) : (
        <ol>
          {area.goodExamples.map((example, index) => (
            <li key={example.id}>
              <strong>{example.municipalityName}</strong>: {example.sentence}
              {page.canEdit && (
                // biome-ignore lint/a11y/useSemanticElements: a group of buttons, not of form fields: a fieldset would bring a form's border and semantics.
                <div role="group" aria-label={t("writing.exampleActions", { name: example.municipalityName })}>
                  {index > 0 && <ExampleButton intent="moveExample" example={example} direction="up" label={t("writing.moveUp")} />}
                  {index < area.goodExamples.length - 1 && (
                    <ExampleButton intent="moveExample" example={example} direction="down" label={t("writing.moveDown")} />
                  )}
                  <ExampleButton intent="deleteExample" example={example} label={t("writing.remove")} />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {page.canEdit && (
        <Form method="post" className="stack form-narrow" aria-labelledby={`${anchor}-add`} preventScrollReset>
          <Paragraph id={`${anchor}-add`} data-size="sm">
            <strong>{t("writing.addExampleTitle", { number: n })}</strong>
          </Paragraph>
          <CsrfField />
          <input type="hidden" name="intent" value="addExample" />
          <input type="hidden" name="area" value={n} />
          <Field>
            <Label htmlFor={`${anchor}-municipality`}>{t("writing.exampleMunicipality")}</Label>
            <Select id={`${anchor}-municipality`} name="municipalityCode" required defaultValue={failed?.municipalityCode ?? ""}>
              <MunicipalityOptions municipalities={choices} empty={t("writing.chooseMunicipality")} />
            </Select>
          </Field>
          <Field>
            <Label htmlFor={`${anchor}-sentence`}>{t("writing.exampleSentence")}</Label>
            <Field.Description id={`${anchor}-sentence-description`}>{t("writing.exampleSentenceDescription")}</Field.Description>
            <Textarea
              id={`${anchor}-sentence`}
              name="sentence"
              rows={2}
              required
              maxLength={MAX_SENTENCE_LENGTH}
              defaultValue={failed?.sentence ?? ""}
              aria-describedby={`${anchor}-sentence-description`}
            />
          </Field>
          <Button type="submit" variant="secondary">
            {t("writing.addExample")}
          </Button>
        </Form>
      )}
    </div>
  );
}

export default function Writing({ loaderData, actionData }: Route.ComponentProps) {
  const { t, formatDate } = useT();
  const w = loaderData;
  const failure = actionData && "problems" in actionData ? (actionData as AutosaveFailure) : undefined;
  const page: PageState = { canEdit: w.canEdit, failure };
  const s = w.suggested;
  const failedForm = failure?.submitted?.form ?? "";
  const [kind, key = ""] = failedForm.split(/:(.*)/);
  const ex = examplesAnchor(key);
  const fieldIds: Record<string, string> =
    kind === "text"
      ? { body: `field-${slug(key)}`, key: textAnchor(key), version: textAnchor(key) }
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
      {w.areas.map((area) => {
        const context = t("writing.areaTitle", { number: area.number, name: area.name });
        return (
          <section key={area.number} aria-labelledby={`area-${area.number}`} className="stack">
            <Heading level={2} data-size="sm" id={`area-${area.number}`}>
              {context}
            </Heading>
            <PreviousResult previous={w.previous} areaNumber={area.number} />
            <TextField text={area.general} label={t("writing.general")} context={context} page={page} />
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
            <ListField list={area.strengths} label={t("writing.strengths")} context={context} page={page} />
            <ListField list={area.improvements} label={t("writing.improvements")} context={context} page={page} />
            <GoodExamples area={area} choices={w.municipalityChoices} page={page} />
          </section>
        );
      })}
    </div>
  );
}
