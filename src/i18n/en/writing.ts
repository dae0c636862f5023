import type { writing as sv } from "../sv/writing.ts";
import type { Messages } from "../messages.ts";

/** English messages of the writing pages. */
export const writing: Messages<typeof sv> = {};
