import { Button, Heading, Input, Paragraph } from "@digdir/designsystemet-react";
import { Form } from "react-router";
import { CsrfField, problemText } from "../../forms.tsx";
import { useT } from "../../i18n.ts";
import type { Problem } from "../../../src/services/errors.ts";
import { Choice } from "../Choice.tsx";
import { CorrectionReason } from "../CorrectionReason.tsx";
import { LabelledField } from "../LabelledField.tsx";

export const HAND_IN_ANCHOR = "lamna-in";
export const TEAM_ANCHOR = "sjalvvardering-hantera";

const problemOf = (problems: Problem[] | undefined, field: string) => problems?.find((p) => p.field === field);

/** The contact hands the questionnaire in, after ticking that they mean it (works without JavaScript). */
export function HandInForm({
  version,
  answered,
  total,
  problems,
}: {
  version: number;
  answered: number;
  total: number;
  problems?: Problem[];
}) {
  const { t } = useT();
  const problem = problemOf(problems, "confirm");
  return (
    <section aria-labelledby={`${HAND_IN_ANCHOR}-heading`} id={HAND_IN_ANCHOR} className="stack questionnaire-panel">
      <Heading level={2} data-size="xs" id={`${HAND_IN_ANCHOR}-heading`}>
        {t("questionnaire.handIn.title")}
      </Heading>
      <Paragraph>{t("questionnaire.handIn.text", { answered, total })}</Paragraph>
      <Form method="post" className="stack">
        <CsrfField />
        <input type="hidden" name="intent" value="handIn" />
        <input type="hidden" name="version" value={version} />
        <Choice
          id="confirm"
          name="confirm"
          value="yes"
          label={t("questionnaire.handIn.confirm")}
          required
          aria-invalid={problem ? true : undefined}
        />
        {problem && <Paragraph data-color="danger">{problemText(t, problem, "questionnaire")}</Paragraph>}
        <div>
          <Button type="submit">{t("questionnaire.handIn.submit")}</Button>
        </div>
      </Form>
    </section>
  );
}

/** The team (or the administrator) opens a handed-in questionnaire again with a reason, and moves the hand-in date. */
export function TeamForms({
  version,
  dueDate,
  mayReopen,
  maySetDueDate,
  problems,
}: {
  version: number;
  dueDate: string;
  mayReopen: boolean;
  maySetDueDate: boolean;
  problems?: Problem[];
}) {
  const { t } = useT();
  const dueProblem = problemOf(problems, "dueDate");
  if (!mayReopen && !maySetDueDate) return null;
  return (
    <div id={TEAM_ANCHOR} className="questionnaire-team-forms">
      {mayReopen && (
        <section aria-labelledby="reopen-heading" className="stack questionnaire-panel">
          <Heading level={2} data-size="xs" id="reopen-heading">
            {t("questionnaire.reopen.title")}
          </Heading>
          <Paragraph>{t("questionnaire.reopen.text")}</Paragraph>
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="reopen" />
            <input type="hidden" name="version" value={version} />
            <CorrectionReason label={t("questionnaire.reopen.reason")} problems={problems} />
            <div>
              <Button type="submit" variant="secondary">
                {t("questionnaire.reopen.submit")}
              </Button>
            </div>
          </Form>
        </section>
      )}
      {maySetDueDate && (
        <section aria-labelledby="due-heading" className="stack questionnaire-panel">
          <Heading level={2} data-size="xs" id="due-heading">
            {t("questionnaire.due.title")}
          </Heading>
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="dueDate" />
            <input type="hidden" name="version" value={version} />
            <LabelledField
              id="dueDate"
              label={t("questionnaire.due.label")}
              error={dueProblem ? problemText(t, dueProblem, "questionnaire") : undefined}
            >
              {(describedBy, invalid) => (
                <Input
                  id="dueDate"
                  name="dueDate"
                  type="date"
                  required
                  defaultValue={dueDate}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </LabelledField>
            <div>
              <Button type="submit" variant="secondary">
                {t("questionnaire.due.submit")}
              </Button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
