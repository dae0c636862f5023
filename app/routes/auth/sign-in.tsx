import { Button, Heading, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/sign-in";
import { CsrfField, readForm } from "../../forms.tsx";
import { pageTitle, useT } from "../../i18n.ts";
import { signIn } from "../../../src/services/auth/authentication.server.ts";
import { kompass } from "../../context.ts";
import { safeReturnPath } from "../../../src/domain/safeRedirect.ts";
import { signInForm } from "../../auth-forms.server.ts";
import { parseForm } from "../../submission.ts";
import { ValidationError } from "../../../src/services/errors.ts";
import { LabelledInput } from "../../components/LabelledField.tsx";

/** Only paths on this site: a sign-in link cannot send anyone elsewhere. */
const safeReturn = (value: unknown) => safeReturnPath(value, "/arbetsyta");

export async function loader({ request, context }: Route.LoaderArgs) {
  const back = safeReturn(new URL(request.url).searchParams.get("tillbaka"));
  if (kompass(context).actor) throw redirect(back);
  return { back };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request, context);
  // Express's req.ip: a forwarded address only from a proxy KOMPASS_TRUST_PROXY trusts.
  const address = kompass(context).clientAddress;
  // Every field is optional text, so the form fits unless it holds control characters (a NUL
  // would reach the database): then it is a failed sign-in that checked nothing.
  let fields: ReturnType<typeof parseForm<typeof signInForm>>;
  try {
    fields = parseForm(form, signInForm);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return data({ error: "invalid" as const, email: "" }, { status: 400 });
  }
  const { email, password, tillbaka } = fields;
  const outcome = await signIn(kompass(context).db, { email, password, address, headers: request.headers });
  if (!outcome.ok) return data({ error: outcome.reason, email }, { status: outcome.reason === "throttled" ? 429 : 401 });
  const headers = new Headers();
  for (const cookie of outcome.setCookies) headers.append("Set-Cookie", cookie);
  return redirect(safeReturn(tillbaka ?? null), { headers });
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "auth.signIn") }];
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const error = actionData?.error;
  return (
    <div className="form-narrow stack">
      <Heading level={1} data-size="lg">
        {t("auth.signIn")}
      </Heading>
      <Paragraph>{t("auth.intro")}</Paragraph>
      <Form method="post" className="stack">
        <CsrfField />
        <input type="hidden" name="tillbaka" value={loaderData.back} />
        {error && (
          <ValidationMessage role="alert" id="sign-in-error">
            {t(error === "throttled" ? "auth.throttled" : "auth.invalid")}
          </ValidationMessage>
        )}
        <LabelledInput
          label={t("auth.email")}
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={actionData?.email}
          aria-describedby={error ? "sign-in-error" : undefined}
        />
        <LabelledInput label={t("auth.password")} id="password" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit">{t("auth.signIn")}</Button>
      </Form>
    </div>
  );
}
