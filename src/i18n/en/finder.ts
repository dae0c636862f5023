import type { finder as sv } from "../sv/finder.ts";
import type { Messages } from "../messages.ts";

/** English messages for finding a municipality: search, type-ahead, suggestions. */
export const finder: Messages<typeof sv> = {};
