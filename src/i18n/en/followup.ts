import type { followup as sv } from "../sv/followup.ts";
import type { Messages } from "../messages.ts";

/** English messages for the follow-up of the previous evaluation. */
export const followup: Messages<typeof sv> = {
  tab: "Follow-up",
};
