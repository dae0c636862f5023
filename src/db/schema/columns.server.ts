import { timestamp } from "drizzle-orm/pg-core";

/** A moment with its time zone, set by the database when the row is written: created_at and the like. */
export const stampedAt = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();
