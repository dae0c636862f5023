import type { actionPlan as sv } from "../sv/actionPlan.ts";
import type { Messages } from "../messages.ts";

/** English messages for the municipality's action plan. */
export const actionPlan: Messages<typeof sv> = {
  tab: "Action plan",
};
