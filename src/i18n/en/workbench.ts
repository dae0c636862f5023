import type { workbench as sv } from "../sv/workbench.ts";
import type { Messages } from "../messages.ts";

/** English messages for the workspace's planning, evidence, scoring and texts pages. */
export const workbench: Messages<typeof sv> = {
  handIn: {
    openTitle: "Hand-in is open",
    open: "You can hand in documents and links until the visit is over. Hand-in closes when the evaluators move on to scoring after the visit, which ends on {{date}}.",
    openNoVisit:
      "You can hand in documents and links until the visit is over. Hand-in closes when the evaluators move on to scoring after the visit; the visit's dates have not been set yet.",
    closedTitle: "Hand-in is closed",
    closedOn:
      "Hand-in closed on {{date}}, when the evaluation moved on from the visit to scoring. The evaluation is now at the step {{status}}. You can still see what was handed in.",
    closedAfterVisit:
      "Hand-in closed after the visit, which ended on {{date}}, when the evaluation moved on to scoring. The evaluation is now at the step {{status}}. You can still see what was handed in.",
    closed:
      "Hand-in closed when the evaluation moved on from the visit to scoring. The evaluation is now at the step {{status}}. You can still see what was handed in.",
    ask: "Questions about the evidence? Contact the evaluators:",
    introClosed: "Here you see the documents and links that you and the evaluators have handed in.",
  },
  points: {
    none: { agreed: "no agreed points yet", own: "no points yet" },
    areaPreliminary: "{{text}}, preliminary",
    preliminary: {
      agreed: "preliminary: {{complete}} of {{areas}} areas agreed",
      own: "preliminary: {{complete}} of {{areas}} areas scored",
    },
  },
  texts: {
    indexTitle: "Areas",
    summary: "Summary",
    general: "General text",
    written: "{{label}}: done",
    missing: "{{label}}: missing",
    subareas: "Sub-areas: {{written}} of {{count}} written",
    label: "{{field}}, area {{number}} {{name}}",
    agreedPoints: "Agreed points:",
    toIndex: "Back to the overview of the areas",
    exampleFieldArea: ", good example in area {{number}} {{name}}",
  },
  disable: {
    question: "Disable {{name}}?",
    consequence:
      "They can no longer sign in, and are signed out everywhere at once. The account ({{email}}) stays and can be enabled again. Disabling it is logged.",
    confirm: "Yes, disable {{name}}",
    cancel: "Cancel",
    close: "Close the dialog",
  },
};
