import { Field, Fieldset, Input, Label } from "@digdir/designsystemet-react";
import { useT } from "../i18n.ts";
import type { SetupChoices } from "../../src/services/evaluations/setupChoices.server.ts";

export interface SetupValues {
  visitStart: string | null;
  visitEnd: string | null;
  evaluatorIds: readonly string[];
  contactIds: readonly string[];
}

/** Visit dates, team and contacts: the same fields when planning and when changing an evaluation. */
export function SetupFields({ choices, values }: { choices: Pick<SetupChoices, "evaluators" | "contacts">; values?: SetupValues }) {
  const { t } = useT();
  return (
    <>
      <Field>
        <Label htmlFor="visitStart">{t("workspace.visitStart")}</Label>
        <Input id="visitStart" name="visitStart" type="date" defaultValue={values?.visitStart ?? ""} />
      </Field>
      <Field>
        <Label htmlFor="visitEnd">{t("workspace.visitEnd")}</Label>
        <Input id="visitEnd" name="visitEnd" type="date" defaultValue={values?.visitEnd ?? ""} />
      </Field>
      <Fieldset id="evaluatorIds">
        <Fieldset.Legend>{t("workspace.evaluators")}</Fieldset.Legend>
        {choices.evaluators.map((p) => (
          <Choice
            key={p.id}
            name="evaluatorIds"
            value={p.id}
            label={p.organisation ? `${p.name}, ${p.organisation}` : p.name}
            checked={values?.evaluatorIds.includes(p.id)}
          />
        ))}
      </Fieldset>
      <Fieldset id="contactIds">
        <Fieldset.Legend>{t("workspace.contacts")}</Fieldset.Legend>
        {choices.contacts.map((p) => (
          <Choice
            key={p.id}
            name="contactIds"
            value={p.id}
            label={`${p.name} (${p.municipality})`}
            checked={values?.contactIds.includes(p.id)}
          />
        ))}
      </Fieldset>
    </>
  );
}

/**
 * A checkbox whose label is tied to it in the server-rendered HTML (Designsystemet's Checkbox
 * ties them only once JavaScript runs).
 */
function Choice({ name, value, label, checked }: { name: string; value: string; label: string; checked?: boolean }) {
  const id = `${name}-${value}`;
  return (
    <Field>
      <Input type="checkbox" id={id} name={name} value={value} defaultChecked={checked} />
      <Label htmlFor={id} weight="regular">
        {label}
      </Label>
    </Field>
  );
}
