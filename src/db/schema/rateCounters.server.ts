import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Fixed-window counters, one row per key ("signin:email:…", "http:api:…"): sign-in throttling
 * and the HTTP rate limits when several servers share one PostgreSQL database. A hit is one
 * atomic upsert, so parallel requests cannot slip past a limit between a count and an insert.
 * Rows whose window has ended are pruned.
 */
export const rateCounters = pgTable(
  "rate_counters",
  {
    key: text("key").primaryKey(),
    hits: integer("hits").notNull(),
    resetAt: timestamp("reset_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("rate_counters_reset_idx").on(t.resetAt)],
);
