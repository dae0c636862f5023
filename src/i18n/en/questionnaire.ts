import type { questionnaire as sv } from "../sv/questionnaire.ts";
import type { Messages } from "../messages.ts";

/** English messages for the municipality's questionnaire (självvärdering). */
export const questionnaire: Messages<typeof sv> = {
  tab: "Questionnaire",
};
