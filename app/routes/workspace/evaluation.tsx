import { Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { NavLink, Outlet, type ShouldRevalidateFunctionArgs } from "react-router";
import { isAutosave } from "../../components/AutosaveForm.tsx";
import type { Route } from "./+types/evaluation";
import { pageTitle, useT } from "../../i18n.ts";
import {
  actionPlanPolicy,
  evaluationPolicy,
  evidencePolicy,
  followupPolicy,
  questionnairePolicy,
  scoringPolicy,
  writingPolicy,
} from "../../../src/domain/policies.ts";
import { NotFoundError } from "../../../src/services/errors.ts";
import { readEvaluation } from "../../../src/services/evaluations/evaluationContext.server.ts";
import { questionnaireFacts } from "../../../src/services/questionnaire/gap.server.ts";
import { forEvaluation, workspaceMiddleware } from "../../workspace.server.ts";

/** Every page below checks its actor and evaluation id here, once (see app/workspace.server.ts). */
export const middleware: Route.MiddlewareFunction[] = [workspaceMiddleware];

/** The frame of one evaluation: its name, step and the parts the actor may open. */
export function loader({ request, context }: Route.LoaderArgs) {
  return forEvaluation({ request, context }, async ({ db, actor, evaluationId: id }) => {
    // A municipality's contacts and staff reach a published evaluation's action plan even when
    // they took no part in that evaluation (the plan is the municipality's); nothing else of it.
    const e = await readEvaluation(db, actor, id);
    const member = evaluationPolicy.view(actor, e.access);
    const actionPlan = actionPlanPolicy.view(actor, e.access, false);
    if (!member && !actionPlan) throw new NotFoundError("evaluation", String(id));
    const questionnaire = member ? await questionnaireFacts(db, id) : null;
    return {
      id: e.id,
      municipalityName: e.municipalityName,
      practice: e.practice,
      year: e.year,
      instrumentName: e.instrument.name,
      status: e.status,
      revision: e.revision,
      tabs: {
        overview: member,
        evidence: evidencePolicy.viewDocuments(actor, e.access),
        scoring: scoringPolicy.open(actor, e.access),
        agreement: scoringPolicy.open(actor, e.access),
        writing: writingPolicy.view(actor, e.access),
        audit: evaluationPolicy.viewAudit(actor, e.access),
        revisions: evaluationPolicy.viewReport(actor, e.access),
        report: evaluationPolicy.viewReport(actor, e.access),
        // The questionnaire is sent when the evaluation enters preparation (evaluations from before issue 13 have none).
        questionnaire: questionnaire !== null && questionnairePolicy.view(actor, e.access),
        gap: questionnaire !== null && questionnairePolicy.viewGap(actor, e.access, questionnaire),
        followup: followupPolicy.view(actor, e.access),
        // Whether the municipality has published its plan does not matter here: the tab is for those who may write or read a private one.
        actionPlan,
      },
    };
  });
}

/** Saving as you type changes nothing the frame shows: no need to reload it each time. */
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (formData && isAutosave(formData)) return false;
  return defaultShouldRevalidate;
}

export function meta({ data, matches }: Route.MetaArgs) {
  return [
    { title: data ? pageTitle(matches, "workspace.evaluationTitle", { name: data.municipalityName, year: data.year }) : "Kommunkompassen" },
  ];
}

export default function EvaluationLayout({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const e = loaderData;
  const base = `/arbetsyta/${e.id}`;
  const tabs: [string, string, boolean][] = [
    [base, "workspace.overview", e.tabs.overview],
    [`${base}/sjalvvardering`, "questionnaire.tab", e.tabs.questionnaire],
    [`${base}/sjalvvardering/jamforelse`, "gap.tab", e.tabs.gap],
    [`${base}/underlag`, "workspace.evidence", e.tabs.evidence],
    [`${base}/poang`, "workspace.scoring", e.tabs.scoring],
    [`${base}/samsyn`, "workspace.agreement", e.tabs.agreement],
    [`${base}/uppfoljning`, "followup.tab", e.tabs.followup],
    [`${base}/texter`, "workspace.writing", e.tabs.writing],
    [`${base}/logg`, "workspace.audit", e.tabs.audit],
    [`${base}/versioner`, "workspace.revisions", e.tabs.revisions],
    [`${base}/rapport`, "report.tab", e.tabs.report],
    [`${base}/handlingsplan`, "actionPlan.tab", e.tabs.actionPlan],
  ];
  return (
    <>
      <Heading level={1} data-size="xl">
        {t("workspace.evaluationTitle", { name: e.municipalityName, year: e.year })}
      </Heading>
      <Paragraph>
        {e.instrumentName} · <Tag data-color={e.status === "published" ? "success" : "info"}>{t(`status.${e.status}`)}</Tag>
        {e.revision > 1 && <> · {t("workspace.revision", { revision: e.revision })}</>}
        {e.practice && (
          <>
            {" · "}
            <Tag data-color="warning">{t("workspace.practiceCase")}</Tag>
          </>
        )}
      </Paragraph>
      <nav aria-label={t("workspace.workspaceNav")} className="tabs-nav">
        <ul>
          {tabs
            .filter(([, , allowed]) => allowed)
            .map(([to, key]) => (
              <li key={to}>
                <NavLink to={to} end>
                  {t(key)}
                </NavLink>
              </li>
            ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
