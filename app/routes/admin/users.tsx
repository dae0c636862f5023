import { Alert, Button, Heading, Input, Paragraph, Select, Table, Tag } from "@digdir/designsystemet-react";
import { data, Form, redirect } from "react-router";
import { AdminNav } from "../../components/AdminNav.tsx";
import type { Route } from "./+types/users";
import { CsrfField, failureOf, problemText, Problems, readForm, requireActor } from "../../forms.tsx";
import { parseForm, typedValues } from "../../submission.ts";
import { usersForms } from "../../users-forms.server.ts";
import { languageFromRequest, pageTitle, useT } from "../../i18n.ts";
import { localeOf, translator } from "../../../src/i18n/index.ts";
import type { Problem } from "../../../src/services/errors.ts";
import { ValidationError } from "../../../src/services/errors.ts";
import { createPasswordResetLink, createUser, listUsers, ROLES, setUserDisabled } from "../../../src/services/auth/users.server.ts";
import { municipalityListWithPractice } from "../../../src/services/results/queries.server.ts";
import { MunicipalityOptions } from "../../components/MunicipalityOptions.tsx";
import { kompass } from "../../context.ts";
import { CONFIRM_DISABLE, DisableButton, DisableStep } from "../../components/DisableUser.tsx";
import { LabelledField, LabelledInput } from "../../components/LabelledField.tsx";

const PATH = "/admin/anvandare";

/** The fields of the add form, by the service's field names, for the links in <Problems />. */
const FIELD_IDS = {
  name: "new-name",
  email: "new-email",
  role: "new-role",
  municipalityCode: "new-municipality",
  organisation: "new-organisation",
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  try {
    const [people, places] = await Promise.all([listUsers(kompass(context).db, actor), municipalityListWithPractice(kompass(context).db)]);
    const collator = new Intl.Collator("sv");
    const names = new Map(places.map((m) => [m.code, m.name]));
    const query = new URL(request.url).searchParams;
    // The confirmation step before turning an account off (without JavaScript): someone else's, still active.
    const asked = people.find((u) => u.id === query.get(CONFIRM_DISABLE) && u.id !== actor.id && !u.disabled);
    return {
      confirm: asked ? { id: asked.id, name: asked.name, email: asked.email } : null,
      actorId: actor.id,
      roles: ROLES,
      users: people.map((u) => ({ ...u, municipality: u.municipalityCode ? (names.get(u.municipalityCode) ?? u.municipalityCode) : "" })),
      municipalities: places.map((m) => ({ code: m.code, name: m.name })).sort((a, b) => collator.compare(a.name, b.name)),
      notice: query.get("skapad")
        ? { key: "admin.users.created", email: query.get("skapad")! }
        : query.get("avstangd")
          ? { key: "admin.users.disabled", email: query.get("avstangd")! }
          : query.get("aktiverad")
            ? { key: "admin.users.enabled", email: query.get("aktiverad")! }
            : null,
    };
  } catch (error) {
    throw failureOf(error, request);
  }
}

type Values = Partial<Record<"name" | "email" | "role" | "municipalityCode" | "organisation", string>>;

/**
 * Adds a user, makes a one-time link, or disables/enables an account. A link is a secret shown
 * once: it is answered in this response (never put in a redirect's address, which browsers keep
 * in their history); everything else redirects after success.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  const form = await readForm(request, context);
  const t = translator(languageFromRequest(request));
  const translate = (problems: Problem[]) => problems.map((p) => ({ ...p, message: problemText(t, p, "admin") }));
  const values: Values = typedValues(form, ["name", "email", "role", "municipalityCode", "organisation"]);
  const creating = form.get("intent") === "create";
  try {
    const input = parseForm(form, usersForms);
    if (input.intent === "create") {
      const user = await createUser(kompass(context).db, actor, input);
      return redirect(`${PATH}?skapad=${encodeURIComponent(user.email)}`);
    }
    const { intent, userId } = input;
    if (intent === "link") {
      const link = await createPasswordResetLink(kompass(context).db, actor, userId);
      const expires = new Intl.DateTimeFormat(localeOf(languageFromRequest(request)), {
        dateStyle: "long",
        timeStyle: "short",
        timeZone: "Europe/Stockholm",
      });
      return {
        link: {
          userId,
          name: link.name,
          email: link.email,
          url: new URL(request.url).origin + link.path,
          expires: expires.format(link.expiresAt),
        },
      };
    }
    const user = await setUserDisabled(kompass(context).db, actor, userId, intent === "disable");
    return redirect(`${PATH}?${intent === "disable" ? "avstangd" : "aktiverad"}=${encodeURIComponent(user.email)}`);
  } catch (error) {
    if (error instanceof ValidationError)
      return data({ problems: translate(error.problems), values: creating ? values : {}, creating }, { status: 400 });
    return failureOf(error, request);
  }
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "admin.users.title") }];
}

/** A small form for one action on one user; the button's name says whom it concerns. */
function UserAction({ intent, userId, label, who }: { intent: string; userId: string; label: string; who: string }) {
  return (
    <Form method="post" style={{ display: "inline-block" }}>
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" variant="secondary" data-size="sm">
        {label}
        <span className="ds-sr-only">: {who}</span>
      </Button>
    </Form>
  );
}

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { users, municipalities, roles, actorId, notice, confirm } = loaderData;
  const link = actionData && "link" in actionData ? actionData.link : undefined;
  const failed = actionData && "problems" in actionData ? actionData : undefined;
  const values: Values = (failed && "values" in failed ? failed.values : undefined) ?? {};
  // The add form's problems, on its fields (the other forms are single buttons: theirs show at the top only).
  const error = (field: string) => {
    const found = failed && "creating" in failed && failed.creating ? failed.problems.filter((p) => p.field === field) : undefined;
    return found?.length ? found.map((p) => p.message).join(" ") : undefined;
  };
  return (
    <div className="stack">
      <Heading level={1} data-size="xl">
        {t("admin.users.title")}
      </Heading>
      <AdminNav />
      <Paragraph>{t("admin.users.intro")}</Paragraph>
      {notice && !link && !failed && (
        <Alert data-color="success" role="status">
          {t(notice.key, { email: notice.email })}
        </Alert>
      )}
      {link && (
        <Alert data-color="info" role="status">
          <Heading level={2} data-size="xs">
            {t("admin.users.linkTitle", { name: link.name })}
          </Heading>
          <Paragraph>{t("admin.users.linkIntro", { email: link.email, expires: link.expires })}</Paragraph>
          <LabelledInput
            label={t("admin.users.linkLabel")}
            id="one-time-link"
            value={link.url}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
          />
        </Alert>
      )}
      <Problems problems={failed?.problems} fieldIds={FIELD_IDS} />
      {confirm && !failed && <DisableStep user={confirm} back={PATH} />}
      <div className="table-scroll">
        <Table zebra data-size="sm">
          <caption>{t("admin.users.caption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("admin.users.name")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("admin.users.email")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("admin.users.role")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("admin.users.municipality")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("admin.users.organisation")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("admin.users.active")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("admin.users.actions")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {users.length === 0 && (
              <Table.Row>
                <Table.Cell colSpan={7}>{t("admin.users.none")}</Table.Cell>
              </Table.Row>
            )}
            {users.map((u) => (
              <Table.Row key={u.id}>
                <Table.HeaderCell scope="row">
                  {u.name} {u.id === actorId && t("admin.users.you")}
                </Table.HeaderCell>
                <Table.Cell>{u.email}</Table.Cell>
                <Table.Cell>{t(`admin.role.${u.role}`, { defaultValue: u.role })}</Table.Cell>
                <Table.Cell>{u.municipality}</Table.Cell>
                <Table.Cell>{u.organisation ?? ""}</Table.Cell>
                <Table.Cell>{u.disabled ? <Tag data-color="warning">{t("admin.users.no")}</Tag> : t("admin.users.yes")}</Table.Cell>
                <Table.Cell>
                  <div style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
                    <UserAction intent="link" userId={u.id} label={t("admin.users.createLink")} who={u.name} />
                    {u.disabled ? (
                      <UserAction intent="enable" userId={u.id} label={t("admin.users.enable")} who={u.name} />
                    ) : (
                      u.id !== actorId && <DisableButton user={u} path={PATH} />
                    )}
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <section aria-labelledby="add-user" className="form-narrow stack">
        <Heading level={2} data-size="md" id="add-user">
          {t("admin.users.addTitle")}
        </Heading>
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="create" />
          <LabelledField id={FIELD_IDS.name} label={t("admin.users.name")} error={error("name")}>
            {(describedBy, invalid) => (
              <Input
                id={FIELD_IDS.name}
                name="name"
                autoComplete="off"
                required
                maxLength={200}
                defaultValue={values.name}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </LabelledField>
          <LabelledField id={FIELD_IDS.email} label={t("admin.users.email")} error={error("email")}>
            {(describedBy, invalid) => (
              <Input
                id={FIELD_IDS.email}
                name="email"
                type="email"
                autoComplete="off"
                required
                defaultValue={values.email}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </LabelledField>
          <LabelledField id={FIELD_IDS.role} label={t("admin.users.role")} error={error("role")}>
            {(describedBy, invalid) => (
              <Select
                id={FIELD_IDS.role}
                name="role"
                required
                defaultValue={values.role || "evaluator"}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                {roles.map((role) => (
                  <Select.Option key={role} value={role}>
                    {t(`admin.role.${role}`)}
                  </Select.Option>
                ))}
              </Select>
            )}
          </LabelledField>
          <LabelledField
            id={FIELD_IDS.municipalityCode}
            label={t("admin.users.municipality")}
            hint={t("admin.users.municipalityDescription")}
            error={error("municipalityCode")}
          >
            {(describedBy, invalid) => (
              <Select
                id={FIELD_IDS.municipalityCode}
                name="municipalityCode"
                defaultValue={values.municipalityCode ?? ""}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                <MunicipalityOptions municipalities={municipalities} empty={t("admin.users.noMunicipality")} />
              </Select>
            )}
          </LabelledField>
          <LabelledField
            id={FIELD_IDS.organisation}
            label={t("admin.users.organisation")}
            hint={t("admin.users.organisationDescription")}
            error={error("organisation")}
          >
            {(describedBy, invalid) => (
              <Input
                id={FIELD_IDS.organisation}
                name="organisation"
                maxLength={200}
                defaultValue={values.organisation}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </LabelledField>
          <Button type="submit">{t("admin.users.add")}</Button>
        </Form>
      </section>
    </div>
  );
}
