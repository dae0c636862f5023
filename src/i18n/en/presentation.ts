import type { presentation as sv } from "../sv/presentation.ts";
import type { Messages } from "../messages.ts";

/** English messages for the evaluation and report pages, charts and print. */
export const presentation: Messages<typeof sv> = {
  profile: {
    averaged:
      "The average is made of the {{count}} latest evaluations of other municipalities with version {{instrument}} before this one: {{list}}. Averages are shown with one decimal.",
    tooFew_one:
      "The profile is shown without an average. Before this one there was only one evaluation of another municipality with version {{instrument}} and points per area ({{list}}), and an average is shown only when there are at least {{min}}.",
    tooFew_other:
      "The profile is shown without an average. Before this one there were only {{count}} evaluations of other municipalities with version {{instrument}} and points per area ({{list}}), and an average is shown only when there are at least {{min}}.",
    none: "The profile is shown without an average: before this one there is no evaluation of another municipality with version {{instrument}} and points per area.",
  },
  reportComparison: {
    averaged:
      "The profile chart compares {{name}} with the average of the {{count}} latest evaluations of other municipalities with version {{instrument}} of Kommunkompassen, made before this evaluation.",
    tooFew_one:
      "The profile chart shows {{name}} without an average: before this evaluation there was only one evaluation of another municipality with version {{instrument}}, and an average is shown only when there are at least {{min}}.",
    tooFew_other:
      "The profile chart shows {{name}} without an average: before this evaluation there were only {{count}} evaluations of other municipalities with version {{instrument}}, and an average is shown only when there are at least {{min}}.",
    none: "The profile chart shows {{name}} without an average: before this evaluation there is no evaluation of another municipality with version {{instrument}}.",
    published: "This is the published comparison, which takes up to {{default}} evaluations.",
    chosen:
      "You are showing another comparison than the published one: up to {{compare}} evaluations (the published one takes up to {{default}}).",
  },
  source: "Source:",
  print: {
    footer: "Printed from {{url}} on {{date}}",
    fullReport: "The sub-areas' texts and the full analysis report: {{url}}",
  },
};
