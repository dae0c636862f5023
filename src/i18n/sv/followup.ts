/** Swedish messages for the follow-up of the previous evaluation. */
export const followup = {
  tab: "Uppföljning",
};
