import type { layout as sv } from "../sv/layout.ts";
import type { Messages } from "../messages.ts";

/** English messages for tables and filters on phones. */
export const layout: Messages<typeof sv> = {};
