import { Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import type { EvaluationTexts } from "../../src/services/portal/evaluationPage.server.ts";
import { useT } from "../i18n.ts";

/**
 * The evaluators' texts of a published evaluation. Every paragraph and list item carries the
 * anchor the search index links to, so a search hit lands on the paragraph it came from. The
 * texts, area names and questions are Swedish whatever the page's language (lang="sv"). In print
 * the sub-areas' texts are left out for a line with the full report's address (`reportUrl`), so
 * the page stays a few sheets (docs/portal.md).
 */
export function EvaluationTextsSection({
  texts,
  areas,
  reportUrl,
}: {
  texts: EvaluationTexts;
  areas: { number: number; name: string }[];
  reportUrl?: string | null;
}) {
  const { t } = useT();
  const nameOf = (n: number) => areas.find((a) => a.number === n)?.name ?? "";
  return (
    <section aria-labelledby="bedomning" className="evaluation-texts">
      <Heading level={2} data-size="md" id="bedomning">
        {t("pages.evaluation.textsTitle")}
      </Heading>
      {texts.evaluators.length > 0 && <Paragraph>{t("pages.evaluation.evaluators", { names: texts.evaluators.join(", ") })}</Paragraph>}
      {reportUrl && <Paragraph className="print-only">{t("presentation.print.fullReport", { url: reportUrl })}</Paragraph>}
      <div className="evaluation-texts__body">
        {texts.summary.length > 0 && (
          <section aria-labelledby="bedomning-sammanfattning">
            <Heading level={3} data-size="sm" id="bedomning-sammanfattning">
              {t("pages.evaluation.summary")}
            </Heading>
            {texts.summary.map((p) => (
              <Paragraph key={p.anchor} id={p.anchor} lang="sv">
                {p.text}
              </Paragraph>
            ))}
          </section>
        )}
        {texts.areas.map((area) => (
          <AreaTexts key={area.number} area={area} name={nameOf(area.number)} />
        ))}
      </div>
    </section>
  );
}

function AreaTexts({ area, name }: { area: EvaluationTexts["areas"][number]; name: string }) {
  const { t } = useT();
  return (
    <section aria-labelledby={`bedomning-${area.number}`}>
      <Heading level={3} data-size="sm" id={`bedomning-${area.number}`}>
        {area.number}. <span lang="sv">{name}</span>
      </Heading>
      {area.general.map((p) => (
        <Paragraph key={p.anchor} id={p.anchor} lang="sv">
          {p.text}
        </Paragraph>
      ))}
      {area.subareas.map((s) => (
        <div key={s.id} className="subarea-texts" lang="sv">
          <Heading level={4} data-size="xs">
            {s.id} {s.question}
          </Heading>
          {s.paragraphs.map((p) => (
            <Paragraph key={p.anchor} id={p.anchor}>
              {p.text}
            </Paragraph>
          ))}
        </div>
      ))}
      {(area.strengths.length > 0 || area.improvements.length > 0) && (
        <div className="strengths-grid">
          <ItemList heading={t("pages.evaluation.strengths")} items={area.strengths} />
          <ItemList heading={t("pages.evaluation.improvements")} items={area.improvements} />
        </div>
      )}
      {area.goodExamples.length > 0 && (
        <>
          <Heading level={4} data-size="xs">
            {t("pages.evaluation.goodExamples")}
          </Heading>
          <ul>
            {area.goodExamples.map((g) => (
              <li key={g.anchor} id={g.anchor}>
                <Link href={g.path}>{g.municipality}</Link>: <span lang="sv">{g.text}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ItemList({ heading, items }: { heading: string; items: { anchor: string; text: string }[] }) {
  if (items.length === 0) return <div />;
  return (
    <div>
      <Heading level={4} data-size="xs">
        {heading}
      </Heading>
      <ul lang="sv">
        {items.map((item) => (
          <li key={item.anchor} id={item.anchor}>
            {item.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
