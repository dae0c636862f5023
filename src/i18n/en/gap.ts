import type { gap as sv } from "../sv/gap.ts";
import type { Messages } from "../messages.ts";

/** English messages for the gap view: own scores beside the agreed points. */
export const gap: Messages<typeof sv> = {
  tab: "Own scores and points",
  title: "Own scores against the agreed points",
  intro:
    "The municipality's own scores from its self-assessment beside the points the evaluators agreed on in the published evaluation. The difference is own score minus agreed points: plus means the municipality rated itself higher than the evaluators did.",
  exactNote: "The difference is worked out on exact points and rounded (halves up) only when shown, to at most two decimals.",
  incompleteNote:
    "Incomplete: the municipality did not give an own score on every question of the area or sub-area, so no comparison is made there.",
  otherScaleNote: "Other scale: the questions' own scores do not run to the same maximum as the points, so no difference is worked out.",
  areasCaption: "Own scores and agreed points by area, {{municipality}} {{year}}",
  subareasCaption: "Own scores and agreed points by sub-area, {{municipality}} {{year}}",
  areaLabel: "{{number}}. {{name}}",
  subareaLabel: "{{id}} {{name}}",
  column: {
    area: "Area",
    subarea: "Sub-area",
    own: "Own score",
    agreed: "Agreed points",
    difference: "Difference",
    max: "Max",
  },
  short: { own: "Own", agreed: "Agreed", difference: "Diff." },
  incomplete: "incomplete",
  otherScale: "other scale",
  ownOf: "{{points}} of {{max}}",
  chart: {
    title: "Own scores and agreed points by area, {{municipality}} {{year}}",
    description: "Paired bars by area, the municipality's own score and the agreed points: {{list}}.",
    pair: "{{area}}: own score {{own}}, agreed points {{agreed}}",
    ownSeries: "Own score",
    agreedSeries: "Agreed points",
    table: "The chart's figures",
  },
  publication: {
    heading: "Show the comparison to everyone",
    private: "The comparison is private: only the municipality and the evaluators see it.",
    public: "The comparison is published: it is shown with the evaluation on the public pages.",
    publishHint: "The municipality decides whether everyone may see the comparison. The choice can be changed.",
    publish: "Publish the comparison",
    unpublish: "Make the comparison private again",
    conflictLabel: "Publication of the comparison",
    state: { published: "Published", private: "Private" },
    done: { published: "The comparison is published.", private: "The comparison is private again." },
  },
  public: {
    heading: "The municipality's own scores",
    intro:
      "The municipality has chosen to show its own scores from its self-assessment beside the points the evaluators agreed on. The difference is own score minus agreed points.",
  },
  beside: {
    summary: "The municipality's answer",
    summaryCount: "The municipality's answers ({{count}})",
    summaryScore: "The municipality's answer · Own score {{points}} of {{max}}",
    ownScore: "Own score {{points}} of {{max}}",
    noOwnScore: "No own score",
    notAnswered: "Not answered.",
    notHandedIn: "The self-assessment has not been handed in yet: the answers may change.",
    handedIn: "Handed in {{date}}.",
    documents: "Documents",
    links: "Links",
    question: "Question {{id}}: {{text}}",
  },
  problem: {
    expected_boolean: "Choose whether the comparison is published or private.",
  },
};
