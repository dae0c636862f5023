import { Alert, Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import { redirect } from "react-router";
import type { Route } from "./+types/followup";
import { failureWithValues, isAutosave, type AutosaveFailure, type Submitted } from "../../components/AutosaveForm.tsx";
import { FollowupActions } from "../../components/followup/FollowupActions.tsx";
import { CurrentAreaPoints, FollowupArea, type FollowupPageState } from "../../components/followup/FollowupArea.tsx";
import { markFormName, markIds } from "../../components/followup/MarkForm.tsx";
import { followupForms } from "../../followup-forms.server.ts";
import { Problems, readForm } from "../../forms.tsx";
import { pageTitle, useT } from "../../i18n.ts";
import { parseForm, typedValues } from "../../submission.ts";
import { forEvaluation, workspaceContext } from "../../workspace.server.ts";
import { getFollowup } from "../../../src/services/followup/getFollowup.server.ts";
import { clearFollowup, markFollowup } from "../../../src/services/followup/markFollowup.server.ts";
import { MAX_FOLLOWUP_COMMENT } from "../../../src/domain/cycle/followupMarks.ts";

export function loader({ request, context }: Route.LoaderArgs) {
  return forEvaluation({ request, context }, async ({ db, actor, evaluationId: id }) => {
    return await getFollowup(db, actor, id);
  });
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "followup.title") }];
}

// No shouldRevalidate: after a save in place the page loads again, so that the "remove" form and
// the progress line carry the new version and count (the frame above skips it, see its layout).

export async function action({ request, context }: Route.ActionArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  const form = await readForm(request, context);
  const path = new URL(request.url).pathname;
  const typed = typedValues(form, ["intent", "areaNumber", "improvementIndex", "verdict", "comment"]);
  const opportunity = { areaNumber: Number(typed.areaNumber), index: Number(typed.improvementIndex) };
  // A refused "remove" is shown at the top of the page, not as a conflict inside the verdict's form.
  const submitted: Submitted =
    typed.intent === "clear"
      ? { form: `clear:${opportunity.areaNumber}.${opportunity.index}`, values: {} }
      : { form: markFormName(opportunity), values: { verdict: typed.verdict, comment: typed.comment } };
  try {
    const input = parseForm(form, followupForms);
    if (input.intent === "mark") {
      const saved = await markFollowup(db, actor, id, input);
      if (isAutosave(form)) return { saved: { version: saved.version } };
    } else {
      await clearFollowup(db, actor, id, input);
    }
    return redirect(`${path}#${markIds({ areaNumber: input.areaNumber, index: input.improvementIndex }).anchor}`);
  } catch (error) {
    return failureWithValues(error, request, submitted, "followup", { conflictField: "version" });
  }
}

export default function FollowupPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const f = loaderData;
  const failure = actionData && "problems" in actionData ? (actionData as AutosaveFailure) : undefined;
  const previous = f.previous;
  const page: FollowupPageState = {
    mayMark: f.mayMark,
    failure,
    maxComment: MAX_FOLLOWUP_COMMENT,
    otherVersion: previous && !previous.sameVersion ? previous.instrumentKey : null,
  };
  // The top list links each problem to the field of the form it belongs to.
  const [kind, key = ""] = (failure?.submitted?.form ?? "").split(":");
  const [area, index] = key.split(".").map(Number);
  const ids = kind === "mark" && area !== undefined && index !== undefined ? markIds({ areaNumber: area, index }) : null;
  const fieldIds: Record<string, string> = ids ? { verdict: ids.verdict, comment: ids.comment, version: ids.anchor } : {};
  return (
    <div className="stack followup-page">
      <Heading level={2} data-size="md">
        {t("followup.title")}
      </Heading>
      <Paragraph>{t("followup.intro")}</Paragraph>
      {!previous ? (
        <Alert data-color="info">{t("followup.noPrevious", { municipality: f.evaluation.municipalityName })}</Alert>
      ) : (
        <>
          <Paragraph>
            {t("followup.previousLead", { year: previous.year, instrument: previous.instrumentKey })}{" "}
            <Link href={previous.reportPath}>{t("followup.previousReport", { year: previous.year })}</Link>
          </Paragraph>
          {f.total > 0 && <Paragraph>{t("followup.progress", { marked: f.marked, count: f.total })}</Paragraph>}
          {f.mayMark ? (
            <Paragraph data-size="sm">{t("followup.saveNote")}</Paragraph>
          ) : (
            <Alert data-color="info">{t("followup.readOnly")}</Alert>
          )}
          <Problems problems={failure?.problems} fieldIds={fieldIds} />
          {!previous.sameVersion && <OtherVersion followup={f} />}
          {f.total === 0 && <Paragraph>{t("followup.noOpportunities")}</Paragraph>}
          {f.areas.map((a) => (
            <FollowupArea key={a.number} area={a} page={page} />
          ))}
          {f.otherActions.length > 0 && (
            <section aria-labelledby="uppfoljning-ovriga" className="stack">
              <Heading level={2} data-size="sm" id="uppfoljning-ovriga">
                {t("followup.otherActionsTitle")}
              </Heading>
              <Paragraph data-size="sm">{t("followup.otherActionsIntro")}</Paragraph>
              <FollowupActions actions={f.otherActions} />
            </section>
          )}
        </>
      )}
    </div>
  );
}

/**
 * Across instrument versions the previous areas are not this evaluation's: say so, and show this
 * evaluation's points per area on their own rather than beside the earlier opportunities.
 */
function OtherVersion({ followup: f }: { followup: Route.ComponentProps["loaderData"] }) {
  const { t } = useT();
  return (
    <section aria-labelledby="uppfoljning-poang" className="stack">
      <Alert data-color="info">
        {t("followup.otherVersion", { previous: f.previous?.instrumentKey ?? "", current: f.evaluation.instrumentKey })}
      </Alert>
      <Heading level={2} data-size="sm" id="uppfoljning-poang">
        {t("followup.currentAreasTitle", { instrument: f.evaluation.instrumentKey })}
      </Heading>
      {f.currentAreas.map((area) => (
        <div key={area.number}>
          <Paragraph data-size="sm">
            <strong>{t("followup.areaTitle", { number: area.number, name: area.name })}</strong>
          </Paragraph>
          <CurrentAreaPoints points={area} />
        </div>
      ))}
    </section>
  );
}
