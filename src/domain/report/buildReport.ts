import type { ReportWording } from "./wording.ts";
import { areaChapters } from "./areaChapters.ts";
import { reportFigures } from "./figures.ts";
import { reportFileStem } from "../paths.ts";
import { fill } from "./format.ts";
import type { ReportInput } from "./input.ts";
import { followupSection, followupSheet } from "./followupSection.ts";
import type { AboutSection, ContentsEntry, Heading, ReportModel } from "./model.ts";
import { keyFactsSection, overviewSection, workbookSheets } from "./overviewSection.ts";
import { summarySection } from "./summarySection.ts";

/**
 * The analysis report of one evaluation as plain data, in the order of the published
 * reports: cover, contents, 1 about, 2 summary, 3 one chapter per area, 4 points overview,
 * 5 key facts. When the team followed up the previous evaluation's improvement opportunities,
 * "Sedan förra utvärderingen" is chapter 3, right after the summary that compares the points
 * with the previous evaluation and before the areas that name the new opportunities; the
 * chapters after it move up one number. Pure: the same input gives the same model, and every
 * figure is made here.
 */
export function buildReport(input: ReportInput, w: ReportWording): ReportModel {
  const municipality = fill(w.municipality, { name: input.municipality.name });
  const figures = reportFigures(input.instrument, input.figures);
  const summary = summarySection(input, figures, municipality, w);
  const followup = followupSection(input, municipality, w);
  const areas = areaChapters(input, figures, w);
  const about = aboutSection(input, w);
  // With the follow-up as chapter 3, the areas, overview and key facts come one number later.
  const after = followup ? 1 : 0;
  const overview = renumbered(overviewSection(input, figures, municipality, w), 4 + after);
  const built = keyFactsSection(input, municipality, w);
  const keyFacts = built ? renumbered(built, 5 + after) : null;
  const areasHeading = { id: "omraden", number: String(3 + after), title: fill(w.areas.title, { count: input.instrument.areas.length }) };

  const contents: ContentsEntry[] = [
    { ...about.heading, level: 1 },
    { ...summary.heading, level: 1 },
    ...(followup ? [{ ...followup.heading, level: 1 as const }] : []),
    { ...areasHeading, level: 1 },
    ...areas.map((a): ContentsEntry => ({ ...a.heading, level: 2 })),
    { ...overview.heading, level: 1 },
    ...(keyFacts ? [{ ...keyFacts.heading, level: 1 as const }] : []),
  ];

  return {
    language: "sv",
    title: fill(w.title, { municipality, year: input.year }),
    draft: input.draft,
    draftLabel: w.draft,
    fileStem: reportFileStem(input.municipality.name, input.year),
    subject: fill(w.subject, { municipality, year: input.year }),
    author: input.evaluators.length > 0 ? input.evaluators.join("; ") : w.author,
    cover: {
      title: w.coverTitle,
      subtitle: fill(w.coverSubtitle, { municipality }),
      municipality,
      year: input.year,
      evaluators: input.evaluators,
      evaluatorsLabel: w.evaluators,
      date: input.date,
      dateText: input.date ?? String(input.year),
      instrument: fill(w.instrument, { instrument: input.instrument.key }),
      publisher: w.publisher,
    },
    contentsHeading: w.contents,
    contents,
    about,
    summary,
    followup,
    areasHeading,
    areas,
    overview,
    keyFacts,
    pageLabel: w.page,
    pageOfLabel: w.pageOf,
    workbook: { ...workbookSheets(input, figures, w), followup: followupSheet(input, w) },
  };
}

const renumbered = <T extends { heading: Heading }>(section: T, number: number): T => ({
  ...section,
  heading: { ...section.heading, number: String(number) },
});

function aboutSection(input: ReportInput, w: ReportWording): AboutSection {
  const a = w.about;
  return {
    heading: { id: "om-kommunkompassen", number: "1", title: a.title },
    paragraphs: [...a.paragraphs],
    lists: [
      { after: 1, items: [...a.parts] },
      { after: 2, items: [...a.sources] },
      { after: 4, items: input.instrument.areas.map((area) => area.name) },
    ],
  };
}
