import { Alert, Button, Heading, Input, Link, Paragraph } from "@digdir/designsystemet-react";
import { Form, useNavigation } from "react-router";
import type { Route } from "./+types/report";
import { LabelledField } from "../../components/LabelledField.tsx";
import { ReportDownloads } from "../../components/ReportDownloads.tsx";
import { ReportOptions } from "../../components/ReportOptions.tsx";
import { CsrfField, failureOf, problemText, Problems, readForm, type FormProblems } from "../../forms.tsx";
import { keyFactsForm } from "../../report-forms.server.ts";
import { parseForm, typedValues } from "../../submission.ts";
import { languageFromRequest, pageTitle, useT } from "../../i18n.ts";
import { fileLinks, loadReport, reportFailure } from "../../report.server.ts";
import { evaluationPolicy, reportPolicy } from "../../../src/domain/policies.ts";
import { ForbiddenError } from "../../../src/services/errors.ts";
import { translator } from "../../../src/i18n/index.ts";
import { loadEvaluation } from "../../../src/services/evaluations/evaluationContext.server.ts";
import { readKeyFacts, saveKeyFacts, type KeyFacts } from "../../../src/services/reports/keyFacts.server.ts";
import { workspaceContext } from "../../workspace.server.ts";

const FIELDS = ["population", "populationChange", "populationChangePeriod", "employees", "rulingParties"] as const;
type Field = (typeof FIELDS)[number];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  try {
    const evaluation = await loadEvaluation(db, actor, id);
    if (!evaluationPolicy.viewReport(actor, evaluation.access)) throw new ForbiddenError("read the report");
    const report = await loadReport(context, params.id, new URL(request.url), evaluation);
    return {
      id,
      name: evaluation.municipalityName,
      year: evaluation.year,
      edition: report.edition,
      editions: report.editions,
      compare: report.compare,
      chooseCompare: report.comparison.mayChoose,
      files: fileLinks(report),
      keyFacts: await readKeyFacts(db, id),
      canEdit: reportPolicy.editKeyFacts(actor, evaluation.access),
    };
  } catch (error) {
    throw reportFailure(error, request);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  const form = await readForm(request, context);
  const submitted = typedValues(form, FIELDS) as Record<Field, string>;
  try {
    await saveKeyFacts(db, actor, id, parseForm(form, keyFactsForm));
    return { saved: true as const };
  } catch (error) {
    const failure = failureOf(error, request);
    const t = translator(languageFromRequest(request));
    // Problems are shown in words from the report catalog; the submitted values are kept.
    const body = failure.data as FormProblems;
    body.problems = body.problems.map((p) => ({ ...p, message: problemText(t, p, "report") }));
    return { ...body, submitted, status: failure.init?.status };
  }
}

export function meta({ data, matches }: Route.MetaArgs) {
  return [{ title: data ? pageTitle(matches, "report.title", { name: data.name, year: data.year }) : "Kommunkompassen" }];
}

const text = (value: string | number | null) => (value === null ? "" : String(value));

export default function WorkspaceReport({ loaderData, actionData }: Route.ComponentProps) {
  const { t, formatNumber } = useT();
  const r = loaderData;
  const navigation = useNavigation();
  const failure = actionData && "problems" in actionData ? actionData : undefined;
  // After a conflict, the stored facts (someone else's) are shown with the version to save over.
  const stored: KeyFacts = failure?.conflict ? (failure.conflict.current as unknown as KeyFacts) : r.keyFacts;
  const value = (field: Field) => (failure && !failure.conflict ? failure.submitted[field] : text(stored[field]));
  const problemOf = (field: Field) => failure?.problems.find((p) => p.field === field)?.message;
  const hints: Partial<Record<Field, string>> = {
    populationChange: t("report.keyFacts.populationChangeHint"),
    populationChangePeriod: t("report.keyFacts.populationChangePeriodHint"),
    rulingParties: t("report.keyFacts.rulingPartiesHint"),
  };
  return (
    <>
      <Heading level={2} data-size="lg">
        {t("report.tab")}
      </Heading>
      <Paragraph>
        <Link href={`/rapport/${r.id}`}>{t("report.open")}</Link> – {t("report.openHint")}
      </Paragraph>
      <ReportDownloads links={r.files} headingId="downloads" />
      <ReportOptions
        action={`/arbetsyta/${r.id}/rapport`}
        editions={r.editions}
        edition={r.edition}
        compare={r.compare}
        chooseCompare={r.chooseCompare}
      />

      <section aria-labelledby="key-facts">
        <Heading level={2} data-size="md" id="key-facts">
          {t("report.keyFacts.heading")}
        </Heading>
        <Paragraph>{t("report.keyFacts.intro")}</Paragraph>
        {r.canEdit ? (
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="version" value={failure?.conflict ? failure.conflict.currentVersion : stored.version} />
            <Problems problems={failure?.problems} fieldIds={Object.fromEntries(FIELDS.map((f) => [f, `kf-${f}`]))} />
            {actionData && "saved" in actionData && navigation.state === "idle" && (
              <Alert data-color="success" role="status">
                {t("report.keyFacts.saved")}
              </Alert>
            )}
            {FIELDS.map((field) => (
              <LabelledField
                key={field}
                id={`kf-${field}`}
                label={t(`report.keyFacts.${field}`)}
                hint={hints[field]}
                error={problemOf(field)}
              >
                {(describedBy) => (
                  <Input
                    id={`kf-${field}`}
                    name={field}
                    defaultValue={value(field)}
                    key={`${field}-${stored.version}`}
                    inputMode={field === "populationChangePeriod" || field === "rulingParties" ? "text" : "numeric"}
                    aria-describedby={describedBy}
                    aria-invalid={problemOf(field) ? true : undefined}
                  />
                )}
              </LabelledField>
            ))}
            <Button type="submit">{t("report.keyFacts.save")}</Button>
          </Form>
        ) : (
          <>
            <Paragraph>{t("report.keyFacts.readOnly")}</Paragraph>
            {FIELDS.every((f) => r.keyFacts[f] === null) ? (
              <Paragraph>{t("report.keyFacts.none")}</Paragraph>
            ) : (
              <dl className="facts">
                {FIELDS.filter((f) => r.keyFacts[f] !== null).map((f) => (
                  <div key={f} style={{ display: "contents" }}>
                    <dt>{t(`report.keyFacts.${f}`)}</dt>
                    <dd>{typeof r.keyFacts[f] === "number" ? formatNumber(r.keyFacts[f] as number) : r.keyFacts[f]}</dd>
                  </div>
                ))}
              </dl>
            )}
          </>
        )}
      </section>
    </>
  );
}
