import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/client.server.ts";
import { importResults } from "../../src/services/results/importResults.server.ts";

export const demoResultsText = readFileSync(new URL("../../reference/demo/results.json", import.meta.url), "utf8");

/** Real published results of other municipalities, each with its source (from shared/data/published-results.json). */
export const publishedResultsText = readFileSync(new URL("../../reference/demo/published-results.json", import.meta.url), "utf8");

/** The demo's results: Örebro 2010, 2012 and 2015 from the seeds. */
export async function importDemo(db: Db) {
  return importResults(db, { name: "results.json", text: demoResultsText });
}

/** The demo's published results of other municipalities (real figures with their sources). */
export async function importPublished(db: Db) {
  return importResults(db, { name: "published-results.json", text: publishedResultsText });
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
