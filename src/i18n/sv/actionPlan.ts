/** Swedish messages for the municipality's action plan. */
export const actionPlan = {
  tab: "Handlingsplan",
};
