import { Fieldset, Paragraph, Textarea, ValidationMessage } from "@digdir/designsystemet-react";
import { Form } from "react-router";
import { VERDICTS } from "../../../src/domain/cycle/followup.ts";
import type { FollowupOpportunity } from "../../../src/services/followup/getFollowup.server.ts";
import { CsrfField } from "../../forms.tsx";
import { useT } from "../../i18n.ts";
import { AutosaveForm, failedSubmission, type AutosaveFailure } from "../AutosaveForm.tsx";
import { Choice } from "../Choice.tsx";
import { useFieldProblem } from "../FieldProblems.tsx";
import { LabelledField } from "../LabelledField.tsx";
import { Button } from "@digdir/designsystemet-react";

/** Ids of one opportunity's mark: its wrapper (where a page without JavaScript comes back to) and fields. */
export const markIds = (o: { areaNumber: number; index: number }) => {
  const anchor = `uppfoljning-${o.areaNumber}-${o.index + 1}`;
  return { anchor, verdict: `${anchor}-verdict-${VERDICTS[0]}`, comment: `${anchor}-comment` };
};

/** The form a failed submission without JavaScript belongs to. */
export const markFormName = (o: { areaNumber: number; index: number }) => `mark:${o.areaNumber}.${o.index}`;

/** The three verdicts as radio buttons, marked invalid with their problem (with JavaScript or without). */
function VerdictField({ anchor, checked, error }: { anchor: string; checked: string; error?: string }) {
  const { t } = useT();
  const autosaveError = useFieldProblem("verdict");
  const message = error ?? autosaveError;
  return (
    <Fieldset>
      <Fieldset.Legend>{t("followup.verdictLegend")}</Fieldset.Legend>
      <div className="followup-verdicts">
        {VERDICTS.map((verdict) => (
          <Choice
            key={verdict}
            type="radio"
            id={`${anchor}-verdict-${verdict}`}
            name="verdict"
            value={verdict}
            label={t(`followup.verdict.${verdict}`)}
            defaultChecked={checked === verdict}
            aria-invalid={message ? true : undefined}
          />
        ))}
      </div>
      {message && <ValidationMessage>{message}</ValidationMessage>}
    </Fieldset>
  );
}

/**
 * The team's verdict on one earlier improvement opportunity: åtgärdad, delvis or kvarstår, with a
 * short comment. Without JavaScript a plain form (Save, then the page again); with it, saved in
 * place as you choose and type; a conflict with someone else's save lets the user choose
 * (ConflictChoice). A second small form takes the verdict away.
 */
export function MarkForm({
  opportunity,
  label,
  failure,
  maxComment,
}: {
  opportunity: FollowupOpportunity;
  /** Names the form uniquely on the page ("Bedömning av förbättringsmöjlighet 2 i område 3"). */
  label: string;
  failure: AutosaveFailure | undefined;
  maxComment: number;
}) {
  const { t } = useT();
  const ids = markIds(opportunity);
  const mark = opportunity.mark;
  const { values: mine, conflict, problems, error } = failedSubmission(failure, markFormName(opportunity));
  // After a refused save without JavaScript the fields keep what was chosen and typed.
  const shown = mine && !conflict ? mine : { verdict: mark?.verdict ?? "", comment: mark?.comment ?? "" };
  return (
    <>
      <AutosaveForm
        id={ids.anchor}
        intent="mark"
        hiddenFields={{ areaNumber: opportunity.areaNumber, improvementIndex: opportunity.index }}
        version={mark?.version ?? 0}
        label={label}
        conflict={conflict}
        problems={problems}
        fieldIds={{ verdict: ids.verdict, comment: ids.comment, version: ids.anchor }}
        fieldLabels={{ verdict: t("followup.verdictLegend"), comment: t("followup.comment") }}
        headingLevel={4}
      >
        <VerdictField anchor={ids.anchor} checked={shown.verdict ?? ""} error={error("verdict")} />
        <LabelledField
          id={ids.comment}
          label={t("followup.comment")}
          hint={t("followup.commentHint", { max: maxComment })}
          name="comment"
          error={error("comment")}
        >
          {(describedBy, invalid) => (
            <Textarea
              id={ids.comment}
              name="comment"
              rows={2}
              maxLength={maxComment}
              defaultValue={shown.comment ?? ""}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </LabelledField>
        {mark?.updatedByName && <Paragraph data-size="xs">{t("followup.lastSaved", { name: mark.updatedByName })}</Paragraph>}
      </AutosaveForm>
      {mark && (
        <Form method="post" className="followup-clear">
          <CsrfField />
          <input type="hidden" name="intent" value="clear" />
          <input type="hidden" name="areaNumber" value={opportunity.areaNumber} />
          <input type="hidden" name="improvementIndex" value={opportunity.index} />
          <input type="hidden" name="version" value={mark.version} />
          <Button type="submit" variant="tertiary" data-size="sm">
            {t("followup.clear")}
            <span className="ds-sr-only">: {label}</span>
          </Button>
        </Form>
      )}
    </>
  );
}
