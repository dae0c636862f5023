import { Alert, Button, Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import { Form, redirect } from "react-router";
import type { Route } from "./+types/overview";
import { CorrectionReason } from "../../components/CorrectionReason.tsx";
import { SetupFields } from "../../components/SetupFields.tsx";
import { TotalPoints } from "../../components/RunningPoints.tsx";
import { CsrfField, failureOf, Problems, readForm } from "../../forms.tsx";
import { useT } from "../../i18n.ts";
import { STATUSES } from "../../../src/domain/workflow.ts";
import { updateEvaluationSetup } from "../../../src/services/evaluations/createEvaluation.server.ts";
import { getOverview } from "../../../src/services/evaluations/overview.server.ts";
import { correctEvaluation, transitionEvaluation } from "../../../src/services/evaluations/transitionEvaluation.server.ts";
import { forEvaluation, workspaceContext } from "../../workspace.server.ts";
import { overviewForms } from "../../evaluation-forms.server.ts";
import { parseForm } from "../../submission.ts";

export function loader({ request, context }: Route.LoaderArgs) {
  return forEvaluation({ request, context }, async ({ db, actor, evaluationId: id }) => {
    return await getOverview(db, actor, id);
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  const form = await readForm(request, context);
  try {
    const input = parseForm(form, overviewForms);
    if (input.intent === "transition") await transitionEvaluation(db, actor, id, input);
    else if (input.intent === "setup") await updateEvaluationSetup(db, actor, id, input);
    else await correctEvaluation(db, actor, id, input);
    return redirect(`/arbetsyta/${id}`);
  } catch (error) {
    return failureOf(error, request);
  }
}

export default function Overview({ loaderData, actionData }: Route.ComponentProps) {
  const { t, formatDate } = useT();
  const o = loaderData;
  return (
    <div className="stack">
      <Problems problems={actionData?.problems} />
      <section aria-labelledby="steg" className="stack">
        <Heading level={2} data-size="md" id="steg">
          {t("workspace.statusTitle")}
        </Heading>
        <ol className="steps">
          {STATUSES.map((status, index) => (
            <li key={status} aria-current={status === o.status ? "step" : undefined}>
              {status === o.status ? <strong>{`${index + 1}. ${t(`status.${status}`)}`}</strong> : `${index + 1}. ${t(`status.${status}`)}`}
            </li>
          ))}
        </ol>
        {o.transitions.map((option) => (
          <Card key={option.to} data-color="neutral">
            <Form method="post" className="stack">
              <CsrfField />
              <input type="hidden" name="intent" value="transition" />
              <input type="hidden" name="to" value={option.to} />
              <input type="hidden" name="version" value={o.version} />
              {option.blockers.length > 0 && (
                <div>
                  <Paragraph>{t("workspace.blockedBy")}</Paragraph>
                  <ul>
                    {option.blockers.map((b) => (
                      <li key={b.code}>{t(`problem.${b.code}`, b.values)}</li>
                    ))}
                  </ul>
                </div>
              )}
              <Button type="submit" variant={option.forward ? "primary" : "secondary"} disabled={option.blockers.length > 0}>
                {t(option.forward ? "workspace.moveTo" : "workspace.moveBack", { status: t(`status.${option.to}`) })}
              </Button>
            </Form>
          </Card>
        ))}
      </section>
      <section aria-labelledby="team" className="stack">
        <Heading level={2} data-size="md" id="team">
          {t("workspace.setupTitle")}
        </Heading>
        <dl className="facts">
          <dt>{t("workspace.visit")}</dt>
          <dd>{o.visitStart ? `${formatDate(o.visitStart)} – ${formatDate(o.visitEnd)}` : t("workspace.noneChosen")}</dd>
          <dt>{t("workspace.evaluators")}</dt>
          <dd>
            {o.evaluators.map((p) => (p.organisation ? `${p.name}, ${p.organisation}` : p.name)).join("; ") || t("workspace.noneChosen")}
          </dd>
          <dt>{t("workspace.contacts")}</dt>
          <dd>{o.contacts.map((p) => p.name).join("; ") || t("workspace.noneChosen")}</dd>
          <dt>{t("workspace.progress")}</dt>
          <dd>
            {t("workspace.progressText", {
              interviews: o.interviewCount,
              submitted: o.submittedCount,
              evaluators: o.evaluators.length,
              agreed: o.agreedCount,
              items: o.itemCount,
            })}
          </dd>
          {o.agreed && (
            <>
              <dt>{t("scoring.agreement.summaryTitle")}</dt>
              <dd>
                <TotalPoints total={o.agreed} areas={o.agreed.areas} kind="agreed" />
              </dd>
            </>
          )}
        </dl>
        {o.canEditSetup && o.choices && (
          <details>
            <summary>{t("workspace.saveSetup")}</summary>
            <Form method="post" className="stack form-narrow">
              <CsrfField />
              <input type="hidden" name="intent" value="setup" />
              <input type="hidden" name="version" value={o.version} />
              <SetupFields
                choices={o.choices}
                values={{
                  visitStart: o.visitStart,
                  visitEnd: o.visitEnd,
                  evaluatorIds: o.evaluators.map((p) => p.id),
                  contactIds: o.contacts.map((p) => p.id),
                }}
              />
              <Button type="submit" variant="secondary">
                {t("workspace.saveSetup")}
              </Button>
            </Form>
          </details>
        )}
      </section>
      {o.canCorrect && (
        <section aria-labelledby="rattelse" className="stack form-narrow">
          <Heading level={2} data-size="md" id="rattelse">
            {t("workspace.correctTitle")}
          </Heading>
          <Alert data-color="info">{t("workspace.correctIntro")}</Alert>
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="correct" />
            <input type="hidden" name="version" value={o.version} />
            <CorrectionReason label={t("workspace.correctReason")} problems={actionData?.problems} />
            <Button type="submit" variant="secondary">
              {t("workspace.correctSubmit")}
            </Button>
          </Form>
        </section>
      )}
    </div>
  );
}
