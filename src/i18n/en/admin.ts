import type { admin as sv } from "../sv/admin.ts";
import type { Messages } from "../messages.ts";

/** English messages of the admin pages. */
export const admin: Messages<typeof sv> = {};
