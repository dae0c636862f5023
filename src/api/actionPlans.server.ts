import { z } from "zod";
import { ACTION_STATUSES, swedishDay } from "../domain/cycle/actions.ts";
import { publishedActionColumns, publishedActionSchema } from "../domain/tables/actionPlans.ts";
import { tableCells } from "../domain/tables/table.ts";
import { listPublishedActions } from "../services/actionPlan/publish.server.ts";
import { route } from "./route.server.ts";

/** The actions of the action plans municipalities have published (issue 13), declared as routes.server.ts declares the others. */
export const actionPlansRoute = route({
  path: "/action-plans",
  operationId: "listActionPlanActions",
  summary: "Actions of the published action plans",
  description:
    "Every action of every action plan a municipality has published after a published evaluation: by municipality (Swedish order), year, " +
    "then overdue first and by due date. `overdue` is judged on today's Swedish calendar day. A plan the municipality keeps private is not listed.",
  query: z.object({
    municipality: z
      .string()
      .regex(/^\d{4}$/, "expected a four-digit municipality code, such as 1880")
      .meta({ description: "Four-digit municipality code (SCB).", example: "1880" })
      .optional(),
    status: z
      .enum(ACTION_STATUSES, { error: `expected one of ${ACTION_STATUSES.join(", ")}` })
      .meta({ description: `Only actions with this status: ${ACTION_STATUSES.join(", ")}.`, example: "in_progress" })
      .optional(),
  }),
  response: z.array(publishedActionSchema),
  table: { columns: publishedActionColumns },
  handle: async (db, { query }) => {
    const actions = await listPublishedActions(db, query, swedishDay(new Date()));
    return { json: actions, table: tableCells(publishedActionColumns, actions), name: "action-plans" };
  },
});
