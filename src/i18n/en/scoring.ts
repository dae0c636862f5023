import type { scoring as sv } from "../sv/scoring.ts";
import type { Messages } from "../messages.ts";

/** English messages of the scoring pages. */
export const scoring: Messages<typeof sv> = {};
