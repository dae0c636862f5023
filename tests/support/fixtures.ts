import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/client.server.ts";
import { importResults } from "../../src/services/results/importResults.server.ts";

export const demoResultsText = readFileSync(new URL("../../reference/demo/results.json", import.meta.url), "utf8");

export async function importDemo(db: Db) {
  return importResults(db, { name: "results.json", text: demoResultsText });
}

/** Row counts of the result tables: "nothing changed" means these are equal. */
export async function resultTableCounts(db: Db) {
  const { rows } = (await db.execute(sql`select
    (select count(*)::int from results) as results,
    (select count(*)::int from result_area_points) as areas,
    (select count(*)::int from result_subarea_points) as subareas,
    (select count(*)::int from result_revisions) as revisions`)) as unknown as { rows: Record<string, number>[] };
  return rows[0];
}
