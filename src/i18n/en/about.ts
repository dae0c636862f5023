import type { about as sv } from "../sv/about.ts";
import type { Messages } from "../messages.ts";

/** English messages for the Om Kommunkompassen and Öppna data pages, page descriptions. */
export const about: Messages<typeof sv> = {
  seo: {
    default: "Kommunkompassen evaluates how Sweden's municipalities are led and governed, in eight areas of 100 points each.",
    imageAlt: "Kommunkompassen – evaluations of how municipalities are led and governed",
    home: "Published evaluations of how municipalities are led and governed: the latest results, the highest scores and good examples from Kommunkompassen.",
    results:
      "Every published result of Kommunkompassen, latest first, with the total and the points per area of each evaluated municipality.",
    rankings:
      "Municipalities ranked by total points within one version of Kommunkompassen, filtered by county, municipality group and year.",
    rankingsOf:
      "Municipalities ranked by total points, {{instrument}}: each municipality's latest result, filtered by county, municipality group and year.",
    municipalities:
      "Sweden's 290 municipalities with county and municipality group, and how often each has been evaluated with Kommunkompassen.",
    municipality:
      "{{name}} in Kommunkompassen: every published result over time ({{count}}), the points per area and the source of each result.",
    evaluation:
      "The evaluation of {{name}} {{year}} ({{instrument}}): total, points per area, comparison with other municipalities, and source.",
    report: "The analysis report on {{name}} {{year}}: summary, points and text per area, strengths and improvement opportunities.",
    compare: "Compare the Kommunkompassen results of two to six municipalities side by side, area by area and in total.",
    trend: "How the municipalities' results in Kommunkompassen have changed over time, within each version of the instrument.",
    search:
      "Search the texts of the published evaluations: strengths, improvement opportunities and good examples from other municipalities.",
    about:
      "What Kommunkompassen is, how an evaluation is made, the instrument's versions and areas, how the points are counted and where the figures come from.",
    openData:
      "Kommunkompassen's open data: results, rankings and municipalities as JSON, CSV and Excel through an open API, under the CC BY 4.0 licence.",
    signIn: "Sign-in for evaluators, municipalities' contact persons and administrators of Kommunkompassen.",
  },
  page: {
    title: "About Kommunkompassen",
    lead: "Kommunkompassen is a tool for evaluating how a municipality is led and governed. It does not measure how good its schools or care are, but how the municipality works: how politicians and administration steer and follow up, inform and treat residents, and develop their services.",
    contents: "Contents",
    what: {
      title: "What Kommunkompassen is",
      origin:
        "The tool was made in Norway in the mid-1990s by the University of Oslo together with Åbo Akademi and KS, the Norwegian municipalities' association, from the criteria of the Bertelsmann Foundation's prize for the best-run municipality. The Swedish Association of Local Authorities and Regions (SKR, formerly SKL) has used it since 2002, and it is also used in Norway and Denmark.",
      scope:
        "An evaluation looks at the interplay between the political system, the municipality's services to residents, the municipality as a workplace and the development of the local community. The result is both points and a description in words of what the municipality does well and what it can improve.",
      use: "Municipalities use the evaluation in their improvement work. Many are evaluated again after two to four years to see whether the improvements have worked.",
    },
    how: {
      title: "Who evaluates, and how",
      intro:
        "An evaluation is usually made by two evaluators, one from SKR and one from another municipality, sometimes by three. It goes like this:",
      documents: "The municipality answers an extensive set of questions and sends its governing documents, plans and follow-ups.",
      reading: "The evaluators read the documents and go through the municipality's website, intranet and social media.",
      interviews:
        "During a visit of about two days they interview 25–40 people in groups: politicians, senior officials, union representatives and sometimes staff of the municipality's companies.",
      agreement: "The evaluators score and agree on a common assessment of every sub-area before the report is written.",
      report:
        "The result is a report with points and text for every area, the municipality's strengths and improvement opportunities, and references to municipalities that are good examples. The report usually comes six to eight weeks after the visit and is also presented in person.",
    },
    versions: {
      title: "The instrument's versions",
      intro:
        "The instrument is revised now and then, so every evaluation belongs to one version of it. Here are the versions with their areas, as entered in Kommunkompassen (their names are Swedish).",
      size: "{{areas}} areas, at most {{max}} points.",
      results_one: "{{count}} published result here ({{years}}).",
      results_other: "{{count}} published results here ({{years}}).",
      noResults: "No published results here yet.",
      areasLabel: "Areas of {{name}}",
      subareas_one: "{{count}} sub-area",
      subareas_other: "{{count}} sub-areas",
      role: "role",
    },
    points: {
      title: "How the points work",
      areas: "Each area gives at most {{perArea}} points, and the {{count}} areas together at most {{total}}.",
      subareas:
        "An area consists of sub-areas with maximum points of their own, which add up to the area's {{perArea}}. Several questions are assessed in each sub-area, and the points are added up from the questions upwards.",
      rounding:
        "Points are shown as whole numbers but counted with decimals. An area's points are the sum of its sub-areas' unrounded points, rounded, and the total is counted the same way. So a published total is not always the sum of the rounded area points.",
      published:
        "Kommunkompassen shows the figures as they were published. Where only sub-area or area points exist, the area points and the total are derived from them; such values are in italics and marked as derived. Where a published figure differs from the derived one, both are shown, and the published one applies.",
    },
    comparing: {
      title: "Why versions are not compared area by area",
      example:
        "Between versions, areas have changed names and content. Area {{number}}, for example, is “{{first}}” in {{firstVersion}} but “{{last}}” in {{lastVersion}}. So the points of an area number do not measure the same thing in different versions.",
      general:
        "Between versions, areas have changed names and content, so the points of an area number do not measure the same thing in different versions.",
      totals:
        "Totals too are only safely comparable within one version. The rankings therefore rank within one version at a time, and when a municipality's previous result is of another version no change in points is shown. Comparisons across versions can be made but are clearly marked.",
    },
    sources: {
      title: "Where the figures come from",
      count_one: "There is {{count}} published result here from {{municipalities}} municipalities, {{years}}.",
      count_other: "There are {{count}} published results here from {{municipalities}} municipalities, {{years}}.",
      levels: "Of these, {{subarea}} have points per sub-area, {{area}} points per area and {{total}} only a total.",
      each: "Every result names its source, such as the municipality's website, a press release or an analysis report. The source is shown with the result on the municipality's page and in the open data.",
      demo: "This installation shows a demo. Örebro's evaluation of 2012 is the demo's complete example, with points per sub-area and report text from SKL's analysis of Örebro municipality 2012; Örebro's result of 2010 comes from table 1 of the same report and the result of 2015 from the municipality's press release. The other results are real published results with their sources. The workspace's evaluation of Övningsköping 2026 is a practice case for trying the workflow: Övningsköping is a made-up municipality, and its points, texts and questionnaire answers are written for the demo. A practice case cannot be published and is never shown among the results. Likewise, the action plan Örebro's contact sees for 2012 is a practice example, not Örebro's plan, and it is not published.",
      none: "No results have been published yet.",
      listTitle: "Municipalities with published results",
    },
    further: {
      title: "More to explore",
      rankings: "Rankings by total within each version",
      trend: "Trends over time",
      compare: "Compare municipalities side by side",
      search: "Search strengths, improvement opportunities and good examples",
      openData: "Open data: every figure as JSON, CSV and Excel",
    },
  },
  openData: {
    title: "Open data",
    lead: "Everything shown on Kommunkompassen's pages is also open data: results, rankings, municipalities and the instrument's versions. You need neither an account nor a key.",
    licenceTitle: "Licence",
    licence: "The data may be used freely, commercially too, under the {{licence}} licence. Name the source: {{attribution}}.",
    licenceLink: "The licence text of {{licence}} (Creative Commons)",
    apiTitle: "The API",
    api: "Every address starts with {{base}}. The API takes GET requests only and answers in JSON unless asked otherwise. Every field and parameter is described in the OpenAPI document.",
    openapi: "The OpenAPI description of the API (JSON)",
    resourcesTitle: "Resources",
    resourcesIntro: "The API's resources, with examples you can open directly:",
    formatsLabel: "Formats",
    parametersLabel: "Parameters",
    exampleLabel: "Example",
    noParameters: "none",
    required: "{{name}} (required)",
    formatsTitle: "Formats",
    json: "JSON is the default.",
    csv: "Tables are also available as CSV: add .csv after the path or send Accept: text/csv. The file is comma-separated and encoded in UTF-8.",
    xlsx: "Tables are also available as Excel: add .xlsx after the path.",
    pages: "Every table on the public pages links to its CSV, Excel and JSON form with the page's filters.",
    errors:
      "Errors answer with a problem document (RFC 9457) that names every bad parameter. A parameter the resource does not have is refused, so that a typo is not silently ignored.",
    examplesTitle: "Examples",
    curlTitle: "With curl",
    excelTitle: "In Excel",
    excel:
      "Choose Data › Get Data › From Web, paste the address below and choose Load. Excel fetches the table and can update it later with Refresh All.",
    rTitle: "In R",
    pythonTitle: "In Python",
    codeLabel: "Example: {{title}}",
    limitsTitle: "Limits",
    limits:
      "Each address may make at most {{count}} requests a minute to the API. Whoever reaches the limit gets the answer 429 with Retry-After, which says how many seconds until the next request is accepted.",
    catalogTitle: "Metadata for the data portal",
    catalog:
      "The datasets are described in DCAT-AP-SE, so that Sweden's data portal (dataportal.se) can harvest the description. The catalogue is JSON-LD, and RDF/XML for whoever asks for it with Accept: application/rdf+xml.",
    catalogLink: "The catalogue in DCAT-AP-SE (JSON-LD)",
    resources: {
      listInstruments: "The instrument's versions",
      getInstrument: "One version with its areas, sub-areas and questions",
      listMunicipalities: "Sweden's municipalities with county and municipality groups",
      listMunicipalityResults: "One municipality's results, oldest first",
      listResults: "Results, filtered by version, year or municipality group",
      getRankings: "Municipalities ranked by total within one version",
      getAverages: "Average points per area of the most recently evaluated municipalities",
      compare: "Two to six municipalities side by side",
      search: "Search in the texts of the published evaluations",
    },
  },
  catalog: {
    title: "Kommunkompassen open data",
    description:
      "Published results of Kommunkompassen, SKR's tool for evaluating how municipalities are led and governed: results per municipality and year, rankings, municipalities and the instrument's versions.",
    keywords: "municipalities, governance, leadership, evaluation, quality, Kommunkompassen",
    distribution: "{{dataset}} ({{format}})",
    distributionOfVersion: "{{dataset}}, {{version}} ({{format}})",
    datasets: {
      resultat: {
        title: "Kommunkompassen results",
        description:
          "Every published result: municipality, year, instrument version, total and points per area as published (or derived and marked as derived), with its source.",
      },
      rankning: {
        title: "Kommunkompassen rankings",
        description:
          "The municipalities' latest results ranked by total, one ranking per version of the instrument, with the change since the previous result.",
      },
      kommuner: {
        title: "Municipalities with county and group",
        description: "Sweden's 290 municipalities with municipality code, county and municipality group in SKL's grouping of 2011.",
      },
      instrument: {
        title: "Kommunkompassen instrument versions",
        description: "The instrument's versions with their areas, sub-areas, questions and maximum points.",
      },
    },
    service: {
      title: "Kommunkompassen open data API",
      description: "An open API that answers in JSON, and with tables also as CSV and Excel. Described in OpenAPI 3.1.",
    },
  },
};
