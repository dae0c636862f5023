import type { trend as sv } from "../sv/trend.ts";
import type { Messages } from "../messages.ts";

/** English messages for the trend view (several municipalities over time). */
export const trend: Messages<typeof sv> = {
  title: "Development over time",
  intro:
    "Follow up to six municipalities' results over time: the total or one area's points. The time axis follows the dates, and each version of the instrument has its period.",
  form: "Choices for the development",
  chosen: "Chosen municipalities",
  noneChosen: "No municipality is chosen yet.",
  removeLabel: "Remove {{name}}",
  remove: "Remove",
  add: "Add a municipality",
  addHint: "The municipalities with published results.",
  addEmpty: "Choose a municipality",
  full: "Six municipalities are chosen, the most there can be. Remove one to add another.",
  measure: "Measure",
  measureHint: "An area can only be followed within one version: the areas' numbers mean different things in different versions.",
  total: "Total points (all versions)",
  version: "{{key}} version",
  areaOption: "{{number}}. {{name}}",
  show: "Show",
  chooseFirst: "Choose one or more municipalities to see their development.",
  resultHeading: "The development",
  titleTotal: "Total points over time: {{list}}",
  titleArea: "Area {{number}}, {{name}} ({{version}}): {{list}}",
  count_one: "{{count}} figure is shown.",
  count_other: "{{count}} figures are shown.",
  noFigures: "{{name}} has no points for this measure.",
  noneHaveFigures: "None of the chosen municipalities has points for this measure.",
  chart: {
    periodShort: "Version {{key}}",
    periodDetail: "average {{average}} of {{count}}",
    periodTooFew: "{{count}}, no average",
    averageName: "Average of the version",
    averageSeries_one: "Average, {{period}} ({{count}} evaluation)",
    averageSeries_other: "Average, {{period}} ({{count}} evaluations)",
    tooFew: "too few for an average",
    line: "{{name}}: {{figures}}",
    description: "Line chart with one line per municipality and a time axis by date. {{lines}}. {{averages}}.",
    series: "Series",
    date: "Date in the chart",
    value: "Points",
  },
  notes: {
    dates:
      "The time axis follows the dates: a result with a known date stands at its date, a result without a known date in the middle of its year (1 July).",
    periods:
      "The shaded periods show when each version was in use: from the first to the last year in which any municipality has a result with it.",
    totals:
      "Totals of different versions cannot be compared area by area, as the areas partly differ in content. The lines are therefore broken where the version changes.",
    average_one:
      "The average of the {{period}} is {{average}} points, of the only evaluation with the version that has points for the measure (all municipalities, all years).",
    average_other:
      "The average of the {{period}} is {{average}} points, of all {{count}} evaluations with the version that have points for the measure (all municipalities, all years).",
    tooFew_zero: "{{period}}: no evaluation has points for the measure, so no average is shown.",
    tooFew_one:
      "{{period}}: only {{count}} evaluation has points for the measure. That is too few for an average (at least {{min}} are needed), so no average is shown.",
    tooFew_other:
      "{{period}}: only {{count}} evaluations have points for the measure. That is too few for an average (at least {{min}} are needed), so no average is shown.",
  },
  table: {
    caption: "Figures and sources: {{title}}",
    label: "the development's figures",
    evaluationLink: "{{name}} {{year}}",
    noDate: "unknown",
    noSource: "no source given",
  },
  errorsTitle: "The development could not be shown",
  problem: {
    code: "“{{value}}” is not a municipality code. Choose the municipality in the list.",
    unknownMunicipality: "There is no municipality with the code {{value}}.",
    tooMany: "At most six municipalities can be shown at once, but {{value}} are chosen.",
    measure: "The measure “{{value}}” does not exist. Choose a measure in the list.",
    unknownMeasure: "The measure “{{value}}” does not exist. Choose a measure in the list.",
  },
  links: {
    municipality: "Compare the development of {{name}} with other municipalities",
    compare: "Follow the chosen municipalities over time",
  },
};
