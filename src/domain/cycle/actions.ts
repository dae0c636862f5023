/**
 * The municipality's action plan: actions answering a published evaluation's improvement
 * opportunities (or the municipality's own). Pure rules shared by services, pages and renderers.
 */
export const ACTION_STATUSES = ["planned", "in_progress", "done", "cancelled"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const isActionStatus = (value: string): value is ActionStatus => (ACTION_STATUSES as readonly string[]).includes(value);

/** Still to be done: planned or in progress. */
export const isOpenAction = (status: ActionStatus) => status === "planned" || status === "in_progress";

/** An open action whose due date (a calendar day, "2026-05-31") is before today. */
export function isOverdue(action: { status: ActionStatus; dueDate: string | null }, today: string): boolean {
  return isOpenAction(action.status) && action.dueDate !== null && action.dueDate < today;
}
