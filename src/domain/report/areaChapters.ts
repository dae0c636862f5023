import type { ReportWording } from "./wording.ts";
import type { AreaFigures, ReportFigures } from "./figures.ts";
import { fill, itemsOf, paragraphsOf } from "./format.ts";
import type { ReportInput } from "./input.ts";
import type { AreaChapter, SubareaText, Table } from "./model.ts";

export const areaId = (number: number) => `omrade-${number}`;

export function areaChapters(input: ReportInput, figures: ReportFigures, w: ReportWording): AreaChapter[] {
  return input.instrument.areas.map((area): AreaChapter => {
    const figure = figures.areas.find((a) => a.number === area.number)!;
    const texts = input.texts;
    const general = paragraphsOf(texts[`area.${area.number}.general`]);
    const subareas = area.subareas
      .map(
        (subarea): SubareaText => ({
          heading: `${subarea.id} ${subarea.question}`,
          paragraphs: paragraphsOf(texts[`subarea.${subarea.id}`]),
        }),
      )
      .filter((s) => s.paragraphs.length > 0);
    const strengths = itemsOf(texts[`area.${area.number}.strengths`]);
    const improvements = itemsOf(texts[`area.${area.number}.improvements`]);
    const examples = input.goodExamples.filter((g) => g.areaNumber === area.number);
    return {
      heading: { id: areaId(area.number), number: fill(w.areas.area, { number: area.number }), title: area.name },
      number: area.number,
      rubricTable: rubricTable(area.rubricHeadings, figure, w),
      general: general.length > 0 ? { paragraphs: general } : null,
      subareas,
      strengthsTable:
        strengths.length + improvements.length > 0
          ? {
              caption: fill(w.areas.strengthsCaption, { number: area.number }),
              strengthsLabel: w.areas.strengths,
              improvementsLabel: w.areas.improvements,
              strengths,
              improvements,
            }
          : null,
      goodExamples:
        examples.length > 0
          ? { heading: w.areas.goodExamples, items: examples.map((e) => ({ municipality: e.municipality, sentence: e.sentence })) }
          : null,
    };
  });
}

/** The box at the top of each area: its rubric headings, then the area's points. */
function rubricTable(headings: readonly string[], figure: AreaFigures, w: ReportWording): Table {
  return {
    id: `${areaId(figure.number)}-rubriker`,
    caption: fill(w.areas.rubric, { number: figure.number }),
    columns: [
      { label: w.areas.rubricColumn, align: "left", numeric: false },
      { label: w.areas.pointsColumn, align: "right", numeric: true },
    ],
    rows: [
      ...headings.map((heading) => ({ cells: [{ text: heading }, { text: "" }] })),
      {
        cells: [{ text: `${figure.number}. ${figure.name}` }, { text: figure.points.text, value: figure.points.value }],
        emphasis: true,
        header: true,
      },
    ],
    notes: [],
  };
}
