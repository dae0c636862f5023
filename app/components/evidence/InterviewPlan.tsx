import { Alert, Button, Card, Details, Heading, Paragraph, Select, Table } from "@digdir/designsystemet-react";
import { Form } from "react-router";
import { LabelledField } from "../LabelledField.tsx";
import { useT } from "../../i18n.ts";
import { INTERVIEW_GROUPS } from "../../../src/domain/evidence.ts";
import { EVIDENCE_SECTIONS } from "./sections.ts";
import type { EvidencePermissions, InterviewItem, SubareaOption } from "../../../src/services/evidence/index.server.ts";
import { failureFor, Hidden, RemoveButton, Section, SubareaTies, Ties, TextField, useFormats, type Failure } from "./shared.tsx";

const SECTIONS = EVIDENCE_SECTIONS;
type Permissions = EvidencePermissions;

export function InterviewPlan({
  id,
  interviews,
  subareas,
  can,
  failure,
  stamp,
}: {
  id: number;
  interviews: InterviewItem[];
  subareas: SubareaOption[];
  can: Permissions;
  failure: Failure | undefined;
  stamp: number;
}) {
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

function InterviewCard({
  id,
  interview: i,
  subareas,
  can,
  failure,
}: {
  id: number;
  interview: InterviewItem;
  subareas: SubareaOption[];
  can: Permissions;
  failure: Failure | undefined;
}) {
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
                  {(
                    [
                      ["group", t(`evidence.groups.${conflict.current.groupKind}`)],
                      ["interviewTitle", conflict.current.title],
                      ["startsAt", localTime(conflict.current.startsAt)],
                      ["participants", conflict.current.participants],
                      ["participantCount", String(conflict.current.participantCount ?? "")],
                      ["interviewNotes", conflict.current.notes],
                    ] as const
                  ).map(([label, saved]) => (
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
      {can.tag && (
        <SubareaTies
          sourceKind="interview"
          sourceId={i.id}
          title={i.title}
          section={SECTIONS.interview}
          chosen={i.subareaIds}
          subareas={subareas}
          failure={failure}
        />
      )}
    </Card>
  );
}

function InterviewFields({ formKey, failure, interview }: { formKey: string; failure: Failure | undefined; interview?: InterviewItem }) {
  const { t } = useT();
  const { value, error } = failureFor(failure, formKey);
  const field = (name: string) => ({ id: `${formKey}-${name}`, name, error: error(name) });
  return (
    <>
      <LabelledField id={`${formKey}-groupKind`} label={t("evidence.group")} error={error("groupKind")}>
        {(describedBy, invalid) => (
          <Select
            id={`${formKey}-groupKind`}
            name="groupKind"
            required
            defaultValue={value("groupKind", interview?.groupKind ?? "politicians")}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          >
            {INTERVIEW_GROUPS.map((group) => (
              <Select.Option key={group} value={group}>
                {t(`evidence.groups.${group}`)}
              </Select.Option>
            ))}
          </Select>
        )}
      </LabelledField>
      <TextField {...field("title")} required label={t("evidence.interviewTitle")} defaultValue={value("title", interview?.title)} />
      <TextField
        {...field("startsAt")}
        type="datetime-local"
        label={t("evidence.startsAt")}
        hint={t("evidence.startsAtHint")}
        defaultValue={value("startsAt", interview?.startsAt ?? "")}
      />
      <TextField
        {...field("participants")}
        rows={2}
        label={t("evidence.participants")}
        hint={t("evidence.participantsHint")}
        defaultValue={value("participants", interview?.participants)}
      />
      <TextField
        {...field("participantCount")}
        type="number"
        min={0}
        max={100}
        label={t("evidence.participantCount")}
        hint={t("evidence.participantCountHint")}
        defaultValue={value("participantCount", interview?.participantCount ?? null)}
      />
      <TextField {...field("notes")} rows={6} label={t("evidence.interviewNotes")} defaultValue={value("notes", interview?.notes)} />
    </>
  );
}
