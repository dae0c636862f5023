import type { about as sv } from "../sv/about.ts";
import type { Messages } from "../messages.ts";

/** English messages for the Om Kommunkompassen and Öppna data pages, page descriptions. */
export const about: Messages<typeof sv> = {};
