import { Button, Heading, Paragraph, Textarea } from "@digdir/designsystemet-react";
import { Form } from "react-router";
import { failedSubmission } from "../AutosaveForm.tsx";
import { LabelledField } from "../LabelledField.tsx";
import { MunicipalityDatalist, MunicipalityPicker, type PickerProblem } from "../MunicipalityPicker.tsx";
import { CsrfField } from "../../forms.tsx";
import { useT } from "../../i18n.ts";
import type { GoodExample, WritingArea } from "../../../src/services/writing/getWriting.server.ts";
import { examplesAnchor } from "./anchors.ts";
import type { PageState } from "./TextFields.tsx";

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

/** The one list of municipalities that every area's add form suggests as one types, without JavaScript. */
const CHOICES_LIST = "good-example-municipalities";

/**
 * The municipalities that may be named (not the one evaluated), once for the whole page: each
 * area's picker refers to it, instead of eight copies of the 290 (or eight selects of them).
 */
export function GoodExampleChoices({ choices }: { choices: readonly { code: string; name: string }[] }) {
  return <MunicipalityDatalist id={CHOICES_LIST} options={choices} />;
}

/** An area's good examples, in order, and (for the team) the form to add one. */
export function GoodExamples({
  area,
  choices,
  page,
  picker,
}: {
  area: WritingArea;
  choices: readonly { code: string; name: string }[];
  page: PageState;
  /** What the picker says of a name refused without JavaScript (several match, or none); only for the area that failed. */
  picker?: PickerProblem | null;
}) {
  const { t } = useT();
  const anchor = examplesAnchor(area.number);
  const { values: failed, error: problem } = failedSubmission(page.failure, `examples:${area.number}`);
  const n = area.number;
  // The same two fields in every area: named by their area for whoever hears the labels out of context.
  const whereText = t("workbench.texts.exampleFieldArea", { number: n, name: area.name });
  const where = <span className="ds-sr-only">{whereText}</span>;
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
          <MunicipalityPicker
            name="municipality"
            id={`${anchor}-municipality`}
            label={
              <>
                {t("writing.exampleMunicipality")}
                {where}
              </>
            }
            listLabel={`${t("writing.exampleMunicipality")}${whereText}`}
            description={t("writing.exampleMunicipalityDescription")}
            list={CHOICES_LIST}
            options={choices}
            defaultValue={failed?.municipality ?? ""}
            problem={failed ? picker : null}
            error={problem("municipalityCode")}
            required
          />
          <LabelledField
            id={`${anchor}-sentence`}
            label={
              <>
                {t("writing.exampleSentence")}
                {where}
              </>
            }
            hint={t("writing.exampleSentenceDescription")}
            error={problem("sentence")}
          >
            {(describedBy, invalid) => (
              <Textarea
                id={`${anchor}-sentence`}
                name="sentence"
                rows={2}
                required
                maxLength={page.limits.sentence}
                defaultValue={failed?.sentence ?? ""}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </LabelledField>
          <Button type="submit" variant="secondary">
            {t("writing.addExample")}
          </Button>
        </Form>
      )}
    </div>
  );
}
