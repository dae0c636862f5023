import { Alert, Button, Card, Details, Heading, Link as DsLink, Paragraph, Input, Textarea } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { Form, Link, redirect } from "react-router";
import { LabelledField } from "../../components/LabelledField.tsx";
import { AreaPoints, TotalPoints } from "../../components/RunningPoints.tsx";
import type { Route } from "./+types/scoring";
import {
  AutosaveForm,
  failedSubmission,
  failureWithValues,
  isAutosave,
  type AutosaveFailure,
  type Submitted,
} from "../../components/AutosaveForm.tsx";
import { PreviousResult } from "../../components/PreviousResult.tsx";
import { MunicipalityAnswer } from "../../components/questionnaire/MunicipalityAnswer.tsx";
import { CsrfField, Problems, readForm } from "../../forms.tsx";
import { pageTitle, useT } from "../../i18n.ts";
import { evidenceBySubarea } from "../../../src/services/evidence/index.server.ts";
import { pointsForInput } from "../../components/points.ts";
import { scoringForms } from "../../scoring-forms.server.ts";
import { parseForm, typedValues } from "../../submission.ts";
import {
  getMyScoring,
  saveMyScore,
  submitMyScoring,
  type MyScoreItem,
  type ScoreConflict,
  type ScoringGroup,
} from "../../../src/services/scoring/myScoring.server.ts";
import { previousResultFor } from "../../../src/services/scoring/previous.server.ts";
import { municipalityAnswersBeside, type AnswersBeside } from "../../../src/services/questionnaire/beside.server.ts";
import { forEvaluation, workspaceContext } from "../../workspace.server.ts";

/** What is tied to a sub-area, as the scoring page lists it. */
interface TiedEvidence {
  id: number;
  kind: "document" | "link" | "note" | "interview";
  title: string;
  url: string | null;
}

export function loader({ request, context }: Route.LoaderArgs) {
  return forEvaluation({ request, context }, async ({ db, actor, evaluationId: id }) => {
    const scoring = await getMyScoring(db, actor, id);
    const e = scoring.evaluation;
    const previous = await previousResultFor(db, {
      municipalityCode: e.municipalityCode,
      year: e.year,
      instrument: { key: e.instrumentKey },
    });
    const evidence: Record<string, TiedEvidence[]> = {};
    for (const [subareaId, tied] of await evidenceBySubarea(db, actor, id)) {
      evidence[subareaId] = [
        ...tied.evidence.map(
          (item): TiedEvidence => ({
            id: item.id,
            kind: item.kind,
            title: item.title,
            url: item.kind === "document" ? `/arbetsyta/${id}/underlag/${item.id}/fil` : item.url,
          }),
        ),
        ...tied.interviews.map((item): TiedEvidence => ({ id: item.id, kind: "interview", title: item.title, url: null })),
      ];
    }
    return { scoring, previous, evidence, beside: await municipalityAnswersBeside(db, actor, id) };
  });
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "scoring.title") }];
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  const form = await readForm(request, context);
  const typed = typedValues(form, ["intent", "itemId", "points", "justification"]);
  const submitted: Submitted = {
    form: typed.intent === "save" ? `item:${typed.itemId}` : typed.intent,
    values: { points: typed.points, justification: typed.justification },
  };
  try {
    const input = parseForm(form, scoringForms);
    if (input.intent === "submit") {
      await submitMyScoring(db, actor, id);
      return redirect(`/arbetsyta/${id}/poang`);
    }
    const saved = await saveMyScore(db, actor, id, input);
    if (isAutosave(form)) return { saved: { version: saved.version } };
    return redirect(`/arbetsyta/${id}/poang#item-${input.itemId}`);
  } catch (error) {
    return failureWithValues(error, request, submitted, "scoring");
  }
}

type Failure = AutosaveFailure | undefined;

function EvidenceList({ items }: { items: TiedEvidence[] | undefined }) {
  const { t } = useT();
  return (
    <Details>
      <Details.Summary>{t("scoring.evidenceTitle", { count: items?.length ?? 0 })}</Details.Summary>
      <Details.Content>
        {!items?.length ? (
          <Paragraph data-size="sm">{t("scoring.noEvidence")}</Paragraph>
        ) : (
          <ul>
            {items.map((item) => (
              <li key={`${item.kind}-${item.id}`}>
                {item.kind === "interview" ? (
                  t("scoring.interview", { title: item.title })
                ) : item.kind === "note" && !item.url ? (
                  t("scoring.note", { title: item.title })
                ) : item.url ? (
                  <DsLink href={item.url}>{item.title}</DsLink>
                ) : (
                  item.title
                )}
              </li>
            ))}
          </ul>
        )}
      </Details.Content>
    </Details>
  );
}

function ItemForm({
  item,
  editable,
  failure,
  headingLevel,
  children,
}: {
  item: MyScoreItem;
  editable: boolean;
  failure: Failure;
  headingLevel: 3 | 4;
  children?: ReactNode;
}) {
  const { t, formatNumber, language } = useT();
  const { values: mine, conflict, problems } = failedSubmission(failure, `item:${item.id}`);
  const max = formatNumber(item.max);
  const labels = { points: t("scoring.pointsLabel", { max }), justification: t("scoring.justificationLabel") };
  return (
    <Card id={`item-${item.id}`} data-color="neutral" tabIndex={-1}>
      <Heading level={headingLevel} data-size="2xs">
        {t("scoring.itemHeading", { id: item.id, text: item.text })}
      </Heading>
      <Paragraph data-size="sm">{t("scoring.maxPoints", { max })}</Paragraph>
      {children}
      {editable ? (
        <AutosaveForm
          id={`save-${item.id}`}
          intent="save"
          hiddenFields={{ itemId: item.id }}
          version={item.version}
          label={t("scoring.formLabel", { id: item.id })}
          conflict={conflict}
          problems={problems}
          toFields={(current) => ({
            points: pointsForInput((current as ScoreConflict).points, language),
            justification: (current as ScoreConflict).justification,
          })}
          fieldLabels={labels}
          fieldIds={{ points: `points-${item.id}`, justification: `justification-${item.id}` }}
          headingLevel={(headingLevel + 1) as 4 | 5}
        >
          <LabelledField id={`points-${item.id}`} label={labels.points} hint={t("scoring.pointsHint")} name="points">
            {(describedBy, invalid) => (
              <Input
                id={`points-${item.id}`}
                name="points"
                inputMode="decimal"
                autoComplete="off"
                defaultValue={mine && !conflict ? mine.points : pointsForInput(item.points, language)}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                style={{ maxWidth: "12rem" }}
              />
            )}
          </LabelledField>
          <LabelledField id={`justification-${item.id}`} label={labels.justification} name="justification">
            {(describedBy, invalid) => (
              <Textarea
                id={`justification-${item.id}`}
                name="justification"
                rows={4}
                defaultValue={mine && !conflict ? mine.justification : item.justification}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </LabelledField>
        </AutosaveForm>
      ) : (
        <dl className="facts">
          <dt>{labels.points}</dt>
          <dd>{item.points === null ? t("scoring.notScored") : formatNumber(Number(item.points))}</dd>
          <dt>{labels.justification}</dt>
          <dd style={{ whiteSpace: "pre-wrap" }}>{item.justification || "–"}</dd>
        </dl>
      )}
    </Card>
  );
}

function Group({
  group,
  evidence,
  editable,
  failure,
  previous,
  beside,
  evaluationId,
}: {
  group: ScoringGroup;
  evidence: TiedEvidence[] | undefined;
  editable: boolean;
  failure: Failure;
  previous: Route.ComponentProps["loaderData"]["previous"];
  beside: AnswersBeside;
  evaluationId: number;
}) {
  const { t, formatNumber } = useT();
  const single = group.items.length === 1 && group.items[0]!.id === (group.subareaId ?? group.evidenceKey);
  const context = (
    <>
      {group.subareaId && <PreviousResult previous={previous} subareaId={group.subareaId} />}
      <EvidenceList items={evidence} />
      <MunicipalityAnswer beside={beside} itemIds={group.items.map((item) => item.id)} evaluationId={evaluationId} />
    </>
  );
  if (single) {
    return (
      <ItemForm item={group.items[0]!} editable={editable} failure={failure} headingLevel={3}>
        {context}
      </ItemForm>
    );
  }
  return (
    <div className="stack">
      <Heading level={3} data-size="xs">
        {t("scoring.itemHeading", { id: group.subareaId, text: group.question })}
      </Heading>
      {group.points !== null && (
        <Paragraph data-size="sm">
          {t("scoring.subareaPoints", {
            points: formatNumber(group.points),
            max: formatNumber(group.max),
            percent: formatNumber(group.percent),
          })}
        </Paragraph>
      )}
      {context}
      {group.items.map((item) => (
        <ItemForm key={item.id} item={item} editable={editable} failure={failure} headingLevel={4} />
      ))}
    </div>
  );
}

export default function ScoringPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, formatDate } = useT();
  const { scoring, previous, evidence, beside } = loaderData;
  const failure = actionData && "problems" in actionData ? (actionData as AutosaveFailure) : undefined;
  const problems = failure?.problems;
  const first = failure?.problems.map((p) => (p as { values?: { first?: string } }).values?.first).find(Boolean);
  const failedItem = failure?.submitted?.form.startsWith("item:") ? failure.submitted.form.slice("item:".length) : undefined;
  const fieldIds: Record<string, string> = failedItem
    ? { points: `points-${failedItem}`, justification: `justification-${failedItem}` }
    : {};
  if (first) fieldIds.items = `item-${first}`;
  const total = scoring.total;
  return (
    <div className="stack">
      <Problems problems={problems} fieldIds={fieldIds} />
      <Paragraph>{t("scoring.intro")}</Paragraph>
      <section aria-labelledby="mina-poang" className="stack">
        <Heading level={2} data-size="md" id="mina-poang">
          {t("scoring.summaryTitle")}
        </Heading>
        <Paragraph>
          <TotalPoints total={total} areas={scoring.areas} kind="own" /> ·{" "}
          {t("scoring.progress", { scored: total.scored, items: total.items })}
        </Paragraph>
        <Paragraph data-size="sm">{t("scoring.exactNote")}</Paragraph>
        {scoring.submitted && scoring.submittedAt && (
          <Alert data-color="success">
            {t("scoring.submitted", { date: formatDate(scoring.submittedAt.slice(0, 10)) })}{" "}
            <Link to={`/arbetsyta/${scoring.evaluation.id}/samsyn`}>{t("scoring.toAgreement")}</Link>
          </Alert>
        )}
        {!scoring.mayScore && !scoring.submitted && <Alert data-color="info">{t("scoring.readOnly")}</Alert>}
        <PreviousResult previous={previous} headingLevel={3} />
      </section>
      {scoring.areas.map((area) => (
        <section key={area.number} aria-labelledby={`area-${area.number}`} className="stack">
          <Heading level={2} data-size="md" id={`area-${area.number}`}>
            {t("scoring.areaHeading", { number: area.number, name: area.name })}
          </Heading>
          <Paragraph>
            <strong>
              <AreaPoints area={area} kind="own" />
            </strong>{" "}
            · {t("scoring.progress", { scored: area.scored, items: area.items })}
          </Paragraph>
          <PreviousResult previous={previous} areaNumber={area.number} />
          {area.rubricHeadings.length > 0 && (
            <div>
              <Paragraph data-size="sm">{t("scoring.rubric")}:</Paragraph>
              <ul>
                {area.rubricHeadings.map((heading) => (
                  <li key={heading}>{heading}</li>
                ))}
              </ul>
            </div>
          )}
          {area.groups.map((group) => (
            <Group
              key={group.evidenceKey}
              group={group}
              evidence={evidence[group.evidenceKey]}
              editable={scoring.mayScore}
              failure={failure}
              previous={previous}
              beside={beside}
              evaluationId={scoring.evaluation.id}
            />
          ))}
        </section>
      ))}
      {(scoring.maySubmit || scoring.submitted) && (
        <section aria-labelledby="lamna-in" className="stack form-narrow">
          <Heading level={2} data-size="md" id="lamna-in">
            {t("scoring.submitTitle")}
          </Heading>
          {scoring.maySubmit && (
            <Form method="post" className="stack">
              <CsrfField />
              <input type="hidden" name="intent" value="submit" />
              <Paragraph>{t("scoring.submitIntro")}</Paragraph>
              {scoring.missing > 0 && <Paragraph>{t("scoring.missing", { count: scoring.missing })}</Paragraph>}
              <Button type="submit">{t("scoring.submit")}</Button>
            </Form>
          )}
        </section>
      )}
    </div>
  );
}
