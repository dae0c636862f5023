import { Button, Field, Fieldset, Input, Label, Paragraph, Select, Textarea } from "@digdir/designsystemet-react";
import { Form } from "react-router";
import { CsrfField } from "../../forms.tsx";
import { useT } from "../../i18n.ts";
import type { StoredAnswer } from "../../../src/services/questionnaire/answers.server.ts";
import { AutosaveForm, failedSubmission, type AutosaveFailure } from "../AutosaveForm.tsx";
import { Choice } from "../Choice.tsx";
import { LabelledField } from "../LabelledField.tsx";
import { answerFields, documentField, fieldId, itemAnchor, type PageDocument, type PageEntry, storedOf } from "./model.ts";

/** The most characters an answer holds (the service's MAX_ANSWER_LENGTH). */
const MAX_ANSWER = 20_000;

/**
 * One item's answer: text, own score (when the item has one), web addresses and the evaluation's
 * documents; saved as you type, or with its button without JavaScript. A refused save keeps what
 * was typed; a conflict shows both versions.
 */
export function AnswerForm({
  entry,
  documents,
  failure,
}: {
  entry: PageEntry;
  documents: readonly PageDocument[];
  failure: AutosaveFailure | undefined;
}) {
  const { t, language } = useT();
  const { item, answer } = entry;
  const { values: mine, conflict, problems } = failedSubmission(failure, `answer:${item.id}`);
  const stored = answerFields(storedOf(answer), documents, language);
  // After a refused save without JavaScript the fields keep what was typed (a conflict shows it beside the saved answer instead).
  const shown = mine && !conflict ? mine : stored;
  const id = (field: string) => fieldId(item.id, field);
  const fieldLabels: Record<string, string> = {
    answer: t("questionnaire.answerLabel"),
    ownScore: t("questionnaire.ownScoreLabel"),
    links: t("questionnaire.linksLabel"),
    ...Object.fromEntries(documents.map((d) => [documentField(d.id), t("questionnaire.documentField")])),
  };
  return (
    <AutosaveForm
      id={itemAnchor(item.id)}
      intent="answer"
      hiddenFields={{ itemId: item.id }}
      version={answer?.version ?? 0}
      label={t("questionnaire.item", { id: item.id })}
      conflict={conflict}
      problems={problems}
      toFields={(current) => answerFields(current as StoredAnswer, documents, language)}
      fieldLabels={fieldLabels}
      fieldIds={{ answer: id("answer"), ownScore: id("ownScore"), links: id("links"), evidenceIds: id("documents") }}
      headingLevel={4}
    >
      <LabelledField id={id("answer")} label={t("questionnaire.answer", { id: item.id })} name="answer">
        {(describedBy, invalid) => (
          <Textarea
            id={id("answer")}
            name="answer"
            rows={6}
            maxLength={MAX_ANSWER}
            defaultValue={shown.answer ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </LabelledField>
      {item.maxPoints !== null && (
        <LabelledField
          id={id("ownScore")}
          label={t("questionnaire.ownScore", { id: item.id, max: item.maxPoints })}
          hint={t("questionnaire.ownScoreHint")}
          name="ownScore"
        >
          {(describedBy, invalid) => (
            <Input
              id={id("ownScore")}
              name="ownScore"
              inputMode="decimal"
              autoComplete="off"
              size={8}
              defaultValue={shown.ownScore ?? ""}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </LabelledField>
      )}
      <LabelledField id={id("links")} label={t("questionnaire.links", { id: item.id })} hint={t("questionnaire.linksHint")} name="links">
        {(describedBy, invalid) => (
          <Textarea
            id={id("links")}
            name="links"
            rows={2}
            defaultValue={shown.links ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </LabelledField>
      {documents.length > 0 ? (
        <Fieldset id={id("documents")} data-size="sm">
          <Fieldset.Legend>{t("questionnaire.documents", { id: item.id })}</Fieldset.Legend>
          <Fieldset.Description>{t("questionnaire.documentsHint")}</Fieldset.Description>
          {documents.map((d) => (
            <Choice
              key={d.id}
              id={`${id("document")}-${d.id}`}
              name={documentField(d.id)}
              value={d.title}
              label={d.title}
              defaultChecked={documentField(d.id) in shown}
            />
          ))}
        </Fieldset>
      ) : (
        <Paragraph data-size="sm">{t("questionnaire.noDocuments")}</Paragraph>
      )}
      {answer?.updatedBy && <Paragraph data-size="xs">{t("questionnaire.lastSaved", { name: answer.updatedBy.name })}</Paragraph>}
    </AutosaveForm>
  );
}

/** The contact gives an item to an invited colleague, or keeps it: a plain form, with or without JavaScript. */
export function AssignForm({ entry, colleagues }: { entry: PageEntry; colleagues: readonly { id: string; name: string }[] }) {
  const { t } = useT();
  const id = fieldId(entry.item.id, "assignee");
  return (
    <Form method="post" className="questionnaire-assign" preventScrollReset>
      <CsrfField />
      <input type="hidden" name="intent" value="assign" />
      <input type="hidden" name="itemId" value={entry.item.id} />
      <Field>
        <Label htmlFor={id}>{t("questionnaire.assignee", { id: entry.item.id })}</Label>
        <Select id={id} name="assigneeId" defaultValue={entry.answer?.assignedTo?.id ?? ""}>
          <Select.Option value="">{t("questionnaire.assigneeSelf")}</Select.Option>
          {colleagues.map((c) => (
            <Select.Option key={c.id} value={c.id}>
              {c.name}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="secondary" data-size="sm">
        {t("questionnaire.assign")}
        <span className="ds-sr-only">: {t("questionnaire.item", { id: entry.item.id })}</span>
      </Button>
    </Form>
  );
}
