import type { workbench as sv } from "../sv/workbench.ts";
import type { Messages } from "../messages.ts";

/** English messages for the workspace's planning, evidence, scoring and texts pages. */
export const workbench: Messages<typeof sv> = {};
