import { sql } from "drizzle-orm";
import { bigint, check, integer, pgTable } from "drizzle-orm/pg-core";

/**
 * The version of everything the public sees (results, published evaluations, reference data):
 * one row, raised by every transaction that changes any of it (src/db/dataVersion.server.ts).
 * A row, not a sequence: the update's row lock makes versions commit in the order of their
 * numbers, and a reader sees only committed versions.
 */
export const dataVersion = pgTable(
  "data_version",
  {
    id: integer("id").primaryKey().default(1),
    version: bigint("version", { mode: "bigint" }).notNull().default(sql`0`),
  },
  (t) => [check("data_version_one_row", sql`${t.id} = 1`)],
);
