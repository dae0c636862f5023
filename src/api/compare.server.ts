import type { Db } from "../db/client.server.ts";
import { getComparison, slotsFromQuery } from "../services/portal/compare.server.ts";
import type { Table } from "./representations.server.ts";

/**
 * /api/v1/compare?k1=1880&k2=0180&u2=2014:2010 — the comparison page's table: one row per area
 * number, one column of points per compared evaluation, and the totals.
 */
export async function compareReply(db: Db, query: URLSearchParams): Promise<{ json: unknown; table: Table; name: string }> {
  const comparison = await getComparison(db, slotsFromQuery(query), "sv");
  const { compared, table } = comparison;
  const json = {
    mixedVersions: table.mixed,
    evaluations: compared.map((c) => ({ municipality: c.code, name: c.name, year: c.year, instrument: c.instrument, page: c.path })),
    areas: table.rows.map((row) => ({ number: row.number, name: row.name, points: row.values })),
    totals: table.totals,
  };
  return {
    json,
    table: {
      columns: ["area", "name", ...compared.map((c) => `${c.code} ${c.year} (${c.instrument})`)],
      rows: [...table.rows.map((row) => [row.number, row.name, ...row.values]), ["total", null, ...table.totals]],
    },
    name: `compare-${compared.map((c) => `${c.code}-${c.year}`).join("-") || "none"}`,
  };
}
