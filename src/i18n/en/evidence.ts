import type { evidence as sv } from "../sv/evidence.ts";
import type { Messages } from "../messages.ts";

/** English messages of the evidence pages. */
export const evidence: Messages<typeof sv> = {};
