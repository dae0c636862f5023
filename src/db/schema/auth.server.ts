import { boolean, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { municipalities } from "./reference.server.ts";
import { stampedAt } from "./columns.server.ts";

/** better-auth's tables (plural names); role and municipality are ours. */
export const users = pgTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  /** administrator | evaluator | contact */
  role: text("role").notNull().default("evaluator"),
  /** For a municipality contact: the municipality they speak for. */
  municipalityCode: text("municipality_code").references(() => municipalities.code),
  /** Where an evaluator comes from: "SKR", "Halmstads kommun" … */
  organisation: text("organisation"),
  disabled: boolean("disabled").notNull().default(false),
  createdAt: stampedAt("created_at"),
  updatedAt: stampedAt("updated_at"),
});

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: stampedAt("created_at"),
    updatedAt: stampedAt("updated_at"),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    createdAt: stampedAt("created_at"),
    updatedAt: stampedAt("updated_at"),
  },
  (t) => [index("accounts_user_idx").on(t.userId)],
);

export const verifications = pgTable("verifications", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: stampedAt("created_at"),
  updatedAt: stampedAt("updated_at"),
});

/** One-time password links an administrator hands out (only a hash of the token is kept). */
export const passwordResets = pgTable("password_resets", {
  tokenHash: text("token_hash").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdBy: text("created_by").references(() => users.id),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/** Installation settings, such as the generated secret for signing CSRF tokens. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
