import { pgSequence } from "drizzle-orm/pg-core";

/**
 * The version of everything the public sees (results, published evaluations, reference data).
 * A transaction that changes any of it takes the next value and notifies every process
 * (src/db/dataVersion.server.ts); caches are keyed on the value they were filled under.
 */
export const dataVersion = pgSequence("data_version", { startWith: 1, increment: 1 });
