import type { sv } from "./sv.ts";
import type { Messages } from "./messages.ts";
import { admin } from "./en/admin.ts";
import { evidence } from "./en/evidence.ts";
import { scoring } from "./en/scoring.ts";
import { auth, forms, problem, status, workspace } from "./en/workspace.ts";
import { pages } from "./en/pages.ts";
import { report } from "./en/report.ts";
import { writing } from "./en/writing.ts";
import { portal } from "./en/portal.ts";
import { about } from "./en/about.ts";
import { downloads } from "./en/downloads.ts";
import { finder } from "./en/finder.ts";
import { trend } from "./en/trend.ts";
import { presentation } from "./en/presentation.ts";
import { layout } from "./en/layout.ts";
import { workbench } from "./en/workbench.ts";
import { questionnaire } from "./en/questionnaire.ts";
import { questionnaireAdmin } from "./en/questionnaireAdmin.ts";
import { gap } from "./en/gap.ts";
import { actionPlan } from "./en/actionPlan.ts";
import { reminders } from "./en/reminders.ts";
import { followup } from "./en/followup.ts";

/** English messages: the second language, same keys as Swedish. */
export const en: Messages<typeof sv> = {
  forms,
  problem,
  auth,
  status,
  workspace,
  evidence,
  scoring,
  writing,
  portal,
  report,
  pages,
  admin,
  about,
  downloads,
  finder,
  trend,
  presentation,
  layout,
  workbench,
  questionnaire,
  questionnaireAdmin,
  gap,
  actionPlan,
  reminders,
  followup,
  app: {
    name: "Kommunkompassen",
    tagline: "Evaluations of how municipalities are led and governed",
    skipToContent: "Skip to content",
    mainNav: "Main menu",
    accountNav: "Account and language",
    menu: "Menu",
    language: "På svenska",
    footer: "Open data and API",
  },
  nav: {
    results: "Results",
    municipalities: "Municipalities",
    compare: "Compare",
    trend: "Trends",
    search: "Search",
    about: "About",
    api: "Open data",
  },
  pager: { previous: "Previous page", next: "Next page" },
  home: {
    title: "Published results",
    intro:
      "Kommunkompassen evaluates how a municipality is led and governed in eight areas, with 100 points per area and 800 points in all. All published results are listed here.",
    count_one: "{{count}} published result",
    count_other: "{{count}} published results",
    empty: "No results have been published yet.",
    filterInstrument: "Instrument version",
    allInstruments: "All versions",
    filter: "Show",
    caption: "Published results, latest first",
    pages: "Pages of results",
    pageStatus: "Page {{page}} of {{pages}}: results {{from}}–{{to}}",
  },
  municipalities: {
    title: "Municipalities",
    intro: "Sweden's 290 municipalities with county and municipality group. Choose one to see its results over time.",
    caption: "Municipalities with county and municipality group",
    evaluated_one: "{{count}} evaluation",
    evaluated_other: "{{count}} evaluations",
    notEvaluated: "Not evaluated",
  },
  municipality: {
    title: "{{name}}",
    facts: "Facts",
    code: "Municipality code",
    county: "County",
    group: "Municipality group ({{grouping}})",
    resultsTitle: "Results over time",
    noResults: "{{name}} has no published results.",
    instrumentCaption: "Points per area, {{instrument}}",
    areaColumn: "Area",
    totalRow: "Total",
    derived: "derived",
    derivedNote: "Values in italics are derived from the sub-area points; the others are as published.",
    notKnown: "not known",
    reportLink: "Analysis report {{year}}",
    comparabilityNote: "Results are only safely comparable within one version of the instrument.",
    source: "Source",
    sources: "Sources",
    warnings: "Inconsistencies",
    notFound: "There is no municipality with the code {{code}}.",
  },
  table: {
    municipality: "Municipality",
    county: "County",
    group: "Municipality group",
    year: "Year",
    date: "Date",
    instrument: "Version",
    level: "Level of detail",
    total: "Total points",
    rank: "Rank",
    results: "Evaluations",
  },
  level: { subarea: "Sub-areas", area: "Areas", total: "Total only" },
  warning: {
    total_differs_from_derived:
      "The published total {{published}} differs from the derived sum {{derived}}. Both are shown; the published one stands.",
    area_differs_from_subareas: "Area {{area}}: the published {{published}} points differ from the sum of its sub-areas, {{derived}}.",
    subareas_incomplete: "Area {{area}}: points are missing for sub-area {{missing}}.",
    areas_incomplete: "Points are missing for area {{missing}}.",
  },
  error: {
    title: "Something went wrong",
    notFoundTitle: "Page not found",
    notFound: "The page you are looking for does not exist. Check the address or go to the start page.",
    generic: "An unexpected error occurred. Please try again in a while.",
    home: "To the start page",
    back: "Back",
    refusal: {
      badUrl: { title: "The address cannot be read", text: "The address contains characters that no page here uses. Check the link." },
      method: { title: "Method not supported", text: "The page cannot take this kind of request." },
      crossSite: {
        title: "The form came from another website",
        text: "For security, only forms from Kommunkompassen's own pages are accepted. Nothing was saved. Go back and send the form again from the page.",
      },
      contentType: { title: "Content not supported", text: "The page only takes forms as a browser sends them. Nothing was saved." },
      tooLarge: { title: "The form is too large", text: "The form held more than the page accepts. Nothing was saved." },
      fileTooLarge: { title: "The file is too large", text: "A file may be at most {{mb}} MB. Nothing was saved." },
      badBody: {
        title: "The form could not be read",
        text: "The form arrived incomplete or damaged. Nothing was saved. Please try again.",
      },
      rateLimited: {
        title: "Too many requests",
        text: "You have made many requests in a short time. Wait a while and try again (in {{seconds}} seconds).",
      },
      unavailable: {
        title: "The service is temporarily unavailable",
        text: "Kommunkompassen cannot reach its database right now. Nothing has been lost. Please try again in a while.",
      },
      error: { title: "Something went wrong", text: "An unexpected error occurred. Please try again in a while." },
    },
  },
};
