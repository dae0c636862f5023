import { Button, Details, Heading, List, Paragraph, Table } from "@digdir/designsystemet-react";
import { Form, redirect } from "react-router";
import type { Route } from "./+types/revisions";
import { CorrectionReason } from "../../components/CorrectionReason.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { CsrfField, failureOf, Problems, readForm } from "../../forms.tsx";
import { languageFromRequest, pageTitle, useT } from "../../i18n.ts";
import type { InstrumentVersion } from "../../../src/domain/instrument.ts";
import { pointsText } from "../../../src/domain/points.ts";
import { evaluationPolicy } from "../../../src/domain/policies.ts";
import { scorableItems } from "../../../src/domain/scorable.ts";
import { localeOf } from "../../../src/i18n/index.ts";
import { loadEvaluation } from "../../../src/services/evaluations/evaluationContext.server.ts";
import { correctEvaluation, listRevisions } from "../../../src/services/evaluations/transitionEvaluation.server.ts";
import type { EvaluationSnapshot } from "../../../src/db/schema.server.ts";
import { municipalityNames } from "../../../src/services/results/queries.server.ts";
import { forEvaluation, workspaceContext } from "../../workspace.server.ts";
import { revisionsForms } from "../../evaluation-forms.server.ts";
import { parseForm } from "../../submission.ts";

type Revision = Awaited<ReturnType<typeof listRevisions>>[number];

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** A frozen revision as the report reads: per area its agreed points, texts and good examples. */
function present(r: Revision, instrument: InstrumentVersion, names: Map<string, string>, when: Intl.DateTimeFormat) {
  const snapshot: Partial<EvaluationSnapshot> = r.snapshot;
  const texts: Record<string, string> = { ...(snapshot.texts ?? {}) };
  const agreed = { ...(snapshot.agreed ?? {}) };
  const take = (key: string) => {
    const body = (texts[key] ?? "").trim();
    delete texts[key];
    return body;
  };
  const items = scorableItems(instrument);
  const areas = instrument.areas.map((area) => ({
    number: area.number,
    name: area.name,
    items: items
      .filter((item) => item.areaNumber === area.number)
      .map((item) => {
        const a = agreed[item.id];
        delete agreed[item.id];
        return { id: item.id, text: item.text, max: pointsText(item.maxPoints), points: a?.points ?? null, reason: a?.reason ?? "" };
      }),
    general: take(`area.${area.number}.general`),
    subareas: area.subareas.map((s) => ({ id: s.id, question: s.question, body: take(`subarea.${s.id}`) })).filter((s) => s.body),
    strengths: lines(take(`area.${area.number}.strengths`)),
    improvements: lines(take(`area.${area.number}.improvements`)),
    examples: (snapshot.goodExamples ?? [])
      .filter((e) => e.areaNumber === area.number)
      .map((e) => ({ municipality: names.get(e.municipalityCode) ?? e.municipalityCode, sentence: e.sentence })),
  }));
  const summaries = Object.keys(texts)
    .filter((key) => key.startsWith("summary."))
    .sort()
    .map(take)
    .filter(Boolean);
  return {
    revision: r.revision,
    reason: r.reason,
    when: when.format(new Date(snapshot.publishedAt ?? r.createdAt)),
    evaluators: snapshot.evaluators ?? [],
    summaries,
    areas,
    otherTexts: Object.entries(texts)
      .filter(([, body]) => body.trim())
      .map(([key, body]) => ({ key, body })),
    otherItems: Object.entries(agreed).map(([id, a]) => ({ id, points: a.points, reason: a.reason })),
  };
}

export function loader({ request, context }: Route.LoaderArgs) {
  return forEvaluation({ request, context }, async ({ db, actor, evaluationId: id }) => {
    const evaluation = await loadEvaluation(db, actor, id);
    const [revisions, names] = await Promise.all([listRevisions(db, actor, id), municipalityNames(db)]);
    const when = new Intl.DateTimeFormat(localeOf(languageFromRequest(request)), {
      dateStyle: "long",
      timeStyle: "short",
      timeZone: "Europe/Stockholm",
    });
    return {
      id,
      name: evaluation.municipalityName,
      year: evaluation.year,
      revision: evaluation.revision,
      version: evaluation.version,
      canCorrect: evaluationPolicy.correct(actor, evaluation.access),
      revisions: revisions.map((r) => present(r, evaluation.instrument, names, when)),
    };
  });
}

/** An administrator reopens the published evaluation for a correction, with a reason. */
export async function action({ request, context }: Route.ActionArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  const form = await readForm(request, context);
  try {
    await correctEvaluation(db, actor, id, parseForm(form, revisionsForms));
    return redirect(`/arbetsyta/${id}`);
  } catch (error) {
    return failureOf(error, request);
  }
}

export function meta({ data, matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "admin.revisions.pageTitle", { name: data?.name ?? "", year: data?.year ?? "" }) }];
}

type Presented = ReturnType<typeof present>;

function RevisionContent({ r }: { r: Presented }) {
  const { t, formatNumber } = useT();
  const key = `r${r.revision}`;
  return (
    <div className="stack">
      <dl className="facts">
        <dt>{t("admin.revisions.reason")}</dt>
        <dd>{r.reason}</dd>
        <dt>{t("admin.revisions.evaluators")}</dt>
        <dd>{r.evaluators.join("; ")}</dd>
      </dl>
      {r.summaries.length > 0 && (
        <>
          <Heading level={3} data-size="sm">
            {t("admin.revisions.summaryTexts")}
          </Heading>
          {r.summaries.map((body, i) => (
            <Paragraph key={i} style={{ whiteSpace: "pre-wrap" }}>
              {body}
            </Paragraph>
          ))}
        </>
      )}
      {r.areas.map((area) => (
        <section key={area.number} aria-labelledby={`${key}-area-${area.number}`} className="stack">
          <Heading level={3} data-size="sm" id={`${key}-area-${area.number}`}>
            {area.number}. {area.name}
          </Heading>
          <ScrollRegion label={t("admin.revisions.itemsCaption", { area: area.number })}>
            <Table data-size="sm" border>
              <caption>{t("admin.revisions.itemsCaption", { area: area.number })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("admin.revisions.item")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">
                    {t("admin.revisions.points")}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">
                    {t("admin.revisions.max")}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("admin.revisions.agreedReason")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {area.items.map((item) => (
                  <Table.Row key={item.id}>
                    <Table.HeaderCell scope="row">
                      {item.id} {item.text}
                    </Table.HeaderCell>
                    <Table.Cell className="numeric">
                      {item.points === null ? t("admin.revisions.notAgreed") : formatNumber(Number(item.points))}
                    </Table.Cell>
                    <Table.Cell className="numeric">{formatNumber(Number(item.max))}</Table.Cell>
                    <Table.Cell style={{ whiteSpace: "pre-wrap" }}>{item.reason}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
          {area.general && (
            <>
              <Heading level={4} data-size="xs">
                {t("admin.revisions.general")}
              </Heading>
              <Paragraph style={{ whiteSpace: "pre-wrap" }}>{area.general}</Paragraph>
            </>
          )}
          {area.subareas.length > 0 && (
            <>
              <Heading level={4} data-size="xs">
                {t("admin.revisions.subareaTexts")}
              </Heading>
              <dl>
                {area.subareas.map((s) => (
                  <div key={s.id}>
                    <dt>
                      <strong>
                        {s.id} {s.question}
                      </strong>
                    </dt>
                    <dd style={{ whiteSpace: "pre-wrap", marginInlineStart: 0 }}>{s.body}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
          {(["strengths", "improvements"] as const).map(
            (kind) =>
              area[kind].length > 0 && (
                <div key={kind}>
                  <Heading level={4} data-size="xs">
                    {t(`admin.revisions.${kind}`)}
                  </Heading>
                  <List.Ordered>
                    {area[kind].map((line, i) => (
                      <List.Item key={i}>{line}</List.Item>
                    ))}
                  </List.Ordered>
                </div>
              ),
          )}
          {area.examples.length > 0 && (
            <>
              <Heading level={4} data-size="xs">
                {t("admin.revisions.goodExamples")}
              </Heading>
              <List.Unordered>
                {area.examples.map((e, i) => (
                  <List.Item key={i}>
                    <strong>{e.municipality}</strong>: {e.sentence}
                  </List.Item>
                ))}
              </List.Unordered>
            </>
          )}
        </section>
      ))}
      {(r.otherItems.length > 0 || r.otherTexts.length > 0) && (
        <>
          <Heading level={3} data-size="sm">
            {t("admin.revisions.otherTexts")}
          </Heading>
          <dl>
            {r.otherItems.map((item) => (
              <div key={`item-${item.id}`}>
                <dt>
                  <strong>{item.id}</strong> ({t("admin.revisions.points")})
                </dt>
                <dd style={{ marginInlineStart: 0 }}>
                  {formatNumber(Number(item.points))} {item.reason && `– ${item.reason}`}
                </dd>
              </div>
            ))}
            {r.otherTexts.map((text) => (
              <div key={text.key}>
                <dt>
                  <strong>{text.key}</strong>
                </dt>
                <dd style={{ whiteSpace: "pre-wrap", marginInlineStart: 0 }}>{text.body}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}

export default function RevisionsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { revisions, canCorrect, version, revision } = loaderData;
  return (
    <section aria-labelledby="revisions-title" className="stack">
      <Heading level={2} data-size="md" id="revisions-title">
        {t("admin.revisions.title")}
      </Heading>
      <Paragraph>{t("admin.revisions.intro")}</Paragraph>
      {canCorrect && (
        <section aria-labelledby="correct-title" className="form-narrow stack">
          <Heading level={3} data-size="sm" id="correct-title">
            {t("admin.revisions.correctTitle")}
          </Heading>
          <Paragraph>{t("admin.revisions.correctIntro", { next: revision + 1, current: revision })}</Paragraph>
          <Form method="post" className="stack">
            <CsrfField />
            <Problems problems={actionData?.problems} fieldIds={{ reason: "reason" }} />
            <input type="hidden" name="intent" value="correct" />
            <input type="hidden" name="version" value={version} />
            <CorrectionReason
              label={t("admin.revisions.correctReason")}
              hint={t("admin.revisions.correctReasonDescription")}
              problems={actionData?.problems}
            />
            <Button type="submit">{t("admin.revisions.correctSubmit")}</Button>
          </Form>
        </section>
      )}
      {revisions.length === 0 ? (
        <Paragraph>{t("admin.revisions.none")}</Paragraph>
      ) : (
        revisions.map((r, index) => (
          <Details key={r.revision} defaultOpen={index === 0}>
            <Details.Summary>{t("admin.revisions.summary", { revision: r.revision, when: r.when })}</Details.Summary>
            <Details.Content>
              <RevisionContent r={r} />
            </Details.Content>
          </Details>
        ))
      )}
    </section>
  );
}
