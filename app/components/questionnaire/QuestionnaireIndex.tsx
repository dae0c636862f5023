import { Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useT } from "../../i18n.ts";
import { areaAnchor, INDEX_ANCHOR, type PageQuestionnaire } from "./model.ts";

/**
 * The areas of the questionnaire, each a link with "12 av 45 besvarade", and the total: the top
 * of the page for those who answer and the index the team uses during interviews.
 */
export function QuestionnaireIndex({ q }: { q: Pick<PageQuestionnaire, "areas" | "progress"> }) {
  const { t } = useT();
  const byArea = new Map(q.progress.areas.map((a) => [a.areaNumber, a]));
  return (
    <nav aria-labelledby={INDEX_ANCHOR} className="questionnaire-index">
      <Heading level={2} data-size="xs" id={INDEX_ANCHOR}>
        {t("questionnaire.areaIndex")}
      </Heading>
      <Paragraph data-size="sm">
        <strong>{t("questionnaire.progressTotal", { answered: q.progress.answered, total: q.progress.total })}</strong>
      </Paragraph>
      <ul>
        {q.areas.map((area) => {
          const progress = byArea.get(area.number);
          const done = !!progress && progress.answered === progress.total;
          return (
            <li key={area.number}>
              <a href={`#${areaAnchor(area.number)}`}>{t("questionnaire.areaTitle", { number: area.number, name: area.name })}</a>{" "}
              <Tag data-size="sm" data-color={done ? "success" : "neutral"}>
                {t("questionnaire.progress", { answered: progress?.answered ?? 0, total: progress?.total ?? 0 })}
              </Tag>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
