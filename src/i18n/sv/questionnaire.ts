/** Swedish messages for the municipality's questionnaire (självvärdering). */
export const questionnaire = {
  tab: "Självvärdering",
};
