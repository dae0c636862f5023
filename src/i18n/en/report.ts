import type { report as sv } from "../sv/report.ts";
import type { Messages } from "../messages.ts";

export const report: Messages<typeof sv> = {
  tab: "Report",
  title: "Report: {{name}} {{year}}",
  pageTitle: "Kommunkompassen – analysis of {{name}} {{year}}",
  intro:
    "The analysis report for {{name}} {{year}}, with points, texts and charts. It is also available as PDF, Word and Excel. The report itself is in Swedish.",
  draftNote: "This is a draft: the evaluation has not been published. Every page of the files is marked Utkast (draft).",
  correctionNote: "A correction is in progress. The published version stands until the correction is published.",
  downloads: "Download",
  formats: {
    pdf: "PDF",
    docx: "Word",
    xlsx: "Excel",
  },
  formatHints: {
    pdf: "Accessible PDF for reading and printing",
    docx: "Editable, for reusing the text",
    xlsx: "Points per sub-area and area",
  },
  download: "{{format}}: {{name}}",
  making: "Making the {{format}} file … This can take a few seconds.",
  ready: "The {{format}} file is ready and being downloaded.",
  failed: "The {{format}} file could not be made. {{message}}",
  options: "Show the report",
  edition: "Version",
  editions: {
    published: "The published version",
    current: "The working version (draft)",
  },
  compare: "Compare the profile with the latest evaluations",
  compareHint:
    "Number of evaluations with the same version made before this one, {{min}}–{{max}}. The published report compares with {{default}}. Only the evaluators and the administrator see this choice.",
  show: "Show",
  open: "Show the report",
  openHint: "The report as a web page, with links to PDF, Word and Excel.",
  pdfBusy: "Many PDF files are being made right now. Please try again in a moment.",
  pdfUnavailable:
    "PDF cannot be made here because the Chromium browser is missing on the server. Install it with “apt-get install chromium” (Debian and Ubuntu) or give its path in KOMPASS_CHROMIUM. Word and Excel still work.",
  publicLink: "Report",
  keyFacts: {
    heading: "Key facts about the municipality",
    intro: "Key facts appear in section 5 of the report together with the municipality group. Fields left empty are left out.",
    population: "Population",
    populationChange: "Population increase or decrease",
    populationChangeHint: "A whole number, such as 1661 or -200.",
    populationChangePeriod: "Period of the population change",
    populationChangePeriodHint: "Such as 2010–2011.",
    employees: "Monthly-paid employees",
    rulingParties: "Ruling parties",
    rulingPartiesHint: "Such as S, KD och C.",
    save: "Save key facts",
    saved: "The key facts are saved.",
    readOnly: "Only the evaluators can change the key facts, before the evaluation is published.",
    none: "No key facts have been entered.",
  },
  problem: {
    compare_invalid: "The number of evaluations to compare with must be a whole number from {{min}} to {{max}}.",
    edition_invalid: "There is no edition “{{word}}” of the report: choose publicerad or arbete.",
    whole_number_expected: "Write a whole number, such as 137121.",
    number_out_of_range: "The number is implausibly large or small.",
    text_too_long: "The text is too long.",
    version_invalid: "The page is too old to save from. Reload it and try again.",
  },
};
