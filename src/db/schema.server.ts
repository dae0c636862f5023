/** The database schema: one leaf file per part, imported through this barrel only. */
export * from "./schema/auth.server.ts";
export * from "./schema/dataVersion.server.ts";
export * from "./schema/evaluations.server.ts";
export * from "./schema/rateCounters.server.ts";
export * from "./schema/reference.server.ts";
export * from "./schema/results.server.ts";
export * from "./schema/search.server.ts";
export * from "./schema/cycle.server.ts";
export * from "./schema/reportFiles.server.ts";
