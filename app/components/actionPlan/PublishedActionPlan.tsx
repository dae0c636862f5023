import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useT } from "../../i18n.ts";
import { ActionDetails, type ActionView } from "./ActionDetails.tsx";
import { ImprovementGroups } from "./ImprovementGroups.tsx";
import { type PlanDownload, PlanDownloads } from "./PlanDownloads.tsx";

export interface PublishedActionPlanProps {
  /** publishedActionPlan(db, evaluationId, today) (src/services/actionPlan/publish.server.ts); nothing is shown for null. */
  plan: {
    improvements: { areaNumber: number; index: number; text: string; areaName: string; actions: ActionView[] }[];
    own: ActionView[];
  } | null;
  /** The plan's files (handlingsplan-orebro-2012.xlsx …), when the page offers them. */
  downloads?: readonly PlanDownload[];
  /** The section's heading level on the page (its areas one below, and so on). */
  level?: 2 | 3;
  /** The section heading's id (the page's contents may link to it). */
  id?: string;
}

/**
 * The municipality's published action plan on the public evaluation page, read-only: per area
 * each improvement opportunity with its actions (status in words, overdue ones marked), then the
 * municipality's own actions. Each action has the id the search links to (atgard-<id>).
 */
export function PublishedActionPlan({ plan, downloads = [], level = 2, id = "handlingsplan" }: PublishedActionPlanProps) {
  const { t } = useT();
  if (!plan) return null;
  const below = (level + 1) as 3 | 4;
  return (
    <section aria-labelledby={id} className="stack published-action-plan">
      <Heading level={level} data-size="md" id={id}>
        {t("actionPlan.public.title")}
      </Heading>
      <Paragraph>{t("actionPlan.public.intro")}</Paragraph>
      <PlanDownloads downloads={downloads} />
      <ImprovementGroups
        improvements={plan.improvements}
        level={below}
        action={(a, l) => <ActionDetails key={a.id} action={a} level={l} />}
      />
      {plan.own.length > 0 && (
        <section aria-labelledby={`${id}-egna`} className="stack">
          <Heading level={below} data-size="sm" id={`${id}-egna`}>
            {t("actionPlan.own.title")}
          </Heading>
          {plan.own.map((a) => (
            <ActionDetails key={a.id} action={a} level={(below + 1) as 4 | 5} showImprovement />
          ))}
        </section>
      )}
    </section>
  );
}
