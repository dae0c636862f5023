import { z } from "zod";
import type { Db } from "../db/client.server.ts";
import { ValidationError } from "../services/errors.ts";
import { searchPassages, type SearchResult } from "../services/search/searchPassages.server.ts";
import type { Table } from "./representations.server.ts";

/** The query parameters of /api/v1/search; the service checks their values. */
export const searchParameters = {
  q: z.string().optional(),
  area: z.string().optional(),
  instrument: z.string().optional(),
  county: z.string().optional(),
  group: z.string().optional(),
  yearFrom: z.string().optional(),
  yearTo: z.string().optional(),
  limit: z.string().optional(),
  offset: z.string().optional(),
};

/** The service calls the search text `text`; the API calls it `q`, as search boxes do. */
export async function searchReply(db: Db, q: { [K in keyof typeof searchParameters]?: string }) {
  const { q: text, ...filters } = q;
  let result: SearchResult;
  try {
    result = await searchPassages(db, { text, ...filters });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const problems = error.problems.map((p) => (p.field === "text" ? { ...p, field: "q" } : p));
    throw new ValidationError(error.message, problems);
  }
  return { json: result, table: searchTable(result), name: "search" };
}

export function searchTable(result: SearchResult): Table {
  return {
    columns: ["municipality", "name", "year", "instrument", "area", "kind", "text", "link", "rank"],
    rows: result.hits.map((hit) => [
      hit.municipality.code,
      hit.municipality.name,
      hit.year,
      hit.instrument,
      hit.area?.number ?? null,
      hit.kind,
      hit.snippet.map((s) => s.text).join(""),
      hit.link,
      hit.rank,
    ]),
  };
}
