import { Button, Field, Heading, Label, Link, Paragraph, Select } from "@digdir/designsystemet-react";
import { useEffect, useRef, useState } from "react";
import { data, Form, redirect, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/new";
import { SetupFields } from "../../components/SetupFields.tsx";
import { newEvaluationForms } from "../../evaluation-forms.server.ts";
import { parseForm, typedValues } from "../../submission.ts";
import { CsrfField, failureOf, Problems, problemText, readForm, requireActor } from "../../forms.tsx";
import { pageTitle, useT } from "../../i18n.ts";
import { createEvaluation } from "../../../src/services/evaluations/createEvaluation.server.ts";
import { setupChoices } from "../../../src/services/evaluations/setupChoices.server.ts";
import { municipalityChoices } from "../../../src/services/portal/municipalityDirectory.server.ts";
import { MunicipalityPicker, pickMunicipality, type PickerOption } from "../../components/MunicipalityPicker.tsx";
import { kompass } from "../../context.ts";
import { LabelledInput } from "../../components/LabelledField.tsx";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  try {
    const [choices, municipalities] = await Promise.all([
      setupChoices(kompass(context).db, actor),
      // All 290: a first evaluation is of a municipality without results; and the practice ones.
      municipalityChoices(kompass(context).db, { practice: true }),
    ]);
    return { ...choices, municipalities };
  } catch (error) {
    throw failureOf(error, request);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  const form = await readForm(request, context);
  const db = kompass(context).db;
  // The municipality as typed or chosen; the service takes its code.
  const picked = pickMunicipality(form.getAll("municipality").map(String), await municipalityChoices(db, { practice: true }));
  if (picked.code) form.set("municipalityCode", picked.code);
  // The page comes back with what was chosen and typed (also without JavaScript).
  const chosen = (name: string) => form.getAll(name).map(String);
  const values = {
    ...typedValues(form, ["instrumentKey", "year", "visitStart", "visitEnd"]),
    municipality: picked.code ?? picked.text,
    evaluatorIds: chosen("evaluatorIds"),
    contactIds: chosen("contactIds"),
  };
  try {
    const submission = parseForm(form, newEvaluationForms);
    // The first step without JavaScript: the page again, with the municipality's contacts.
    if (submission.intent === "choose") return { values, picker: picked.problem };
    const { id } = await createEvaluation(db, actor, submission);
    return redirect(`/arbetsyta/${id}`);
  } catch (error) {
    const failure = failureOf(error, request);
    return data({ ...failure.data, values, picker: picked.problem }, failure.init ?? undefined);
  }
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "workspace.createTitle") }];
}

export default function NewEvaluation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const choices = loaderData;
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  const problems = actionData && "problems" in actionData ? actionData.problems : undefined;
  const municipalityProblem = problems?.find((p) => p.field === "municipalityCode");
  const fromServer = choices.municipalities.find((m) => m.code === values?.municipality) ?? null;
  // Chosen with the picker: the contacts follow at once (without JavaScript, after "Välj kommun").
  const [municipality, setMunicipality] = useState<PickerOption | null>(fromServer);
  // After a submission the page's answer decides (on mount, the picker may already have told what was typed).
  const answered = useRef(fromServer?.code);
  useEffect(() => {
    if (answered.current === fromServer?.code) return;
    answered.current = fromServer?.code;
    setMunicipality(fromServer);
  }, [fromServer]);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <div className="form-narrow stack">
      <Heading level={1} data-size="lg">
        {t("workspace.createTitle")}
      </Heading>
      <Form method="post" className="stack">
        <CsrfField />
        <Problems problems={problems} fieldIds={{ municipalityCode: "municipality" }} />
        <MunicipalityPicker
          name="municipality"
          label={t("workspace.municipality")}
          description={t("finder.picker.hint")}
          defaultValue={values?.municipality ?? ""}
          options={choices.municipalities}
          problem={actionData && "picker" in actionData ? actionData.picker : null}
          error={municipalityProblem && problemText(t, municipalityProblem)}
          required
          onChange={setMunicipality}
        />
        {municipality && <Paragraph data-size="sm">{t("finder.planning.chosen", { name: municipality.name })}</Paragraph>}
        {!hydrated && (
          <Button type="submit" name="intent" value="choose" variant="secondary">
            {t("finder.planning.choose")}
          </Button>
        )}
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
          municipality={municipality}
          contactHelp={municipality && <ContactHelp municipality={municipality.name} administrators={choices.administrators} />}
          values={
            values && {
              visitStart: values.visitStart ?? null,
              visitEnd: values.visitEnd ?? null,
              evaluatorIds: values.evaluatorIds,
              contactIds: values.contactIds,
            }
          }
        />
        <Button type="submit" name="intent" value="create">
          {t("workspace.createSubmit")}
        </Button>
      </Form>
    </div>
  );
}

/** How a missing contact person is added: administrators add users; others see whom to ask. */
function ContactHelp({ municipality, administrators }: { municipality: string; administrators: readonly string[] }) {
  const { t } = useT();
  const root = useRouteLoaderData("root") as { actor?: { role: string } | null } | undefined;
  return (
    <Paragraph data-size="sm" className="contact-help">
      {root?.actor?.role === "administrator" ? (
        <Link href="/admin/anvandare#add-user">{t("finder.planning.addContact", { name: municipality })}</Link>
      ) : (
        t("finder.planning.askAdministrator", { names: administrators.join(", ") })
      )}
    </Paragraph>
  );
}
