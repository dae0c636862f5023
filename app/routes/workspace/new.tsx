import { Button, Field, Heading, Label, Select } from "@digdir/designsystemet-react";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/new";
import { SetupFields } from "../../components/SetupFields.tsx";
import { newEvaluationForms } from "../../evaluation-forms.server.ts";
import { parseForm, typedValues } from "../../submission.ts";
import { CsrfField, failureOf, Problems, readForm, requireActor } from "../../forms.tsx";
import { pageTitle, useT } from "../../i18n.ts";
import { createEvaluation } from "../../../src/services/evaluations/createEvaluation.server.ts";
import { setupChoices } from "../../../src/services/evaluations/setupChoices.server.ts";
import { MunicipalityOptions } from "../../components/MunicipalityOptions.tsx";
import { kompass } from "../../context.ts";
import { LabelledInput } from "../../components/LabelledField.tsx";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  try {
    return await setupChoices(kompass(context).db, actor);
  } catch (error) {
    throw failureOf(error, request);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  const form = await readForm(request, context);
  try {
    const { id } = await createEvaluation(kompass(context).db, actor, parseForm(form, newEvaluationForms));
    return redirect(`/arbetsyta/${id}`);
  } catch (error) {
    // The page comes back with what was chosen and typed (also without JavaScript).
    const failure = failureOf(error, request);
    const typed = typedValues(form, ["municipalityCode", "instrumentKey", "year", "visitStart", "visitEnd"]);
    const chosen = (name: string) => form.getAll(name).map(String);
    return data(
      { ...failure.data, values: { ...typed, evaluatorIds: chosen("evaluatorIds"), contactIds: chosen("contactIds") } },
      failure.init ?? undefined,
    );
  }
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "workspace.createTitle") }];
}

export default function NewEvaluation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const choices = loaderData;
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  return (
    <div className="form-narrow stack">
      <Heading level={1} data-size="lg">
        {t("workspace.createTitle")}
      </Heading>
      <Form method="post" className="stack">
        <CsrfField />
        <input type="hidden" name="intent" value="create" />
        <Problems problems={actionData?.problems} />
        <Field>
          <Label htmlFor="municipalityCode">{t("workspace.municipality")}</Label>
          <Select id="municipalityCode" name="municipalityCode" required defaultValue={values?.municipalityCode ?? ""}>
            <MunicipalityOptions municipalities={choices.municipalities} empty={t("workspace.noneChosen")} emptyDisabled />
          </Select>
        </Field>
        <Field>
          <Label htmlFor="instrumentKey">{t("workspace.instrument")}</Label>
          <Select id="instrumentKey" name="instrumentKey" required defaultValue={values?.instrumentKey ?? choices.instruments.at(-1)?.key}>
            {choices.instruments.map((i) => (
              <Select.Option key={i.key} value={i.key}>
                {i.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <LabelledInput
          label={t("workspace.year")}
          id="year"
          name="year"
          inputMode="numeric"
          pattern="[0-9]{4}"
          required
          defaultValue={values?.year ?? String(new Date().getFullYear())}
        />
        <SetupFields
          choices={choices}
          values={
            values && {
              visitStart: values.visitStart ?? null,
              visitEnd: values.visitEnd ?? null,
              evaluatorIds: values.evaluatorIds,
              contactIds: values.contactIds,
            }
          }
        />
        <Button type="submit">{t("workspace.createSubmit")}</Button>
      </Form>
    </div>
  );
}
