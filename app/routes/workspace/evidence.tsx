import { Alert, Button, Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import { data, Form, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/evidence";
import { HandInNotice } from "../../components/evidence/HandInNotice.tsx";
import { InterviewPlan } from "../../components/evidence/InterviewPlan.tsx";
import {
  failureFor,
  Hidden,
  RemoveButton,
  Section,
  SubareaTies,
  Ties,
  TextField,
  useFormats,
  type Failure,
  type Values,
} from "../../components/evidence/shared.tsx";
import { failureOf, Problems, readForm } from "../../forms.tsx";
import { languageFromRequest, pageTitle, useT } from "../../i18n.ts";
import { translator } from "../../../src/i18n/index.ts";
import { ConflictError, ValidationError } from "../../../src/services/errors.ts";
import * as evidence from "../../../src/services/evidence/index.server.ts";
import { acceptAttribute, acceptedExtensions, MAX_UPLOAD_MEGABYTES } from "../../../src/domain/evidence.ts";
import { EVIDENCE_INTENTS, EVIDENCE_SECTIONS } from "../../components/evidence/sections.ts";
import { evidenceFormKey, runEvidenceForm } from "../../evidence-forms.server.ts";
import { problemText } from "../../forms.tsx";
import { CSRF_FIELD } from "../../csrf.ts";
import type { EvidenceItem, InterviewItem, SubareaOption } from "../../../src/services/evidence/index.server.ts";
import { forEvaluation, workspaceContext } from "../../workspace.server.ts";

const SECTIONS = EVIDENCE_SECTIONS;
const FIELDS = ["file", "title", "url", "body", "groupKind", "startsAt", "participants", "participantCount", "notes", "subareaIds"];
const messageValues = { mb: MAX_UPLOAD_MEGABYTES, types: acceptedExtensions().join(", ") };

export function loader({ request, context }: Route.LoaderArgs) {
  return forEvaluation({ request, context }, async ({ db, actor, evaluationId: id }) => {
    return { ...(await evidence.loadEvidencePage(db, actor, id)), stamp: Date.now() };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  const form = await readForm(request, context);
  try {
    const { intent, section } = await runEvidenceForm(db, actor, id, form);
    return redirect(`/arbetsyta/${id}/underlag?klart=${intent}#${section}`);
  } catch (error) {
    const t = translator(languageFromRequest(request));
    const values: Values = {};
    for (const [name, value] of form.entries()) if (typeof value === "string" && name !== CSRF_FIELD) values[name] = value;
    const key = evidenceFormKey(form);
    if (error instanceof ValidationError) {
      const problems = error.problems.map((p) => ({ ...p, message: problemText(t, { ...p, values: { ...messageValues, ...p.values } }) }));
      return data<Failure>({ form: key, values, problems }, { status: 400 });
    }
    if (error instanceof ConflictError) {
      const conflict = { current: error.current as InterviewItem, currentVersion: error.currentVersion };
      return data<Failure>({ form: key, values, problems: [{ message: t("forms.conflict") }], conflict }, { status: 409 });
    }
    throw failureOf(error, request);
  }
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "evidence.title") }];
}

export default function EvidencePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const [search] = useSearchParams();
  const { id, can, items, interviews, subareas, stamp, handIn } = loaderData;
  const failure = actionData as Failure | undefined;
  const fieldIds = failure ? Object.fromEntries(FIELDS.map((f) => [f, `${failure.form}-${f}`])) : {};
  const done = EVIDENCE_INTENTS.find((intent) => intent === search.get("klart"));
  const of = (kind: EvidenceItem["kind"]) => items.filter((item) => item.kind === kind);
  const upload = failureFor(failure, "upload");
  const link = failureFor(failure, "link");
  const note = failureFor(failure, "note");
  const cards = (kind: EvidenceItem["kind"], none: string) => {
    const list = of(kind);
    if (list.length === 0) return <Paragraph>{t(none)}</Paragraph>;
    return list.map((item) => (
      <EvidenceCard key={`${item.id}-${stamp}`} id={id} item={item} subareas={subareas} canTag={can.tag} failure={failure} />
    ));
  };
  return (
    <div className="stack">
      <Paragraph>
        {t(can.viewNotes ? "evidence.introTeam" : can.upload ? "evidence.introContact" : "workbench.handIn.introClosed")}
      </Paragraph>
      {handIn && <HandInNotice handIn={handIn} />}
      <Problems problems={failure?.problems} fieldIds={fieldIds} />
      {done && !failure && (
        <Alert data-color="success" role="status">
          {t(`evidence.done.${done}`)}
        </Alert>
      )}
      <Section id={SECTIONS.document} title={t("evidence.documents")}>
        {cards("document", "evidence.noDocuments")}
        {can.upload && (
          <Form method="post" encType="multipart/form-data" className="stack form-narrow" key={`upload-${stamp}`}>
            <Heading level={3} data-size="sm">
              {t("evidence.uploadTitle")}
            </Heading>
            <Hidden values={{ intent: "upload" }} />
            <TextField
              type="file"
              id="upload-file"
              name="file"
              required
              label={t("evidence.file")}
              hint={t("evidence.fileHint", messageValues)}
              accept={acceptAttribute()}
              error={upload.error("file")}
            />
            <TextField
              id="upload-title"
              name="title"
              label={t("evidence.documentTitle")}
              hint={t("evidence.documentTitleHint")}
              defaultValue={upload.value("title")}
              error={upload.error("title")}
            />
            <Button type="submit">{t("evidence.upload")}</Button>
          </Form>
        )}
      </Section>
      <Section id={SECTIONS.link} title={t("evidence.links")}>
        {cards("link", "evidence.noLinks")}
        {can.upload && (
          <Form method="post" className="stack form-narrow" key={`link-${stamp}`}>
            <Hidden values={{ intent: "link" }} />
            <TextField
              id="link-title"
              name="title"
              required
              label={t("evidence.linkTitle")}
              defaultValue={link.value("title")}
              error={link.error("title")}
            />
            <TextField
              id="link-url"
              name="url"
              type="url"
              required
              label={t("evidence.url")}
              hint={t("evidence.urlHint")}
              defaultValue={link.value("url")}
              error={link.error("url")}
            />
            <Button type="submit" variant="secondary">
              {t("evidence.addLink")}
            </Button>
          </Form>
        )}
      </Section>
      {can.viewNotes && (
        <Section id={SECTIONS.note} title={t("evidence.notes")}>
          <Paragraph>{t("evidence.notesIntro")}</Paragraph>
          {cards("note", "evidence.noNotes")}
          {can.addNote && (
            <Form method="post" className="stack form-narrow" key={`note-${stamp}`}>
              <Hidden values={{ intent: "note" }} />
              <TextField
                id="note-title"
                name="title"
                required
                label={t("evidence.noteTitle")}
                defaultValue={note.value("title")}
                error={note.error("title")}
              />
              <TextField
                id="note-body"
                name="body"
                rows={5}
                required
                label={t("evidence.noteBody")}
                defaultValue={note.value("body")}
                error={note.error("body")}
              />
              <TextField
                id="note-url"
                name="url"
                type="url"
                label={t("evidence.noteUrl")}
                defaultValue={note.value("url")}
                error={note.error("url")}
              />
              <Button type="submit" variant="secondary">
                {t("evidence.addNote")}
              </Button>
            </Form>
          )}
        </Section>
      )}
      {can.viewNotes && <InterviewPlan id={id} interviews={interviews} subareas={subareas} can={can} failure={failure} stamp={stamp} />}
    </div>
  );
}

function EvidenceCard({
  id,
  item,
  subareas,
  canTag,
  failure,
}: {
  id: number;
  item: EvidenceItem;
  subareas: SubareaOption[];
  canTag: boolean;
  failure: Failure | undefined;
}) {
  const { t, when, size } = useFormats();
  const section = SECTIONS[item.kind];
  return (
    <Card data-color="neutral" className="stack">
      <Heading level={3} data-size="xs">
        {item.title}
      </Heading>
      {item.kind === "document" && (
        <Paragraph>
          <a href={`/arbetsyta/${id}/underlag/${item.id}/fil`} download={item.fileName ?? undefined}>
            {t("evidence.download", { name: item.fileName })}
          </a>{" "}
          ({size(item.size)})
        </Paragraph>
      )}
      {item.body && <Paragraph style={{ whiteSpace: "pre-wrap" }}>{item.body}</Paragraph>}
      {item.url && (
        <Paragraph>
          <a href={item.url} rel="noopener noreferrer nofollow">
            {item.url}
          </a>
        </Paragraph>
      )}
      <Paragraph data-size="sm">{t("evidence.addedBy", { name: item.createdByName ?? "–", when: when(item.createdAt) })}</Paragraph>
      {subareas.length > 0 && <Ties ids={item.subareaIds} />}
      {canTag && (
        <SubareaTies
          sourceKind="evidence"
          sourceId={item.id}
          title={item.title}
          section={section}
          chosen={item.subareaIds}
          subareas={subareas}
          failure={failure}
        />
      )}
      {item.canDelete && (
        <Form method="post">
          <Hidden values={{ intent: "delete-evidence", evidenceId: item.id, section: section }} />
          <RemoveButton title={item.title} />
        </Form>
      )}
    </Card>
  );
}
