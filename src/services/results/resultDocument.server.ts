import { z } from "zod";
import { isDecimalText, points, type Points } from "../../domain/points.ts";
import { controlCharacterWords, plainText } from "../../domain/text.ts";

/** A figure: a JSON number or a decimal text ("15.51"); never NaN, never a comma decimal. */
const decimal = z.union([z.number(), z.string()]).transform((value, ctx): Points => {
  const text = typeof value === "number" ? String(value) : value.trim();
  if (typeof value === "number" ? !Number.isFinite(value) : !isDecimalText(text)) {
    ctx.addIssue({ code: "custom", message: `expected a decimal number with a point, such as 15.51; got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return points(value);
});

/** The import format of one result (docs/import-formats.md). */
export const resultDocumentSchema = z
  .object({
    municipality: z
      .string({ error: 'expected the four-digit municipality code as a string, such as "1880"' })
      .regex(/^\d{4}$/, 'expected a four-digit municipality code, such as "1880"'),
    instrument: z
      .string({ error: 'expected an instrument version key, such as "2010"' })
      .min(1, 'expected an instrument version key, such as "2010"'),
    year: z
      .number({ error: "expected the year of the evaluation as a number, such as 2012" })
      .int("expected a whole year")
      .min(1990, "expected a year from 1990 on")
      .max(2100, "expected a year before 2100"),
    date: z.iso.date({ error: "expected a date as YYYY-MM-DD" }).nullish(),
    total: decimal.nullish(),
    areas: z.record(z.string().regex(/^[1-9]\d*$/, 'expected an area number such as "3" as key'), decimal).optional(),
    subareas: z.record(z.string().regex(/^[1-9]\d*\.[1-9]\d*$/, 'expected a sub-area id such as "1.4" as key'), decimal).optional(),
    source: plainText(undefined, controlCharacterWords).max(2000).nullish(),
  })
  .strict();

export type ResultDocument = z.output<typeof resultDocumentSchema>;
