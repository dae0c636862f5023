import { Paragraph } from "@digdir/designsystemet-react";
import type { FollowupAction } from "../../../src/services/followup/getFollowup.server.ts";
import { useT } from "../../i18n.ts";

/**
 * The municipality's actions, one line each: title, status, due date (overdue ones marked) and
 * how many progress notes it has. A list, not a table, so that it reads on a phone. Titles are
 * the municipality's own words, in Swedish (lang="sv").
 */
export function FollowupActions({
  actions,
  empty,
}: {
  actions: readonly (FollowupAction & { areaNumber?: number | null })[];
  empty?: string;
}) {
  const { t, formatDate } = useT();
  if (actions.length === 0) return empty ? <Paragraph data-size="sm">{empty}</Paragraph> : null;
  return (
    <ul className="followup-actions">
      {actions.map((action) => (
        <li key={action.id}>
          <span lang="sv">{action.title}</span>
          {" – "}
          <span className={`followup-status followup-status--${action.status}`}>{t(`followup.status.${action.status}`)}</span>
          {action.areaNumber != null && <>, {t("followup.actionArea", { number: action.areaNumber })}</>}
          {action.dueDate && <>, {t("followup.due", { date: formatDate(action.dueDate) })}</>}
          {action.overdue && (
            <>
              {" "}
              <strong className="followup-overdue">({t("followup.overdue")})</strong>
            </>
          )}
          {action.notes > 0 && <>, {t("followup.notes", { count: action.notes })}</>}
        </li>
      ))}
    </ul>
  );
}
