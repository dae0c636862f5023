import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { municipalities } from "../db/schema.server.ts";
import { loadReferenceData, referenceFolder } from "./reference/loadReferenceData.server.ts";
import { importResults } from "./results/importResults.server.ts";
import { seedWorkspaceDemo } from "./demo/seedWorkspaceDemo.server.ts";
import { indexUnindexedEvaluations } from "./search/indexEvaluation.server.ts";

export interface PrepareOptions {
  /** Load the demo results (Örebro 2010, 2012, 2015) into an empty database. */
  demo: boolean;
}

/**
 * Brings a database to the current schema and, when it is empty, loads the reference data
 * (and the demo). Runs at every start; on a database in use it only applies new migrations.
 */
export async function prepareDatabase(database: Database, options: PrepareOptions): Promise<{ seeded: boolean }> {
  await database.migrate();
  const { rows } = (await database.db.execute(sql`select count(*)::int as n from ${municipalities}`)) as unknown as {
    rows: { n: number }[];
  };
  if (Number(rows[0]?.n ?? 0) > 0) {
    // Databases from before the search existed: index what was published then.
    await indexUnindexedEvaluations(database.db);
    return { seeded: false };
  }
  await loadReferenceData(database.db);
  if (options.demo) {
    const name = "reference/demo/results.json";
    await importResults(database.db, { name, text: readFileSync(`${referenceFolder}demo/results.json`, "utf8") });
    // Real published results of other municipalities, each with the page it was read from
    // (../shared/data/published-results.json), so that the demo can show comparisons and rankings.
    const published = "reference/demo/published-results.json";
    await importResults(database.db, { name: published, text: readFileSync(`${referenceFolder}demo/published-results.json`, "utf8") });
    await seedWorkspaceDemo(database.db);
  }
  return { seeded: true };
}
