import type { Problem } from "../../../src/services/errors.ts";
import type { ActionFields } from "../../../src/services/actionPlan/actions.server.ts";

/** A refused form of the action plan page: which form, what was typed, the problems, and someone else's save. */
export interface ActionPlanFailure {
  form: string;
  values: Record<string, string>;
  problems: Problem[];
  conflict?: { current: ActionFields | { published: boolean }; currentVersion: number };
}

/** The fields of an action form, in the order the conflict choice lists them. */
export const ACTION_FIELDS = ["title", "description", "owner", "startDate", "dueDate", "status", "links"] as const;
export const NOTE_FIELDS = ["body", "notedOn"] as const;

/** The publish toggle's place on the page (its section's id). */
export const PUBLISH_ANCHOR = "publicering";
