import type { downloads as sv } from "../sv/downloads.ts";
import type { Messages } from "../messages.ts";

/** English messages for the table downloads (files people open in Excel). */
export const downloads: Messages<typeof sv> = {};
