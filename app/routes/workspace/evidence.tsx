import { Alert, Button, Card, Details, Field, Fieldset, Heading, Input, Label, Paragraph, Select, Table, Tag, Textarea, ValidationMessage } from "@digdir/designsystemet-react";
import { Fragment } from "react";
import { data, Form, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/evidence";
import { CsrfField, failureOf, Problems, readForm, requireActor } from "../../forms.tsx";
import { languageFromRequest, pageTitle, useT } from "../../i18n.ts";
import { localeOf, translator } from "../../../src/i18n/index.ts";
import { ConflictError, ValidationError, type Problem } from "../../../src/services/errors.ts";
import * as evidence from "../../../src/services/evidence/index.ts";
import { CSRF_FIELD } from "../../../src/web/csrf-check.ts";
import type { EvidenceItem, InterviewItem, SubareaOption } from "../../../src/services/evidence/index.ts";

type Values = Record<string, string>;
type Failure = { form: string; values: Values; problems: Problem[]; conflict?: { current: InterviewItem; currentVersion: number } };
const SECTIONS = evidence.EVIDENCE_SECTIONS;
const FIELDS = ["file", "title", "url", "body", "groupKind", "startsAt", "participants", "participantCount", "notes", "subareaIds"];
const messageValues = { mb: evidence.MAX_UPLOAD_MEGABYTES, types: evidence.acceptedExtensions().join(", ") };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  try {
    return { ...(await evidence.loadEvidencePage(context.db, actor, Number(params.id))), stamp: Date.now() };
  } catch (error) {
    throw failureOf(error, request);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  const form = await readForm(request, context);
  const id = Number(params.id);
  try {
    const { intent, section } = await evidence.runEvidenceForm(context.db, actor, id, form);
    return redirect(`/arbetsyta/${id}/underlag?klart=${intent}#${section}`);
  } catch (error) {
    const t = translator(languageFromRequest(request));
    const values: Values = {};
    for (const [name, value] of form.entries()) if (typeof value === "string" && name !== CSRF_FIELD) values[name] = value;
    const key = evidence.evidenceFormKey(form);
    if (error instanceof ValidationError) {
      const problems = error.problems.map((p) => ({ ...p, message: t(p.message, { ...messageValues, defaultValue: p.message }) }));
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

function useFormats() {
  const { t, language } = useT();
  const locale = localeOf(language);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Stockholm" });
  const local = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    t,
    when: (date: Date | string) => when.format(new Date(date)),
    /** "2031-03-12T09:30" is already Swedish wall-clock time. */
    localTime: (value: string | null) => (value ? local.format(new Date(`${value}:00Z`)) : t("evidence.notScheduled")),
    size: (bytes: number | null) =>
      bytes === null ? "" : bytes < 1024 * 1024 ? t("evidence.size_kb", { size: number.format(Math.max(0.1, bytes / 1024)) }) : t("evidence.size_mb", { size: number.format(bytes / (1024 * 1024)) }),
  };
}

/** Which form failed, its values and problems: forms read their defaults and errors from here. */
function failureFor(actionData: Failure | undefined, key: string) {
  const failed = actionData?.form === key ? actionData : undefined;
  return {
    failed,
    value: (name: string, fallback: string | number | null = "") => failed?.values[name] ?? (fallback === null ? "" : String(fallback)),
    error: (field: string) => failed?.problems.find((p) => p.field === field)?.message,
  };
}

type TextProps = { id: string; name: string; label: string; hint?: string; error?: string; rows?: number; type?: "text" | "url" | "file" | "number" | "datetime-local"; required?: boolean; defaultValue?: string; accept?: string; min?: number; max?: number };

/** A labelled field whose label, hint and error are tied to it in the HTML itself, so also without JavaScript. */
function TextField({ id, label, hint, error, rows, ...input }: TextProps) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const common = { id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined };
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {hint && <Field.Description id={`${id}-hint`}>{hint}</Field.Description>}
      {rows ? <Textarea {...common} rows={rows} name={input.name} required={input.required} defaultValue={input.defaultValue} /> : <Input {...common} {...input} />}
      {error && <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage>}
    </Field>
  );
}

/** The form's CSRF token and its hidden fields: what it does and to what. */
function Hidden({ values }: { values: Record<string, string | number> }) {
  return (
    <>
      <CsrfField />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="stack">
      <Heading level={2} data-size="md" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** "Ta bort", named for a screen reader by what it removes. */
function RemoveButton({ title }: { title: string }) {
  const { t } = useT();
  return (
    <Button type="submit" variant="tertiary" data-color="danger" data-size="sm">
      {t("evidence.remove")}
      <span className="ds-sr-only"> {title}</span>
    </Button>
  );
}

export default function EvidencePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const [search] = useSearchParams();
  const { id, can, items, interviews, subareas, stamp } = loaderData;
  const failure = actionData as Failure | undefined;
  const fieldIds = failure ? Object.fromEntries(FIELDS.map((f) => [f, `${failure.form}-${f}`])) : {};
  const done = evidence.EVIDENCE_INTENTS.find((intent) => intent === search.get("klart"));
  const of = (kind: EvidenceItem["kind"]) => items.filter((item) => item.kind === kind);
  const upload = failureFor(failure, "upload");
  const link = failureFor(failure, "link");
  const note = failureFor(failure, "note");
  const cards = (kind: EvidenceItem["kind"], none: string) => {
    const list = of(kind);
    if (list.length === 0) return <Paragraph>{t(none)}</Paragraph>;
    return list.map((item) => <EvidenceCard key={`${item.id}-${stamp}`} id={id} item={item} subareas={subareas} canTag={can.tag} failure={failure} />);
  };
  return (
    <div className="stack">
      <Paragraph>{t(can.viewNotes ? "evidence.introTeam" : "evidence.introContact")}</Paragraph>
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
            <TextField type="file" id="upload-file" name="file" required label={t("evidence.file")} hint={t("evidence.fileHint", messageValues)} accept={evidence.acceptAttribute()} error={upload.error("file")} />
            <TextField id="upload-title" name="title" label={t("evidence.documentTitle")} hint={t("evidence.documentTitleHint")} defaultValue={upload.value("title")} error={upload.error("title")} />
            <Button type="submit">{t("evidence.upload")}</Button>
          </Form>
        )}
      </Section>
      <Section id={SECTIONS.link} title={t("evidence.links")}>
        {cards("link", "evidence.noLinks")}
        {can.upload && (
          <Form method="post" className="stack form-narrow" key={`link-${stamp}`}>
            <Hidden values={{ intent: "link" }} />
            <TextField id="link-title" name="title" required label={t("evidence.linkTitle")} defaultValue={link.value("title")} error={link.error("title")} />
            <TextField id="link-url" name="url" type="url" required label={t("evidence.url")} hint={t("evidence.urlHint")} defaultValue={link.value("url")} error={link.error("url")} />
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
              <TextField id="note-title" name="title" required label={t("evidence.noteTitle")} defaultValue={note.value("title")} error={note.error("title")} />
              <TextField id="note-body" name="body" rows={5} required label={t("evidence.noteBody")} defaultValue={note.value("body")} error={note.error("body")} />
              <TextField id="note-url" name="url" type="url" label={t("evidence.noteUrl")} defaultValue={note.value("url")} error={note.error("url")} />
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

function EvidenceCard({ id, item, subareas, canTag, failure }: { id: number; item: EvidenceItem; subareas: SubareaOption[]; canTag: boolean; failure: Failure | undefined }) {
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
      {canTag && <SubareaTies sourceKind="evidence" sourceId={item.id} title={item.title} section={section} chosen={item.subareaIds} subareas={subareas} failure={failure} />}
      {item.canDelete && (
        <Form method="post">
          <Hidden values={{ intent: "delete-evidence", evidenceId: item.id, section: section }} />
          <RemoveButton title={item.title} />
        </Form>
      )}
    </Card>
  );
}

function Ties({ ids }: { ids: string[] }) {
  const { t } = useT();
  if (ids.length === 0) return null;
  return (
    <Paragraph data-size="sm">
      {t("evidence.tiedTo")}
      {ids.map((tie) => (
        <Fragment key={tie}>
          {" "}
          <Tag data-size="sm" data-color="info">
            {tie}
          </Tag>
        </Fragment>
      ))}
    </Paragraph>
  );
}

function SubareaTies(props: { sourceKind: "evidence" | "interview"; sourceId: number; title: string; section: string; chosen: string[]; subareas: SubareaOption[]; failure: Failure | undefined }) {
  const { t } = useT();
  const key = `tag-${props.sourceKind}-${props.sourceId}`;
  const { failed, error } = failureFor(props.failure, key);
  const areas = [...new Map(props.subareas.map((s) => [s.areaNumber, s.areaName])).entries()];
  return (
    <Details defaultOpen={!!failed}>
      <Details.Summary>{t("evidence.subareasSummary", { count: props.chosen.length })}</Details.Summary>
      <Details.Content>
        <Form method="post" className="stack">
          <Hidden values={{ intent: "tag", sourceKind: props.sourceKind, sourceId: props.sourceId, section: props.section }} />
          <Fieldset id={`${key}-subareaIds`} aria-invalid={error("subareaIds") ? true : undefined}>
            <Fieldset.Legend>{t("evidence.subareasLegend", { title: props.title })}</Fieldset.Legend>
            {areas.map(([number, name]) => {
              const options = props.subareas.filter((s) => s.areaNumber === number);
              const box = (s: SubareaOption) => (
                <Field key={s.id}>
                  <Input type="checkbox" id={`${key}-${s.id}`} name="subareaIds" value={s.id} defaultChecked={props.chosen.includes(s.id)} />
                  <Label htmlFor={`${key}-${s.id}`} weight="regular">
                    {s.id === String(number) ? t("evidence.area", { number, name }) : `${s.id} ${s.text}`}
                  </Label>
                </Field>
              );
              // A version without sub-areas: the areas themselves, without a group each.
              if (options.length === 1 && options[0]!.id === String(number)) return box(options[0]!);
              return (
                <Fieldset key={number} data-size="sm">
                  <Fieldset.Legend>{t("evidence.area", { number, name })}</Fieldset.Legend>
                  {options.map(box)}
                </Fieldset>
              );
            })}
          </Fieldset>
          <Button type="submit" variant="secondary" data-size="sm">
            {t("evidence.saveSubareas")}
          </Button>
        </Form>
      </Details.Content>
    </Details>
  );
}

type Permissions = Route.ComponentProps["loaderData"]["can"];

function InterviewPlan({ id, interviews, subareas, can, failure, stamp }: { id: number; interviews: InterviewItem[]; subareas: SubareaOption[]; can: Permissions; failure: Failure | undefined; stamp: number }) {
  const { t, localTime } = useFormats();
  return (
    <Section id={SECTIONS.interview} title={t("evidence.interviews")}>
      <Paragraph>{t("evidence.interviewsIntro")}</Paragraph>
      {interviews.length === 0 ? (
        <Paragraph>{t("evidence.noInterviews")}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table zebra>
            <caption>{t("evidence.interviewsCaption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("evidence.startsAt")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("evidence.group")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("evidence.interviewTitle")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("evidence.participants")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("evidence.subareas")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {interviews.map((i) => (
                <Table.Row key={i.id}>
                  <Table.Cell>{localTime(i.startsAt)}</Table.Cell>
                  <Table.Cell>{t(`evidence.groups.${i.groupKind}`)}</Table.Cell>
                  <Table.Cell>
                    <a href={`#intervju-${i.id}`}>{i.title}</a>
                  </Table.Cell>
                  <Table.Cell>{[i.participantCount ?? "", i.participants].filter((part) => part !== "").join(" · ")}</Table.Cell>
                  <Table.Cell>{i.subareaIds.join(", ")}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {interviews.map((i) => (
        <InterviewCard key={`${i.id}-${stamp}`} id={id} interview={i} subareas={subareas} can={can} failure={failure} />
      ))}
      {can.editInterviews && (
        <Form method="post" className="stack form-narrow" key={`interview-add-${stamp}`}>
          <Heading level={3} data-size="sm">
            {t("evidence.addInterviewTitle")}
          </Heading>
          <Hidden values={{ intent: "interview-add" }} />
          <InterviewFields formKey="interview-add" failure={failure} />
          <Button type="submit" variant="secondary">
            {t("evidence.addInterview")}
          </Button>
        </Form>
      )}
    </Section>
  );
}

function InterviewCard({ id, interview: i, subareas, can, failure }: { id: number; interview: InterviewItem; subareas: SubareaOption[]; can: Permissions; failure: Failure | undefined }) {
  const { t, localTime } = useFormats();
  const key = `interview-update-${i.id}`;
  const { failed } = failureFor(failure, key);
  const conflict = failed?.conflict;
  return (
    <Card data-color="neutral" className="stack" id={`intervju-${i.id}`}>
      <Heading level={3} data-size="xs">
        {`${i.title} (${t(`evidence.groups.${i.groupKind}`)}, ${localTime(i.startsAt)})`}
      </Heading>
      {i.notes && <Paragraph style={{ whiteSpace: "pre-wrap" }}>{i.notes}</Paragraph>}
      <Ties ids={i.subareaIds} />
      {can.editInterviews && (
        <Details defaultOpen={!!failed}>
          <Details.Summary>{t("evidence.editInterview", { title: i.title })}</Details.Summary>
          <Details.Content className="stack">
            {conflict && (
              <Alert data-color="warning">
                <Heading level={4} data-size="2xs">
                  {t("evidence.conflictSaved", { version: conflict.currentVersion })}
                </Heading>
                <dl className="facts">
                  {([["group", t(`evidence.groups.${conflict.current.groupKind}`)], ["interviewTitle", conflict.current.title], ["startsAt", localTime(conflict.current.startsAt)], ["participants", conflict.current.participants], ["participantCount", String(conflict.current.participantCount ?? "")], ["interviewNotes", conflict.current.notes]] as const).map(([label, saved]) => (
                    <div key={label} style={{ display: "contents" }}>
                      <dt>{t(`evidence.${label}`)}</dt>
                      <dd style={{ whiteSpace: "pre-wrap" }}>{saved}</dd>
                    </div>
                  ))}
                </dl>
                <a href={`/arbetsyta/${id}/underlag#intervju-${i.id}`}>{t("forms.keepTheirs")}</a>
              </Alert>
            )}
            <Form method="post" className="stack form-narrow">
              <Hidden values={{ intent: "interview-update", interviewId: i.id, version: conflict?.currentVersion ?? i.version }} />
              <InterviewFields formKey={key} failure={failure} interview={i} />
              <Button type="submit">{t(conflict ? "forms.keepMine" : "evidence.saveInterview")}</Button>
            </Form>
            <Form method="post">
              <Hidden values={{ intent: "interview-delete", interviewId: i.id, version: i.version }} />
              <RemoveButton title={i.title} />
            </Form>
          </Details.Content>
        </Details>
      )}
      {can.tag && <SubareaTies sourceKind="interview" sourceId={i.id} title={i.title} section={SECTIONS.interview} chosen={i.subareaIds} subareas={subareas} failure={failure} />}
    </Card>
  );
}

function InterviewFields({ formKey, failure, interview }: { formKey: string; failure: Failure | undefined; interview?: InterviewItem }) {
  const { t } = useT();
  const { value, error } = failureFor(failure, formKey);
  const field = (name: string) => ({ id: `${formKey}-${name}`, name, error: error(name) });
  return (
    <>
      <Field>
        <Label htmlFor={`${formKey}-groupKind`}>{t("evidence.group")}</Label>
        <Select id={`${formKey}-groupKind`} name="groupKind" required defaultValue={value("groupKind", interview?.groupKind ?? "politicians")} aria-invalid={error("groupKind") ? true : undefined}>
          {evidence.INTERVIEW_GROUPS.map((group) => (
            <Select.Option key={group} value={group}>
              {t(`evidence.groups.${group}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <TextField {...field("title")} required label={t("evidence.interviewTitle")} defaultValue={value("title", interview?.title)} />
      <TextField {...field("startsAt")} type="datetime-local" label={t("evidence.startsAt")} hint={t("evidence.startsAtHint")} defaultValue={value("startsAt", interview?.startsAt ?? "")} />
      <TextField {...field("participants")} rows={2} label={t("evidence.participants")} hint={t("evidence.participantsHint")} defaultValue={value("participants", interview?.participants)} />
      <TextField {...field("participantCount")} type="number" min={0} max={100} label={t("evidence.participantCount")} hint={t("evidence.participantCountHint")} defaultValue={value("participantCount", interview?.participantCount ?? null)} />
      <TextField {...field("notes")} rows={6} label={t("evidence.interviewNotes")} defaultValue={value("notes", interview?.notes)} />
    </>
  );
}
