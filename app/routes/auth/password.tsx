import { Alert, Button, Heading, Link as DsLink, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import { Form, Link } from "react-router";
import type { Route } from "./+types/password";
import { CsrfField, failureOf, readForm } from "../../forms.tsx";
import { pageTitle, useT } from "../../i18n.ts";
import { passwordResetIsValid, resetPassword } from "../../../src/services/auth/users.server.ts";
import { kompass } from "../../context.ts";
import { passwordForm } from "../../auth-forms.server.ts";
import { parseForm } from "../../submission.ts";
import { LabelledInput } from "../../components/LabelledField.tsx";

export async function loader({ params, context }: Route.LoaderArgs) {
  return { valid: await passwordResetIsValid(kompass(context).db, params.token) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await readForm(request, context);
  try {
    await resetPassword(kompass(context).db, { token: params.token, ...parseForm(form, passwordForm) });
    return { done: true as const };
  } catch (error) {
    return failureOf(error, request);
  }
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "auth.resetTitle") }];
}

export default function Password({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const done = actionData && "done" in actionData;
  const problem = actionData && "problems" in actionData ? actionData.problems[0]?.message : undefined;
  return (
    <div className="form-narrow stack">
      <Heading level={1} data-size="lg">
        {t("auth.resetTitle")}
      </Heading>
      {done ? (
        <Alert data-color="success">
          <Paragraph>{t("auth.passwordSet")}</Paragraph>
          <Paragraph>
            <DsLink asChild>
              <Link to="/logga-in">{t("auth.signIn")}</Link>
            </DsLink>
          </Paragraph>
        </Alert>
      ) : !loaderData.valid ? (
        <Alert data-color="warning">{t("auth.linkInvalid")}</Alert>
      ) : (
        <Form method="post" className="stack">
          <CsrfField />
          {problem && (
            <ValidationMessage role="alert" id="password-error">
              {t(`problem.${problem}`, { defaultValue: problem })}
            </ValidationMessage>
          )}
          <LabelledInput
            label={t("auth.newPassword")}
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            aria-describedby={problem ? "password-error" : undefined}
          />
          <Button type="submit">{t("auth.setPassword")}</Button>
        </Form>
      )}
    </div>
  );
}
