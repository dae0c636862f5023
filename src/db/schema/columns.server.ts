import { customType, timestamp } from "drizzle-orm/pg-core";

/** A moment with its time zone, set by the database when the row is written: created_at and the like. */
export const stampedAt = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/** Files live in the database (uploads, stored report files), so that a backup of it holds them. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
