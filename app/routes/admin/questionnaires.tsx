import { Alert, Button, Heading, Input, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { data, Form, Link, redirect } from "react-router";
import { AdminNav } from "../../components/AdminNav.tsx";
import type { Route } from "./+types/questionnaires";
import { CsrfField, failureOf, Problems, readForm, requireActor } from "../../forms.tsx";
import { parseForm } from "../../submission.ts";
import { questionnaireAdminForms } from "../../questionnaire-admin-forms.server.ts";
import { languageFromRequest, pageTitle, useT } from "../../i18n.ts";
import { kompass } from "../../context.ts";
import { LabelledField } from "../../components/LabelledField.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { pointsForInput } from "../../components/points.ts";
import { translator } from "../../../src/i18n/index.ts";
import { describeQuestionnaireProblem, MAX_QUESTIONNAIRE_BYTES } from "../../../src/domain/cycle/questionnaireFile.ts";
import { pointsText } from "../../../src/domain/points.ts";
import { type Problem, ValidationError } from "../../../src/services/errors.ts";
import {
  loadQuestionnaire,
  questionnaireOverview,
  resetQuestionnaire,
} from "../../../src/services/questionnaire/loadQuestionnaire.server.ts";

const PATH = "/admin/sjalvvardering";
/** The query parameter that asks to confirm a reset (the step without JavaScript), and those that report one done. */
const CONFIRM_RESET = "aterstall";
const FILE_ID = "questionnaire-file";
const versionId = (key: string) => `version-${key}`;

const count = (query: URLSearchParams, name: string) => Math.max(0, Number.parseInt(query.get(name) ?? "0", 10) || 0);

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  try {
    const versions = await questionnaireOverview(kompass(context).db, actor);
    const query = new URL(request.url).searchParams;
    const known = (key: string | null) => versions.find((v) => v.instrumentKey === key);
    const loaded = known(query.get("laddad"));
    const reset = known(query.get("aterstalld"));
    const asked = known(query.get(CONFIRM_RESET));
    return {
      versions: versions.map((v) => ({
        instrumentKey: v.instrumentKey,
        name: v.name,
        source: v.source,
        items: v.items.map((item) => ({
          id: item.id,
          areaNumber: item.areaNumber,
          subareaId: item.subareaId,
          text: item.text,
          maxPoints: item.maxPoints === null ? null : pointsText(item.maxPoints),
        })),
      })),
      confirm: asked && asked.source === "loaded" ? asked.instrumentKey : null,
      notice: loaded
        ? {
            key: "questionnaireAdmin.upload.done",
            values: {
              version: loaded.instrumentKey,
              count: loaded.items.length,
              added: count(query, "nya"),
              removed: count(query, "borttagna"),
              changed: count(query, "andrade"),
            },
          }
        : reset
          ? { key: "questionnaireAdmin.reset.done", values: { version: reset.instrumentKey, count: reset.items.length } }
          : null,
    };
  } catch (error) {
    throw failureOf(error, request);
  }
}

/** Loads a file or resets a version; a refused one answers its problems in words, each naming the item and field. */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  const form = await readForm(request, context);
  const t = translator(languageFromRequest(request));
  const loading = form.get("intent") === "load";
  // A file's problems all point at the file field: that is what to change.
  const inWords = (problems: Problem[]): Problem[] =>
    problems.map((p) => ({ ...(loading ? { field: "file" } : {}), message: describeQuestionnaireProblem(t, p) }));
  try {
    const input = parseForm(form, questionnaireAdminForms);
    const { db } = kompass(context);
    if (input.intent === "load") {
      const bytes = input.file ? new Uint8Array(await input.file.arrayBuffer()) : new Uint8Array();
      const change = await loadQuestionnaire(db, actor, { bytes });
      const query = new URLSearchParams({
        laddad: change.instrumentKey,
        nya: String(change.added.length),
        borttagna: String(change.removed.length),
        andrade: String(change.changed.length),
      });
      return redirect(`${PATH}?${query}#${versionId(change.instrumentKey)}`);
    }
    const change = await resetQuestionnaire(db, actor, { instrumentKey: input.instrumentKey });
    return redirect(`${PATH}?aterstalld=${encodeURIComponent(change.instrumentKey)}#${versionId(change.instrumentKey)}`);
  } catch (error) {
    if (error instanceof ValidationError) return data({ problems: inWords(error.problems) }, { status: 400 });
    return failureOf(error, request);
  }
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "questionnaireAdmin.title") }];
}

type Version = Route.ComponentProps["loaderData"]["versions"][number];

/** The question before a version's loaded questionnaire is replaced by the default, and the POST that does it. */
function ResetStep({ version }: { version: string }) {
  const { t } = useT();
  return (
    <section aria-labelledby="aterstall-rubrik" id="aterstall" className="confirm-step stack">
      <Heading level={2} data-size="sm" id="aterstall-rubrik">
        {t("questionnaireAdmin.reset.question", { version })}
      </Heading>
      <Paragraph>{t("questionnaireAdmin.reset.consequence")}</Paragraph>
      <div className="confirm-actions">
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="reset" />
          <input type="hidden" name="instrumentKey" value={version} />
          <Button type="submit" data-color="danger">
            {t("questionnaireAdmin.reset.confirm", { version })}
          </Button>
        </Form>
        <Link to={`${PATH}#${versionId(version)}`} className="ds-link">
          {t("questionnaireAdmin.reset.cancel")}
        </Link>
      </div>
    </section>
  );
}

function VersionSection({ version }: { version: Version }) {
  const { t, language } = useT();
  const key = version.instrumentKey;
  return (
    <section aria-labelledby={`${versionId(key)}-title`} id={versionId(key)} className="stack">
      <Heading level={2} data-size="md" id={`${versionId(key)}-title`}>
        {t("questionnaireAdmin.versionTitle", { version: key, name: version.name })}
      </Heading>
      <Paragraph>
        <Tag data-color={version.source === "loaded" ? "info" : "neutral"}>{t(`questionnaireAdmin.source.${version.source}`)}</Tag>{" "}
        {t("questionnaireAdmin.count", { count: version.items.length })}
      </Paragraph>
      {version.source === "loaded" && (
        // A GET form: the confirmation is a step of the page, with or without JavaScript.
        <form method="get" action={`${PATH}#aterstall`}>
          <input type="hidden" name={CONFIRM_RESET} value={key} />
          <Button type="submit" variant="secondary" data-size="sm" data-color="danger">
            {t("questionnaireAdmin.reset.button", { version: key })}
          </Button>
        </form>
      )}
      <details>
        <summary>{t("questionnaireAdmin.showItems", { version: key })}</summary>
        <ScrollRegion label={t("questionnaireAdmin.caption", { version: key })}>
          <Table zebra data-size="sm">
            <caption>{t("questionnaireAdmin.caption", { version: key })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("questionnaireAdmin.column.id")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("questionnaireAdmin.column.text")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("questionnaireAdmin.column.area")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("questionnaireAdmin.column.subarea")}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t("questionnaireAdmin.column.maxPoints")}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {version.items.map((item) => (
                <Table.Row key={item.id}>
                  <Table.HeaderCell scope="row">{item.id}</Table.HeaderCell>
                  <Table.Cell>{item.text}</Table.Cell>
                  <Table.Cell>{item.areaNumber}</Table.Cell>
                  <Table.Cell>{item.subareaId ?? "–"}</Table.Cell>
                  <Table.Cell className="numeric">
                    {item.maxPoints === null ? t("questionnaireAdmin.noScore") : pointsForInput(item.maxPoints, language)}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      </details>
    </section>
  );
}

export default function Questionnaires({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { versions, notice, confirm } = loaderData;
  const problems = actionData && "problems" in actionData ? actionData.problems : undefined;
  const fileProblems = problems?.filter((p) => p.field === "file").map((p) => p.message);
  return (
    <div className="stack">
      <Heading level={1} data-size="xl">
        {t("questionnaireAdmin.title")}
      </Heading>
      <AdminNav />
      <Paragraph>{t("questionnaireAdmin.intro")}</Paragraph>
      <Paragraph>{t("questionnaireAdmin.formatLink")}</Paragraph>
      {notice && !problems && (
        <Alert data-color="success" role="status">
          {t(notice.key, notice.values)}
        </Alert>
      )}
      <Problems problems={problems} fieldIds={{ file: FILE_ID }} />
      {confirm && !problems && <ResetStep version={confirm} />}
      <section aria-labelledby="upload-title" className="form-narrow stack">
        <Heading level={2} data-size="md" id="upload-title">
          {t("questionnaireAdmin.upload.title")}
        </Heading>
        <Form method="post" encType="multipart/form-data" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="load" />
          <LabelledField
            id={FILE_ID}
            label={t("questionnaireAdmin.upload.file")}
            hint={t("questionnaireAdmin.upload.hint", { kb: MAX_QUESTIONNAIRE_BYTES / 1024 })}
            error={fileProblems?.length ? t("questionnaireAdmin.upload.refused", { count: fileProblems.length }) : undefined}
          >
            {(describedBy, invalid) => (
              <Input
                id={FILE_ID}
                name="file"
                type="file"
                required
                accept="application/json,.json"
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </LabelledField>
          <Button type="submit">{t("questionnaireAdmin.upload.submit")}</Button>
        </Form>
      </section>
      {versions.map((version) => (
        <VersionSection key={version.instrumentKey} version={version} />
      ))}
    </div>
  );
}
