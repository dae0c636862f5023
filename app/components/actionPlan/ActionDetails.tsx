import { Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useT } from "../../i18n.ts";
import { type ActionStatus, actionAnchor, type ShownAction } from "../../../src/domain/cycle/actions.ts";

/** What an action shows, in the workspace and on the public page alike. */
export interface ActionView extends ShownAction {
  id: number;
  improvementText: string | null;
  notes: { id: number; notedOn: string; body: string }[];
}

const STATUS_COLORS: Record<ActionStatus, "neutral" | "info" | "success"> = {
  planned: "neutral",
  in_progress: "info",
  done: "success",
  cancelled: "neutral",
};

/** The action's status, and "Försenad" beside it when it is past its due date: in words, not only in colour. */
export function StatusTags({ status, overdue }: { status: ActionStatus; overdue: boolean }) {
  const { t } = useT();
  return (
    <span className="action-tags">
      <Tag data-color={STATUS_COLORS[status]} data-size="sm">
        {t(`actionPlan.status.${status}`)}
      </Tag>
      {overdue && (
        <Tag data-color="danger" data-size="sm">
          {t("actionPlan.overdueTag")}
        </Tag>
      )}
    </span>
  );
}

/**
 * One action, read-only: its title (a heading at `level`, the card's anchor for links and the
 * search), status, owner, dates, description, links and dated notes. `showImprovement` names the
 * improvement opportunity it answered where the page does not group it under one; `children`
 * are the forms of those who may change it.
 */
export function ActionDetails({
  action,
  level,
  showImprovement = false,
  children,
}: {
  action: ActionView;
  level: 3 | 4 | 5 | 6;
  showImprovement?: boolean;
  children?: ReactNode;
}) {
  const { t, formatDate } = useT();
  const anchor = actionAnchor(action.id);
  const period = [
    action.startDate ? t("actionPlan.facts.from", { date: formatDate(action.startDate) }) : "",
    action.dueDate ? t("actionPlan.facts.until", { date: formatDate(action.dueDate) }) : "",
  ].filter(Boolean);
  return (
    <article
      id={anchor}
      aria-labelledby={`${anchor}-title`}
      className={`action-card stack${action.overdue ? " action-card--overdue" : ""}`}
    >
      <Heading level={level} data-size="xs" id={`${anchor}-title`}>
        {action.title}
      </Heading>
      <StatusTags status={action.status} overdue={action.overdue} />
      {showImprovement && action.improvementText && (
        <Paragraph data-size="sm">{t("actionPlan.own.answered", { text: action.improvementText })}</Paragraph>
      )}
      {(action.owner || period.length > 0) && (
        <dl className="action-facts">
          {action.owner && (
            <div>
              <dt>{t("actionPlan.facts.owner")}</dt>
              <dd>{action.owner}</dd>
            </div>
          )}
          {period.length > 0 && (
            <div>
              <dt>{t("actionPlan.facts.period")}</dt>
              <dd>{period.join(", ")}</dd>
            </div>
          )}
        </dl>
      )}
      {action.description && <Paragraph className="action-text">{action.description}</Paragraph>}
      {action.linkList.length > 0 && (
        <div>
          <Paragraph data-size="sm">
            <strong>{t("actionPlan.facts.links")}</strong>
          </Paragraph>
          <ul className="action-links">
            {action.linkList.map((link) => (
              <li key={link}>
                <a href={link} rel="noopener noreferrer nofollow">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {action.notes.length > 0 && (
        <div>
          <Paragraph data-size="sm">
            <strong>{t("actionPlan.facts.notes")}</strong>
          </Paragraph>
          <ul className="action-notes">
            {action.notes.map((note) => (
              <li key={note.id}>
                <time dateTime={note.notedOn}>{formatDate(note.notedOn)}</time>: <span className="action-text">{note.body}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {children}
    </article>
  );
}
