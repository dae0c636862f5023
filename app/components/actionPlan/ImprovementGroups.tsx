import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useT } from "../../i18n.ts";

interface Improvement<A> {
  areaNumber: number;
  index: number;
  text: string;
  areaName: string;
  actions: A[];
}

/**
 * The improvement opportunities by area, each with its actions: an area's heading at `level`,
 * each opportunity's one level below, and the actions (drawn by `action`, a level further down)
 * under it; `after` adds what follows an opportunity's actions (the form to add one).
 */
export function ImprovementGroups<A extends { id: number }>({
  improvements,
  level,
  action,
  after,
}: {
  improvements: Improvement<A>[];
  level: 3 | 4;
  action: (action: A, level: 5 | 6) => ReactNode;
  after?: (improvement: Improvement<A>) => ReactNode;
}) {
  const { t } = useT();
  const areas = [...new Map(improvements.map((i) => [i.areaNumber, i.areaName])).entries()];
  const sub = (level + 1) as 4 | 5;
  return areas.map(([number, name]) => (
    <section key={number} aria-labelledby={`handlingsplan-omrade-${number}`} className="stack action-area">
      <Heading level={level} data-size="sm" id={`handlingsplan-omrade-${number}`}>
        {t("actionPlan.public.areaTitle", { number, name })}
      </Heading>
      {improvements
        .filter((i) => i.areaNumber === number)
        .map((i) => (
          <section key={i.index} aria-labelledby={`handlingsplan-${number}-${i.index}`} className="stack action-improvement">
            <Heading level={sub} data-size="xs" id={`handlingsplan-${number}-${i.index}`}>
              <span className="action-improvement-label">{t("actionPlan.improvement")}: </span>
              {i.text}
            </Heading>
            {i.actions.length === 0 ? (
              <Paragraph>{t("actionPlan.noActions")}</Paragraph>
            ) : (
              i.actions.map((a) => action(a, (sub + 1) as 5 | 6))
            )}
            {after?.(i)}
          </section>
        ))}
    </section>
  ));
}
