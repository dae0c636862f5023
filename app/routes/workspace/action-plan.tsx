import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { data, Form, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/action-plan";
import { ActionDetails } from "../../components/actionPlan/ActionDetails.tsx";
import { ActionEditing, AddActionForm, type EditableAction } from "../../components/actionPlan/ActionForms.tsx";
import { ACTION_FIELDS, type ActionPlanFailure, NOTE_FIELDS, PUBLISH_ANCHOR } from "../../components/actionPlan/failure.ts";
import { openFormOf } from "../../components/actionPlan/FormDisclosure.tsx";
import { ImprovementGroups } from "../../components/actionPlan/ImprovementGroups.tsx";
import { ActionPlanOverview } from "../../components/actionPlan/Overview.tsx";
import { PlanDownloads, type PlanDownload } from "../../components/actionPlan/PlanDownloads.tsx";
import { Hidden } from "../../components/evidence/shared.tsx";
import { actionPlanFormKey, runActionPlanForm } from "../../action-plan-forms.server.ts";
import { CSRF_FIELD } from "../../csrf.ts";
import { failureOf, Problems, problemText, readForm } from "../../forms.tsx";
import { languageFromRequest, pageTitle, useT } from "../../i18n.ts";
import { forEvaluation, workspaceContext } from "../../workspace.server.ts";
import { swedishDay } from "../../../src/domain/cycle/actions.ts";
import { localeOf, translator } from "../../../src/i18n/index.ts";
import { actionPlanProgressFigure } from "../../../src/reports/actionPlanChart.server.ts";
import { ACTION_PLAN_FORMATS, type ActionPlanFormat, actionPlanFileName } from "../../../src/services/actionPlan/files.server.ts";
import { getActionPlan } from "../../../src/services/actionPlan/getActionPlan.server.ts";
import { ConflictError, ValidationError } from "../../../src/services/errors.ts";

const DONE = ["add", "update", "delete", "note", "publish", "unpublish"] as const;

export function loader({ request, context }: Route.LoaderArgs) {
  return forEvaluation({ request, context }, async ({ db, actor, evaluationId }) => {
    const language = languageFromRequest(request);
    const t = translator(language);
    const plan = await getActionPlan(db, actor, evaluationId, swedishDay(new Date()));
    const { progress } = plan.overview;
    const chart =
      progress.length === 0
        ? null
        : actionPlanProgressFigure(
            progress,
            {
              title: t("actionPlan.overview.progressTitle"),
              description: t("actionPlan.overview.progressDescription", { from: progress[0]!.month, to: progress.at(-1)!.month }),
              month: t("actionPlan.overview.month"),
              added: t("actionPlan.overview.added"),
              done: t("actionPlan.overview.done"),
              open: t("actionPlan.overview.open"),
            },
            localeOf(language),
          );
    const e = plan.evaluation;
    const downloads: PlanDownload[] = (Object.keys(ACTION_PLAN_FORMATS) as ActionPlanFormat[]).map((format) => {
      const fileName = actionPlanFileName(e.municipalityName, e.year, format);
      return { format, fileName, href: `/arbetsyta/${e.id}/handlingsplan/${fileName}` };
    });
    return { plan, chart, downloads, stamp: Date.now() };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  const form = await readForm(request, context);
  try {
    const { done, anchor } = await runActionPlanForm(db, actor, id, form, swedishDay(new Date()));
    return redirect(`/arbetsyta/${id}/handlingsplan?klart=${done}#${anchor}`);
  } catch (error) {
    const t = translator(languageFromRequest(request));
    const values = Object.fromEntries(
      [...form.entries()].filter(([name, value]) => typeof value === "string" && name !== CSRF_FIELD),
    ) as Record<string, string>;
    const key = actionPlanFormKey(form);
    if (error instanceof ValidationError) {
      const problems = error.problems.map((p) => ({ ...p, message: problemText(t, p, "actionPlan") }));
      return data<ActionPlanFailure>({ form: key, values, problems }, { status: 400 });
    }
    if (error instanceof ConflictError) {
      const message = key === "publish" ? t("actionPlan.publish.conflict") : t("forms.conflict");
      const conflict = {
        current: error.current as NonNullable<ActionPlanFailure["conflict"]>["current"],
        currentVersion: error.currentVersion,
      };
      return data<ActionPlanFailure>({ form: key, values, problems: [{ message }], conflict }, { status: 409 });
    }
    throw failureOf(error, request);
  }
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "actionPlan.title") }];
}

export default function ActionPlanPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, formatDate } = useT();
  const [search] = useSearchParams();
  const { plan, chart, downloads, stamp } = loaderData;
  const failure = actionData as ActionPlanFailure | undefined;
  const done = DONE.find((d) => d === search.get("klart"));
  const openForm = openFormOf(search);
  const fields = failure?.form.startsWith("note-") ? NOTE_FIELDS : ACTION_FIELDS;
  const fieldIds = failure ? Object.fromEntries(fields.map((f) => [f, `${failure.form}-${f}`])) : {};
  const areaNames = Object.fromEntries(plan.evaluation.areas.map((a) => [a.number, a.name]));
  const card = (action: EditableAction, level: 3 | 4 | 5 | 6, showImprovement = false) => (
    <ActionDetails key={`${action.id}-${action.version}-${stamp}`} action={action} level={level} showImprovement={showImprovement}>
      {plan.can.edit && <ActionEditing action={action} failure={failure} openForm={openForm} />}
    </ActionDetails>
  );
  return (
    <div className="stack action-plan">
      <Paragraph>{t(plan.can.edit ? "actionPlan.intro.edit" : "actionPlan.intro.read")}</Paragraph>
      <Problems problems={failure?.problems} fieldIds={fieldIds} />
      {done && !failure && (
        <Alert data-color="success" role="status">
          {t(`actionPlan.done.${done}`)}
        </Alert>
      )}
      <section aria-labelledby={PUBLISH_ANCHOR} className="stack">
        <Heading level={2} data-size="md" id={PUBLISH_ANCHOR}>
          {t("actionPlan.publish.title")}
        </Heading>
        <Paragraph>
          {plan.published
            ? t("actionPlan.publish.public", {
                date: plan.publishedAt ? formatDate(new Date(plan.publishedAt).toISOString().slice(0, 10)) : "",
              })
            : t("actionPlan.publish.private")}
        </Paragraph>
        {plan.can.publish ? (
          <Form method="post" className="stack form-narrow" key={`publish-${plan.version}`}>
            <Hidden values={{ intent: "publish", published: String(!plan.published), version: plan.version }} />
            {!plan.published && <Paragraph data-size="sm">{t("actionPlan.publish.hint")}</Paragraph>}
            <Button type="submit" variant={plan.published ? "secondary" : "primary"}>
              {t(plan.published ? "actionPlan.publish.unpublish" : "actionPlan.publish.publish")}
            </Button>
          </Form>
        ) : (
          plan.can.edit && <Paragraph data-size="sm">{t("actionPlan.publish.onlyContact")}</Paragraph>
        )}
        <PlanDownloads downloads={downloads} />
      </section>
      <ActionPlanOverview
        areas={plan.overview.areas}
        total={plan.overview.total}
        overdue={plan.overview.overdue}
        areaNames={areaNames}
        chart={chart}
      />
      <section aria-labelledby="atgarder" className="stack">
        <Heading level={2} data-size="md" id="atgarder">
          {t("actionPlan.improvements.title")}
        </Heading>
        {plan.improvements.length === 0 && <Paragraph>{t("actionPlan.improvements.none")}</Paragraph>}
        <ImprovementGroups
          improvements={plan.improvements}
          level={3}
          action={(a, level) => card(a, level)}
          after={(i) =>
            plan.can.edit && (
              <AddActionForm
                key={`add-${i.areaNumber}-${i.index}-${stamp}`}
                improvement={i}
                label={t("actionPlan.add.summary")}
                failure={failure}
                openForm={openForm}
              />
            )
          }
        />
      </section>
      <section aria-labelledby="egna" className="stack">
        <Heading level={2} data-size="md" id="egna">
          {t("actionPlan.own.title")}
        </Heading>
        <Paragraph>{t("actionPlan.own.intro")}</Paragraph>
        {plan.own.length === 0 ? <Paragraph>{t("actionPlan.own.none")}</Paragraph> : plan.own.map((a) => card(a, 3, true))}
        {plan.can.edit && <AddActionForm key={`add-own-${stamp}`} label={t("actionPlan.add.own")} failure={failure} openForm={openForm} />}
      </section>
    </div>
  );
}
