import type { presentation as sv } from "../sv/presentation.ts";
import type { Messages } from "../messages.ts";

/** English messages for the evaluation and report pages, charts and print. */
export const presentation: Messages<typeof sv> = {};
