import type { reminders as sv } from "../sv/reminders.ts";
import type { Messages } from "../messages.ts";

/** English messages for reminder e-mails. */
export const reminders: Messages<typeof sv> = {
  tab: "Reminders",
};
