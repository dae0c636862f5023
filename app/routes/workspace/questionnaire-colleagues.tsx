import { Button, Heading, Input, Link, Paragraph } from "@digdir/designsystemet-react";
import { Form, redirect } from "react-router";
import type { Route } from "./+types/questionnaire-colleagues";
import { failureWithValues, failedSubmission, type AutosaveFailure } from "../../components/AutosaveForm.tsx";
import { LabelledField } from "../../components/LabelledField.tsx";
import { CsrfField, Problems, readForm } from "../../forms.tsx";
import { pageTitle, useT } from "../../i18n.ts";
import { colleagueForms } from "../../questionnaire-forms.server.ts";
import { parseForm, typedValues } from "../../submission.ts";
import { forEvaluation, workspaceContext } from "../../workspace.server.ts";
import { inviteColleague, removeColleague } from "../../../src/services/questionnaire/colleagues.server.ts";
import { getQuestionnaire } from "../../../src/services/questionnaire/getQuestionnaire.server.ts";

const LIST_ANCHOR = "kollegor";
const INVITE_ANCHOR = "bjud-in";

/** The colleagues of a questionnaire: whoever may read it sees them; the contact invites and removes. */
export function loader({ request, context }: Route.LoaderArgs) {
  return forEvaluation({ request, context }, async ({ db, actor, evaluationId: id }) => {
    const q = await getQuestionnaire(db, actor, id);
    const itemsOf = (userId: string) => q.items.filter((e) => e.answer?.assignedTo?.id === userId).map((e) => e.item.id);
    return {
      evaluationId: q.evaluationId,
      mayDelegate: q.may.delegate,
      colleagues: q.colleagues.map((c) => ({ id: c.id, name: c.name, email: c.email, items: itemsOf(c.id) })),
    };
  });
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "questionnaire.colleagues.title") }];
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  const form = await readForm(request, context);
  const path = new URL(request.url).pathname;
  const typed = typedValues(form, ["intent", "name", "email"]);
  try {
    const input = parseForm(form, colleagueForms);
    if (input.intent === "invite") await inviteColleague(db, actor, id, { name: input.name, email: input.email });
    else await removeColleague(db, actor, id, { userId: input.userId });
    return redirect(`${path}#${LIST_ANCHOR}`);
  } catch (error) {
    return failureWithValues(error, request, { form: typed.intent, values: { name: typed.name, email: typed.email } }, "questionnaire");
  }
}

export default function QuestionnaireColleagues({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const page = loaderData;
  const failure = actionData && "problems" in actionData ? (actionData as AutosaveFailure) : undefined;
  const invite = failedSubmission(failure, "invite");
  return (
    <div className="stack questionnaire">
      <Heading level={2} data-size="sm">
        {t("questionnaire.colleagues.title")}
      </Heading>
      <Paragraph>{t(page.mayDelegate ? "questionnaire.colleagues.intro" : "questionnaire.colleagues.introReadOnly")}</Paragraph>
      <Paragraph>
        <Link href={`/arbetsyta/${page.evaluationId}/sjalvvardering`}>{t("questionnaire.colleagues.back")}</Link>
      </Paragraph>
      <Problems problems={failure?.problems} fieldIds={{ name: "colleague-name", email: "colleague-email", userId: LIST_ANCHOR }} />
      <section aria-labelledby={LIST_ANCHOR} className="stack">
        <Heading level={3} data-size="xs" id={LIST_ANCHOR}>
          {t("questionnaire.colleagues.listTitle")}
        </Heading>
        {page.colleagues.length === 0 ? (
          <Paragraph>{t("questionnaire.colleagues.none")}</Paragraph>
        ) : (
          <ul className="questionnaire-colleagues">
            {page.colleagues.map((c) => (
              <li key={c.id}>
                <dl className="facts">
                  <dt>{t("questionnaire.colleagues.name")}</dt>
                  <dd>{c.name}</dd>
                  <dt>{t("questionnaire.colleagues.email")}</dt>
                  <dd>{c.email}</dd>
                  <dt>{t("questionnaire.colleagues.items")}</dt>
                  <dd>{c.items.length ? c.items.join(", ") : "–"}</dd>
                </dl>
                {page.mayDelegate && (
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="userId" value={c.id} />
                    <Button type="submit" variant="secondary" data-size="sm" data-color="danger">
                      {t("questionnaire.colleagues.remove")}
                      <span className="ds-sr-only">: {c.name}</span>
                    </Button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {page.mayDelegate && (
        <section aria-labelledby={INVITE_ANCHOR} className="stack">
          <Heading level={3} data-size="xs" id={INVITE_ANCHOR}>
            {t("questionnaire.colleagues.inviteTitle")}
          </Heading>
          <Form method="post" className="stack form-narrow">
            <CsrfField />
            <input type="hidden" name="intent" value="invite" />
            <LabelledField id="colleague-name" label={t("questionnaire.colleagues.name")} error={invite.error("name")}>
              {(describedBy, invalid) => (
                <Input
                  id="colleague-name"
                  name="name"
                  required
                  autoComplete="off"
                  defaultValue={invite.values?.name ?? ""}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </LabelledField>
            <LabelledField id="colleague-email" label={t("questionnaire.colleagues.email")} error={invite.error("email")}>
              {(describedBy, invalid) => (
                <Input
                  id="colleague-email"
                  name="email"
                  type="email"
                  required
                  autoComplete="off"
                  defaultValue={invite.values?.email ?? ""}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </LabelledField>
            <div>
              <Button type="submit">{t("questionnaire.colleagues.invite")}</Button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
