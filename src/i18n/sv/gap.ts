/** Swedish messages for the gap view: own scores beside the agreed points. */
export const gap = {
  tab: "Egen bedömning mot poäng",
};
