import { Paragraph } from "@digdir/designsystemet-react";
import { useT } from "../../i18n.ts";
import { pointsForInput } from "../points.ts";
import { documentHref, type PageDocument, type PageEntry } from "./model.ts";

/**
 * One item's answer to read: the team's view (also during interviews, on a tablet) and the
 * municipality's after hand-in. Evaluators see the same beside their scoring.
 */
export function AnswerView({
  entry,
  documents,
  evaluationId,
}: {
  entry: PageEntry;
  documents: readonly PageDocument[];
  evaluationId: number;
}) {
  const { t, language } = useT();
  const { item, answer } = entry;
  const byId = new Map(documents.map((d) => [d.id, d]));
  const hasText = !!answer && answer.answer.trim() !== "";
  return (
    <>
      <dl className="facts questionnaire-answer">
        <dt>{t("questionnaire.answerLabel")}</dt>
        <dd className="questionnaire-answer-text">{hasText ? answer!.answer : t("questionnaire.notAnswered")}</dd>
        {item.maxPoints !== null && (
          <>
            <dt>{t("questionnaire.ownScoreLabel")}</dt>
            <dd>
              {answer?.ownScore
                ? `${pointsForInput(answer.ownScore, language)} / ${pointsForInput(item.maxPoints, language)}`
                : t("questionnaire.ownScoreNone")}
            </dd>
          </>
        )}
        {!!answer?.links.length && (
          <>
            <dt>{t("questionnaire.linksLabel")}</dt>
            <dd>
              <ul>
                {answer.links.map((link) => (
                  <li key={link}>
                    <a href={link} rel="noopener noreferrer">
                      {link}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {!!answer?.documents.length && (
          <>
            <dt>{t("questionnaire.documentsLabel")}</dt>
            <dd>
              <ul>
                {answer.documents.map((d) => {
                  const document = byId.get(d.id);
                  return <li key={d.id}>{document ? <a href={documentHref(evaluationId, document)}>{d.title}</a> : d.title}</li>;
                })}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {answer?.updatedBy && <Paragraph data-size="xs">{t("questionnaire.lastSaved", { name: answer.updatedBy.name })}</Paragraph>}
    </>
  );
}
