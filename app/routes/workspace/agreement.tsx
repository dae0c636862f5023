import { Alert, Card, Heading, Paragraph, Table, Input, Textarea } from "@digdir/designsystemet-react";
import { redirect } from "react-router";
import { LabelledField } from "../../components/LabelledField.tsx";
import { AreaPoints, TotalPoints } from "../../components/RunningPoints.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { MunicipalityAnswer } from "../../components/questionnaire/MunicipalityAnswer.tsx";
import type { Route } from "./+types/agreement";
import {
  AutosaveForm,
  failedSubmission,
  failureWithValues,
  isAutosave,
  type AutosaveFailure,
  type Submitted,
} from "../../components/AutosaveForm.tsx";
import { Problems, readForm } from "../../forms.tsx";
import { pageTitle, useT } from "../../i18n.ts";
import { municipalityAnswersBeside } from "../../../src/services/questionnaire/beside.server.ts";
import { getAgreement, saveAgreedScore, type AgreedConflict, type AgreementItem } from "../../../src/services/scoring/agreement.server.ts";
import { pointsForInput } from "../../components/points.ts";
import { agreementForms } from "../../scoring-forms.server.ts";
import { parseForm, typedValues } from "../../submission.ts";
import { forEvaluation, workspaceContext } from "../../workspace.server.ts";

export function loader({ request, context }: Route.LoaderArgs) {
  return forEvaluation({ request, context }, async ({ db, actor, evaluationId: id }) => {
    const agreement = await getAgreement(db, actor, id);
    return { ...agreement, beside: await municipalityAnswersBeside(db, actor, id) };
  });
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "scoring.agreement.title") }];
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  const form = await readForm(request, context);
  const typed = typedValues(form, ["itemId", "points", "reason"]);
  const submitted: Submitted = { form: `agreed:${typed.itemId}`, values: { points: typed.points, reason: typed.reason } };
  try {
    const input = parseForm(form, agreementForms);
    const saved = await saveAgreedScore(db, actor, id, input);
    if (isAutosave(form)) return { saved: { version: saved.version } };
    return redirect(`/arbetsyta/${id}/samsyn#item-${input.itemId}`);
  } catch (error) {
    return failureWithValues(error, request, submitted, "scoring");
  }
}

type Failure = AutosaveFailure | undefined;

function Evaluators({ item }: { item: AgreementItem }) {
  const { t, formatNumber } = useT();
  return (
    <ScrollRegion label={t("scoring.agreement.evaluatorsCaption", { id: item.id })}>
      <Table border data-size="sm">
        <caption>{t("scoring.agreement.evaluatorsCaption", { id: item.id })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t("scoring.agreement.evaluatorColumn")}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t("scoring.agreement.pointsColumn")}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t("scoring.agreement.justificationColumn")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {item.evaluators.map((e) => (
            <Table.Row key={e.userId}>
              <Table.HeaderCell scope="row">
                {e.submitted ? e.name : t("scoring.agreement.notSubmitted", { name: e.name })}
              </Table.HeaderCell>
              {e.hidden ? (
                <Table.Cell colSpan={2}>{t("scoring.agreement.hiddenPoints")}</Table.Cell>
              ) : (
                <>
                  <Table.Cell className="numeric">{e.points === null ? t("scoring.notScored") : formatNumber(Number(e.points))}</Table.Cell>
                  <Table.Cell style={{ whiteSpace: "pre-wrap" }}>{e.justification || "–"}</Table.Cell>
                </>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

function AgreedForm({ item, editable, failure }: { item: AgreementItem; editable: boolean; failure: Failure }) {
  const { t, formatNumber, language } = useT();
  const { values: mine, conflict, problems } = failedSubmission(failure, `agreed:${item.id}`);
  const max = formatNumber(item.max);
  if (!editable) {
    return (
      <Paragraph>
        {item.agreed
          ? t("scoring.agreement.agreedValue", { points: formatNumber(Number(item.agreed.points)) })
          : t("scoring.agreement.notAgreed")}
      </Paragraph>
    );
  }
  const labels = { points: t("scoring.agreement.agreedLabel", { max }), reason: t("scoring.agreement.reasonLabel") };
  // When every evaluator gave the same points, they are the obvious proposal.
  const unanimous = item.spread === "0" ? item.evaluators.find((e) => e.points !== null)?.points : undefined;
  return (
    <AutosaveForm
      id={`save-${item.id}`}
      intent="agree"
      hiddenFields={{ itemId: item.id }}
      version={item.agreed?.version ?? 0}
      label={t("scoring.agreement.formLabel", { id: item.id })}
      conflict={conflict}
      problems={problems}
      toFields={(current) => ({
        points: pointsForInput((current as AgreedConflict).points, language),
        reason: (current as AgreedConflict).reason,
      })}
      fieldLabels={labels}
      fieldIds={{ points: `points-${item.id}`, reason: `reason-${item.id}` }}
      headingLevel={4}
    >
      <LabelledField id={`points-${item.id}`} label={labels.points} hint={t("scoring.agreement.pointsHint")} name="points">
        {(describedBy, invalid) => (
          <Input
            id={`points-${item.id}`}
            name="points"
            inputMode="decimal"
            autoComplete="off"
            required
            defaultValue={mine && !conflict ? mine.points : pointsForInput(item.agreed?.points ?? unanimous, language)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            style={{ maxWidth: "12rem" }}
          />
        )}
      </LabelledField>
      <LabelledField id={`reason-${item.id}`} label={labels.reason} name="reason">
        {(describedBy, invalid) => (
          <Textarea
            id={`reason-${item.id}`}
            name="reason"
            rows={3}
            defaultValue={mine && !conflict ? mine.reason : (item.agreed?.reason ?? "")}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </LabelledField>
    </AutosaveForm>
  );
}

export default function AgreementPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, formatNumber } = useT();
  const agreement = loaderData;
  const failure = actionData && "problems" in actionData ? (actionData as AutosaveFailure) : undefined;
  const failedItem = failure?.submitted?.form.slice("agreed:".length);
  const fieldIds: Record<string, string> = failedItem ? { points: `points-${failedItem}`, reason: `reason-${failedItem}` } : {};
  const { totals } = agreement;
  return (
    <div className="stack">
      <Problems problems={failure?.problems} fieldIds={fieldIds} />
      <Paragraph>{t("scoring.agreement.intro")}</Paragraph>
      {!agreement.othersVisible && <Alert data-color="info">{t("scoring.agreement.hidden")}</Alert>}
      {!agreement.mayAgree && <Alert data-color="info">{t("scoring.agreement.readOnly")}</Alert>}
      <section aria-labelledby="overenskommet" className="stack">
        <Heading level={2} data-size="md" id="overenskommet">
          {t("scoring.agreement.summaryTitle")}
        </Heading>
        <Paragraph>
          <TotalPoints total={totals} areas={totals.areas} kind="agreed" /> ·{" "}
          {t("scoring.agreement.progress", { agreed: agreement.agreedCount, items: totals.items })}
        </Paragraph>
        <ScrollRegion label={t("scoring.agreement.areaCaption")}>
          <Table border data-size="sm">
            <caption>{t("scoring.agreement.areaCaption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("scoring.agreement.areaColumn")}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t("scoring.agreement.pointsColumn")}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t("scoring.agreement.agreedColumn")}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {totals.areas.map((area) => (
                <Table.Row key={area.number}>
                  <Table.HeaderCell scope="row">{t("scoring.areaHeading", { number: area.number, name: area.name })}</Table.HeaderCell>
                  <Table.Cell className="numeric">
                    <AreaPoints area={area} kind="agreed" />
                  </Table.Cell>
                  <Table.Cell className="numeric">{t("scoring.agreement.progress", { agreed: area.scored, items: area.items })}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
        <Paragraph data-size="sm">{t("scoring.exactNote")}</Paragraph>
      </section>
      <section aria-labelledby="poster" className="stack">
        <Heading level={2} data-size="md" id="poster">
          {t("scoring.agreement.itemsTitle")}
        </Heading>
        {agreement.items.map((item) => (
          <Card key={item.id} id={`item-${item.id}`} data-color="neutral" tabIndex={-1}>
            <Heading level={3} data-size="2xs">
              {t("scoring.itemHeading", { id: item.id, text: item.text })}
            </Heading>
            <Paragraph data-size="sm">
              {t("scoring.maxPoints", { max: formatNumber(item.max) })} ·{" "}
              {item.spread === null
                ? t("scoring.agreement.noSpread")
                : t("scoring.agreement.spread", { spread: formatNumber(Number(item.spread)) })}
            </Paragraph>
            <MunicipalityAnswer beside={agreement.beside} itemIds={[item.id]} evaluationId={agreement.evaluation.id} />
            <Evaluators item={item} />
            <AgreedForm item={item} editable={agreement.mayAgree} failure={failure} />
          </Card>
        ))}
      </section>
    </div>
  );
}
