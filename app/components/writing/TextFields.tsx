import { Heading, Paragraph, Textarea } from "@digdir/designsystemet-react";
import { AutosaveForm, failedSubmission, type AutosaveFailure } from "../AutosaveForm.tsx";
import { LabelledField } from "../LabelledField.tsx";
import { useT } from "../../i18n.ts";
import type { WritingList, WritingText } from "../../../src/services/writing/getWriting.server.ts";
import { fieldId, textAnchor } from "./anchors.ts";

/** What every text of the page needs to know: may the actor edit, the failed post without JavaScript, and whom to tell of a save. */
export type PageState = {
  canEdit: boolean;
  failure: AutosaveFailure | undefined;
  /** With JavaScript: a text is now stored with this body (the area index follows it). */
  onStored: (key: string, body: string) => void;
  /** The longest text and good-example sentence the service takes (the fields' maxLength). */
  limits: { text: number; sentence: number };
};

/**
 * A text, editable (saved as you type; marked invalid with its problem with JavaScript or without)
 * or read-only. `label` names it uniquely on the page ("Styrkor, område 3 Politisk styrning och
 * kontroll"): the field, its Save button and a conflict's heading.
 */
export function TextField(props: {
  text: WritingText;
  label: string;
  description?: string;
  rows?: number;
  page: PageState;
  headingLevel?: 3 | 4;
}) {
  const { text, label, description, rows = 6, page, headingLevel = 3 } = props;
  const { t } = useT();
  const id = fieldId(text.key);
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
  const { values: mine, conflict, problems } = failedSubmission(page.failure, `text:${text.key}`);
  // After a refused save without JavaScript, the field keeps what was typed (a conflict shows it beside the saved text instead).
  const value = mine && !conflict ? mine.body! : text.body;
  return (
    <AutosaveForm
      id={textAnchor(text.key)}
      intent="text"
      hiddenFields={{ key: text.key }}
      version={text.version}
      label={label}
      conflict={conflict}
      problems={problems}
      onStored={(values) => page.onStored(text.key, values.body ?? "")}
      fieldIds={{ body: id }}
      headingLevel={headingLevel}
    >
      <LabelledField id={id} label={label} hint={description} name="body">
        {(describedBy, invalid) => (
          <Textarea
            id={id}
            name="body"
            rows={rows}
            maxLength={page.limits.text}
            defaultValue={value}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </LabelledField>
      {text.updatedByName && <Paragraph data-size="xs">{t("writing.lastSaved", { name: text.updatedByName })}</Paragraph>}
    </AutosaveForm>
  );
}

/** Strengths or improvements: one item a line while editing, a numbered list to read. */
export function ListField({ list, label, page }: { list: WritingList; label: string; page: PageState }) {
  const { t } = useT();
  if (page.canEdit) return <TextField text={list} label={label} description={t("writing.listDescription")} rows={5} page={page} />;
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
