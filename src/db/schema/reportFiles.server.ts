import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { bytea, stampedAt } from "./columns.server.ts";
import { evaluationRef } from "./evaluations.server.ts";

/**
 * A published report's files (PDF, Word, Excel), made once after publication and served from
 * here, so that no visitor waits for Chromium. One row per variant the public can ask for:
 * the evaluation's published revision, the format, the document's language and the comparison
 * (N latest evaluations). A correction's publication is a new revision and gets its own rows.
 * `model_hash` is the hash of the report model the file was made from: a later change to what the
 * report is built from (a comparison evaluation added afterwards) shows as a different hash.
 */
export const reportFiles = pgTable(
  "report_files",
  {
    evaluationId: evaluationRef(),
    revision: integer("revision").notNull(),
    format: text("format").notNull(),
    language: text("language").notNull(),
    compare: integer("compare").notNull(),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    /** The body's SHA-256 (hex): the download's ETag. */
    sha256: text("sha256").notNull(),
    modelHash: text("model_hash").notNull(),
    body: bytea("body").notNull(),
    createdAt: stampedAt("created_at"),
  },
  (t) => [primaryKey({ name: "report_files_pk", columns: [t.evaluationId, t.revision, t.format, t.language, t.compare] })],
);
