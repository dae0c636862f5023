import type { trend as sv } from "../sv/trend.ts";
import type { Messages } from "../messages.ts";

/** English messages for the trend view (several municipalities over time). */
export const trend: Messages<typeof sv> = {};
