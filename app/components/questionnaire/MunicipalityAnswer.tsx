import { Details, Link as DsLink, Paragraph } from "@digdir/designsystemet-react";
import { useId } from "react";
import type { AnswersBeside, MunicipalityAnswer as Answer } from "../../../src/services/questionnaire/beside.server.ts";
import { useT } from "../../i18n.ts";

export interface MunicipalityAnswerProps {
  /** From municipalityAnswersBeside(). */
  beside: AnswersBeside;
  /** The scorable items shown together (a sub-area's questions): their answers, each once. */
  itemIds: readonly string[];
  evaluationId: number;
}

/** The answers that go beside these items, each questionnaire item once, in questionnaire order. */
function answersFor(beside: AnswersBeside, itemIds: readonly string[]): Answer[] {
  const seen = new Set<string>();
  return itemIds
    .flatMap((id) => beside.items[id] ?? [])
    .filter((answer) => {
      if (seen.has(answer.itemId)) return false;
      seen.add(answer.itemId);
      return true;
    });
}

// Only web addresses become links: anything else typed there is shown as text.
const isWebAddress = (text: string) => /^https?:\/\/\S+$/i.test(text);

function AnswerBody({ answer, evaluationId }: { answer: Answer; evaluationId: number }) {
  const { t, formatNumber } = useT();
  const documentsId = useId();
  const linksId = useId();
  return (
    <div className="municipality-answer-item">
      <Paragraph data-size="sm">
        <strong>{t("gap.beside.question", { id: answer.itemId, text: answer.question })}</strong>
      </Paragraph>
      {answer.answered ? (
        <Paragraph className="municipality-answer-text">{answer.answer}</Paragraph>
      ) : (
        <Paragraph data-size="sm">{t("gap.beside.notAnswered")}</Paragraph>
      )}
      {answer.max !== null && (
        <Paragraph data-size="sm">
          {answer.ownScore === null
            ? t("gap.beside.noOwnScore")
            : t("gap.beside.ownScore", { points: formatNumber(Number(answer.ownScore)), max: formatNumber(Number(answer.max)) })}
        </Paragraph>
      )}
      {answer.documents.length > 0 && (
        <>
          <Paragraph data-size="sm" id={documentsId}>
            {t("gap.beside.documents")}
          </Paragraph>
          <ul aria-labelledby={documentsId}>
            {answer.documents.map((d) => (
              <li key={d.evidenceId}>
                <DsLink href={`/arbetsyta/${evaluationId}/underlag/${d.evidenceId}/fil`}>{d.title}</DsLink>
              </li>
            ))}
          </ul>
        </>
      )}
      {answer.links.length > 0 && (
        <>
          <Paragraph data-size="sm" id={linksId}>
            {t("gap.beside.links")}
          </Paragraph>
          <ul aria-labelledby={linksId}>
            {answer.links.map((link, i) => (
              <li key={i}>{isWebAddress(link) ? <DsLink href={link}>{link}</DsLink> : link}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * The municipality's questionnaire answers beside the evaluators' scoring of the same items,
 * folded away so that the scoring stays compact (and readable on a tablet during interviews).
 * Nothing when the municipality was sent no questionnaire or no question maps to these items.
 */
export function MunicipalityAnswer({ beside, itemIds, evaluationId }: MunicipalityAnswerProps) {
  const { t, formatNumber, formatDate } = useT();
  if (!beside.sent) return null;
  const answers = answersFor(beside, itemIds);
  if (answers.length === 0) return null;
  const only = answers.length === 1 ? answers[0]! : null;
  const summary = !only
    ? t("gap.beside.summaryCount", { count: answers.length })
    : only.ownScore !== null && only.max !== null
      ? t("gap.beside.summaryScore", { points: formatNumber(Number(only.ownScore)), max: formatNumber(Number(only.max)) })
      : t("gap.beside.summary");
  return (
    <Details className="municipality-answer">
      <Details.Summary>{summary}</Details.Summary>
      <Details.Content>
        <Paragraph data-size="sm">
          {beside.handedIn && beside.handedInAt
            ? t("gap.beside.handedIn", { date: formatDate(beside.handedInAt.slice(0, 10)) })
            : t("gap.beside.notHandedIn")}
        </Paragraph>
        {answers.map((answer) => (
          <AnswerBody key={answer.itemId} answer={answer} evaluationId={evaluationId} />
        ))}
      </Details.Content>
    </Details>
  );
}
