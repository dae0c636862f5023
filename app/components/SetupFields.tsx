import { Field, Fieldset, Input, Label, Paragraph } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useT } from "../i18n.ts";
import { Choice } from "./Choice.tsx";
import type { SetupChoices } from "../../src/services/evaluations/setupChoices.server.ts";

export interface SetupValues {
  visitStart: string | null;
  visitEnd: string | null;
  evaluatorIds: readonly string[];
  contactIds: readonly string[];
}

/**
 * Visit dates, team and contacts: the same fields when planning and when changing an evaluation.
 * When planning, `municipality` is the one chosen so far (null: none yet): only its contacts are
 * offered (they are the only ones the evaluation accepts), and `contactHelp` says how to add one.
 */
export function SetupFields({
  choices,
  values,
  municipality,
  contactHelp,
}: {
  choices: Pick<SetupChoices, "evaluators" | "contacts">;
  values?: SetupValues;
  municipality?: { code: string; name: string } | null;
  contactHelp?: ReactNode;
}) {
  const { t } = useT();
  const contacts =
    municipality === undefined ? choices.contacts : choices.contacts.filter((p) => p.municipalityCode === municipality?.code);
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
            id={`evaluatorIds-${p.id}`}
            name="evaluatorIds"
            value={p.id}
            label={p.organisation ? `${p.name}, ${p.organisation}` : p.name}
            defaultChecked={values?.evaluatorIds.includes(p.id)}
          />
        ))}
      </Fieldset>
      <Fieldset id="contactIds">
        <Fieldset.Legend>{t("workspace.contacts")}</Fieldset.Legend>
        {municipality === null && <Paragraph data-size="sm">{t("finder.planning.contactsFirst")}</Paragraph>}
        {municipality && contacts.length === 0 && (
          <Paragraph data-size="sm">{t("finder.planning.noContacts", { name: municipality.name })}</Paragraph>
        )}
        {contacts.map((p) => (
          <Choice
            key={p.id}
            id={`contactIds-${p.id}`}
            name="contactIds"
            value={p.id}
            label={`${p.name} (${p.municipality})`}
            defaultChecked={values?.contactIds.includes(p.id)}
          />
        ))}
        {contactHelp}
      </Fieldset>
    </>
  );
}
