/** Swedish messages for the administrator's questionnaire page. */
export const questionnaireAdmin = {
  tab: "Självvärderingsfrågor",
};
