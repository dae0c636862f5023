import { z } from "zod";
import type { InstrumentVersion } from "../domain/instrument.ts";
import { maxTotal } from "../domain/instrument.ts";
import { pointsNumber } from "../domain/points.ts";
import { instrumentKey } from "../domain/tables/table.ts";

export const instrumentSummarySchema = z.strictObject({
  key: instrumentKey,
  name: z.string(),
  description: z.string().nullable(),
  maxPoints: z.number(),
  areaCount: z.int(),
  subareaCount: z.int(),
});

export const instrumentSchema = instrumentSummarySchema.extend({
  areas: z.array(
    z.strictObject({
      number: z.int(),
      name: z.string(),
      role: z.string().nullable(),
      rubricHeadings: z.array(z.string()),
      maxPoints: z.number(),
      subareas: z.array(
        z.strictObject({
          id: z.string().meta({ example: "1.2" }),
          question: z.string(),
          maxPoints: z.number(),
          questions: z.array(z.strictObject({ id: z.string(), text: z.string(), maxPoints: z.number().nullable() })),
        }),
      ),
    }),
  ),
});

type Summary = z.infer<typeof instrumentSummarySchema>;
type Detail = z.infer<typeof instrumentSchema>;

/** An instrument version; with `detail`, its areas, sub-areas and questions. */
export function instrumentJson(instrument: InstrumentVersion, detail: false): Summary;
export function instrumentJson(instrument: InstrumentVersion, detail: true): Detail;
export function instrumentJson(instrument: InstrumentVersion, detail: boolean): Summary | Detail {
  const summary: Summary = {
    key: instrument.key,
    name: instrument.name,
    description: instrument.description,
    maxPoints: pointsNumber(maxTotal(instrument)),
    areaCount: instrument.areas.length,
    subareaCount: instrument.areas.reduce((n, a) => n + a.subareas.length, 0),
  };
  if (!detail) return summary;
  return {
    ...summary,
    areas: instrument.areas.map((area) => ({
      number: area.number,
      name: area.name,
      role: area.role,
      rubricHeadings: area.rubricHeadings,
      maxPoints: pointsNumber(area.maxPoints),
      subareas: area.subareas.map((s) => ({
        id: s.id,
        question: s.question,
        maxPoints: pointsNumber(s.maxPoints),
        questions: s.questions.map((q) => ({ id: q.id, text: q.text, maxPoints: q.maxPoints === null ? null : pointsNumber(q.maxPoints) })),
      })),
    })),
  };
}
