import { Button, Field, Heading, Input, Label, Select } from "@digdir/designsystemet-react";
import { Form, redirect } from "react-router";
import type { Route } from "./+types/new";
import { SetupFields, setupFromForm } from "../../components/SetupFields.tsx";
import { CsrfField, failureOf, Problems, readForm, requireActor } from "../../forms.tsx";
import { pageTitle, useT } from "../../i18n.ts";
import { createEvaluation } from "../../../src/services/evaluations/createEvaluation.server.ts";
import { setupChoices } from "../../../src/services/evaluations/setupChoices.server.ts";
import { MunicipalityOptions } from "../../components/MunicipalityOptions.tsx";
import { kompass } from "../../context.ts";

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
    const { id } = await createEvaluation(kompass(context).db, actor, {
      municipalityCode: String(form.get("municipalityCode") ?? ""),
      instrumentKey: String(form.get("instrumentKey") ?? ""),
      year: String(form.get("year") ?? ""),
      ...setupFromForm(form),
    });
    return redirect(`/arbetsyta/${id}`);
  } catch (error) {
    return failureOf(error, request);
  }
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "workspace.createTitle") }];
}

export default function NewEvaluation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const choices = loaderData;
  return (
    <div className="form-narrow stack">
      <Heading level={1} data-size="lg">
        {t("workspace.createTitle")}
      </Heading>
      <Form method="post" className="stack">
        <CsrfField />
        <Problems problems={actionData?.problems} />
        <Field>
          <Label htmlFor="municipalityCode">{t("workspace.municipality")}</Label>
          <Select id="municipalityCode" name="municipalityCode" required defaultValue="">
            <MunicipalityOptions municipalities={choices.municipalities} empty={t("workspace.noneChosen")} emptyDisabled />
          </Select>
        </Field>
        <Field>
          <Label htmlFor="instrumentKey">{t("workspace.instrument")}</Label>
          <Select id="instrumentKey" name="instrumentKey" required defaultValue={choices.instruments.at(-1)?.key}>
            {choices.instruments.map((i) => (
              <Select.Option key={i.key} value={i.key}>
                {i.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="year">{t("workspace.year")}</Label>
          <Input id="year" name="year" inputMode="numeric" pattern="[0-9]{4}" required defaultValue={String(new Date().getFullYear())} />
        </Field>
        <SetupFields choices={choices} />
        <Button type="submit">{t("workspace.createSubmit")}</Button>
      </Form>
    </div>
  );
}
