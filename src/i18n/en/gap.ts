import type { gap as sv } from "../sv/gap.ts";
import type { Messages } from "../messages.ts";

/** English messages for the gap view: own scores beside the agreed points. */
export const gap: Messages<typeof sv> = {
  tab: "Own scores and points",
};
