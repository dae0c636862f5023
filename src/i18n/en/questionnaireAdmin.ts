import type { questionnaireAdmin as sv } from "../sv/questionnaireAdmin.ts";
import type { Messages } from "../messages.ts";

/** English messages for the administrator's questionnaire page. */
export const questionnaireAdmin: Messages<typeof sv> = {
  tab: "Questionnaire items",
};
