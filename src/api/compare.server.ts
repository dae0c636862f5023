import type { Db } from "../db/client.server.ts";
import { comparisonColumns, comparisonJson, comparisonRows } from "../domain/tables/compare.ts";
import { tableCells } from "../domain/tables/table.ts";
import { getComparison, slotsFromQuery } from "../services/portal/compare.server.ts";
import { downloadNames } from "./downloadNames.server.ts";

/**
 * /api/v1/compare?k1=1880&k2=0180&u2=2014:2010 — the comparison page's table: one row per area
 * number, one column of points per compared evaluation, and the totals. The service reads the
 * slots (and names a bad one), so the query is passed on as it came.
 */
export async function compareReply(db: Db, query: Record<string, string | undefined>) {
  const given = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const { compared, table } = await getComparison(db, slotsFromQuery(given), "sv");
  const json = comparisonJson(compared, table);
  return {
    json,
    table: tableCells(comparisonColumns(json.evaluations), comparisonRows(json)),
    name: `compare-${compared.map((c) => `${c.code}-${c.year}`).join("-") || "none"}`,
    download: () => downloadNames.compare(compared, query),
  };
}
