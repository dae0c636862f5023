import { z } from "zod";
import type { Db } from "../db/client.server.ts";
import { searchColumns, type SearchResult } from "../domain/tables/search.ts";
import { tableCells } from "../domain/tables/table.ts";
import { ValidationError } from "../services/errors.ts";
import { searchPassages } from "../services/search/searchPassages.server.ts";
import { downloadNames } from "./downloadNames.server.ts";

/**
 * The query parameters of /api/v1/search. They are read as text here and the service checks
 * their values (its messages are the search page's too), so the patterns here only describe.
 */
const text = (description: string, example: string) => z.string().optional().meta({ description, example });
export const searchParameters = z.object({
  q: text("The words to search for (at most 200 characters); an empty q gives no hits.", "medborgardialog"),
  area: text("Only this area (1–8).", "1"),
  instrument: text("Instrument version key, such as 2010.", "2010"),
  county: text("Two-digit county code, such as 18.", "18"),
  group: text("Municipality group number in SKL's 2011 grouping, 1–10.", "3"),
  yearFrom: text("Only evaluations from this year on (YYYY).", "2010"),
  yearTo: text("Only evaluations up to this year (YYYY); not before yearFrom.", "2015"),
  limit: text("At most this many hits (1–100, default 20).", "20"),
  offset: text("Skip this many hits (0–1000, default 0).", "0"),
});

/** The service calls the search text `text`; the API calls it `q`, as search boxes do. */
export async function searchReply(db: Db, q: z.output<typeof searchParameters>) {
  const { q: words, ...filters } = q;
  let result: SearchResult;
  try {
    result = await searchPassages(db, { text: words, ...filters });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const problems = error.problems.map((p) => (p.field === "text" ? { ...p, field: "q" } : p));
    throw new ValidationError(error.message, problems);
  }
  return { json: result, table: tableCells(searchColumns, result.hits), name: "search", download: () => downloadNames.search(db, q) };
}
