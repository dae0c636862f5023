import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { Form, redirect } from "react-router";
import type { Route } from "./+types/questionnaire-gap";
import { ConflictChoice } from "../../components/ConflictChoice.tsx";
import { GapFigures } from "../../components/questionnaire/GapSection.tsx";
import { CsrfField, failureOf, Problems, readForm, type FormProblems } from "../../forms.tsx";
import { gapForms } from "../../gap-forms.server.ts";
import { languageFromRequest, pageTitle, useT } from "../../i18n.ts";
import { parseForm } from "../../submission.ts";
import { forEvaluation, workspaceContext } from "../../workspace.server.ts";
import { getGap, setGapPublished, type GapPublicationState } from "../../../src/services/questionnaire/gap.server.ts";
import { gapChartFigure } from "../../../src/reports/gapChart.server.ts";

/**
 * /arbetsyta/:id/sjalvvardering/jamforelse — after publication, the municipality's own scores
 * beside the agreed points, for the municipality and the team (404 before, and for anyone else
 * until the municipality publishes it); the contact publishes it or makes it private again.
 */
export function loader({ request, context }: Route.LoaderArgs) {
  return forEvaluation({ request, context }, async ({ db, actor, evaluationId: id }) => {
    const page = await getGap(db, actor, id);
    return { ...page, chart: gapChartFigure(page.gap, languageFromRequest(request)) };
  });
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "gap.title") }];
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  const form = await readForm(request, context);
  try {
    const input = parseForm(form, gapForms);
    await setGapPublished(db, actor, id, { published: input.intent === "publish", version: input.version });
    return redirect(`/arbetsyta/${id}/sjalvvardering/jamforelse#publicering`);
  } catch (error) {
    return failureOf(error, request);
  }
}

function Publication({ published, version, failure }: { published: boolean; version: number; failure: FormProblems | undefined }) {
  const { t } = useT();
  const state = (value: boolean) => ({ state: t(value ? "gap.publication.state.published" : "gap.publication.state.private") });
  const conflict = failure?.conflict;
  // The conflict's saved state is the current one; "keep mine" asks for the opposite of it again.
  const theirs = conflict ? (conflict.current as GapPublicationState).published : published;
  return (
    <section aria-labelledby="publicering" className="stack form-narrow">
      <Heading level={2} data-size="md" id="publicering">
        {t("gap.publication.heading")}
      </Heading>
      <Paragraph>{t(theirs ? "gap.publication.public" : "gap.publication.private")}</Paragraph>
      {conflict ? (
        <ConflictChoice
          label={t("gap.publication.conflictLabel")}
          mine={state(!theirs)}
          theirs={state(theirs)}
          currentVersion={conflict.currentVersion}
          intent={theirs ? "unpublish" : "publish"}
          anchor="publicering"
        />
      ) : (
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value={published ? "unpublish" : "publish"} />
          <input type="hidden" name="version" value={version} />
          <Paragraph data-size="sm">{t("gap.publication.publishHint")}</Paragraph>
          <div>
            <Button type="submit" variant={published ? "secondary" : "primary"}>
              {t(published ? "gap.publication.unpublish" : "gap.publication.publish")}
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}

export default function GapPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { gap, chart, published, version, mayPublish } = loaderData;
  const failure = actionData && "problems" in actionData ? (actionData as FormProblems) : undefined;
  return (
    <div className="stack">
      <Problems problems={failure?.conflict ? undefined : failure?.problems} />
      <Heading level={2} data-size="lg">
        {t("gap.title")}
      </Heading>
      <Paragraph>{t("gap.intro")}</Paragraph>
      {!mayPublish && <Alert data-color="info">{t(published ? "gap.publication.public" : "gap.publication.private")}</Alert>}
      <GapFigures gap={gap} chart={chart} />
      {mayPublish && <Publication published={published} version={version} failure={failure} />}
    </div>
  );
}
