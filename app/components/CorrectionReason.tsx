import { Textarea } from "@digdir/designsystemet-react";
import { problemText } from "../forms.tsx";
import { useT } from "../i18n.ts";
import { LabelledField } from "./LabelledField.tsx";
import type { Problem } from "../../src/services/errors.ts";

/**
 * The reason for reopening a published evaluation (the overview's and the revisions page's
 * correction form), marked invalid with its problem after a refused post, with or without JavaScript.
 */
export function CorrectionReason({ label, hint, problems }: { label: string; hint?: string; problems: Problem[] | undefined }) {
  const { t } = useT();
  const problem = problems?.find((p) => p.field === "reason");
  return (
    <LabelledField id="reason" label={label} hint={hint} error={problem ? problemText(t, problem) : undefined}>
      {(describedBy, invalid) => (
        <Textarea id="reason" name="reason" required minLength={5} rows={3} aria-describedby={describedBy} aria-invalid={invalid} />
      )}
    </LabelledField>
  );
}
