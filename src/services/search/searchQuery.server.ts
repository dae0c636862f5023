import { z } from "zod";
import { MAX_QUERY_LENGTH } from "../../domain/search.ts";
import { problemsFromZod, ValidationError } from "../errors.ts";
import { controlCharacterWords, plainText } from "../../domain/text.ts";

export interface SearchQuery {
  text: string;
  area?: number;
  instrument?: string;
  /** Two-digit county code, such as "18". */
  county?: string;
  /** An SKL 2011 group code, such as "3" (also "skl-2011:3"). */
  group?: string;
  yearFrom?: number;
  yearTo?: number;
  limit?: number;
  offset?: number;
}

/** What callers may pass: numbers, or the text of a form field or URL parameter ("" = not given). */
export type SearchInput = { text?: string | null } & { [K in Exclude<keyof SearchQuery, "text">]?: SearchQuery[K] | string | null };

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** The search ranks at most 1,000 matches (RANKED_AT_MOST in searchPassages.ts): no deeper pages. */
export const MAX_OFFSET = 1_000;

/** Form and URL values arrive as text; an empty field means "not given". */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

function wholeNumber(min: number, max: number, message: string) {
  return z.preprocess((value) => {
    const given = blankToUndefined(value);
    return typeof given === "string" && /^\s*\d+\s*$/.test(given) ? Number(given) : given;
  }, z.number({ error: message }).int(message).min(min, message).max(max, message).optional());
}

function code(pattern: RegExp, message: string) {
  return z.preprocess(
    (value) => (typeof value === "string" ? blankToUndefined(value.trim()) : blankToUndefined(value)),
    z.string({ error: message }).regex(pattern, message).optional(),
  );
}

const year = () => wholeNumber(1990, 2100, "expected a year such as 2012");

const schema = z
  .object({
    text: z.preprocess(
      (value) => value ?? "",
      plainText({ error: "expected text" }, controlCharacterWords).max(MAX_QUERY_LENGTH, `at most ${MAX_QUERY_LENGTH} characters`),
    ),
    area: wholeNumber(1, 99, "expected an area number such as 3"),
    instrument: code(/^[\w.-]{1,40}$/, "expected an instrument version key such as 2010"),
    county: code(/^\d{2}$/, "expected a two-digit county code such as 18"),
    group: code(/^(skl-2011:)?\d{1,2}$/, "expected an SKL 2011 group code such as 3"),
    yearFrom: year(),
    yearTo: year(),
    limit: wholeNumber(1, MAX_LIMIT, `expected a whole number from 1 to ${MAX_LIMIT}`),
    offset: wholeNumber(0, MAX_OFFSET, `expected a whole number from 0 to ${MAX_OFFSET}`),
  })
  .refine((q) => q.yearFrom === undefined || q.yearTo === undefined || q.yearFrom <= q.yearTo, {
    path: ["yearTo"],
    message: "must not be before yearFrom",
  });

export type ValidSearchQuery = Required<Pick<SearchQuery, "text" | "limit" | "offset">> & Omit<SearchQuery, "text" | "limit" | "offset">;

/** Checks a search query; bad input throws ValidationError naming the field ("yearFrom: …"). */
export function validateSearchQuery(input: SearchInput): ValidSearchQuery {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    const problems = problemsFromZod(parsed.error.issues, { fallbackField: "query" });
    throw new ValidationError(problems.map((p) => `${p.field}: ${p.message}`).join("; "), problems);
  }
  const { group, ...rest } = parsed.data;
  return {
    ...rest,
    group: group?.replace(/^skl-2011:/, ""),
    text: parsed.data.text,
    limit: parsed.data.limit ?? DEFAULT_LIMIT,
    offset: parsed.data.offset ?? 0,
  };
}

export function unknownInstrument(key: string, known: string[]): ValidationError {
  const message = `unknown instrument version "${key}"; expected one of ${known.join(", ")}`;
  return new ValidationError(`instrument: ${message}`, [{ field: "instrument", message }]);
}
