import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { z } from "zod";
import { BackupFileError } from "./errors.server.ts";

/**
 * The backup file: our own format, not pg_dump's.
 *
 * Why: a backup must restore into either database. PGlite has no pg_dump, a pg_dump from PGlite's
 * bundled tools is not at hand on a server, and pg_dump refuses a server newer than itself, so
 * "install the matching client" would become part of every operator's restore. Our own format
 * needs nothing but this app, moves a PGlite folder to PostgreSQL and back, can be checked
 * before anything is written (header, per-table and final row counts), and knows our schema's
 * migration level, so that an old backup is restored into the schema it came from and then
 * migrated like any old database.
 *
 * Layout: gzip'd NDJSON, one JSON value per line.
 *   1. the header (BackupHeader): format and its version, app version, migration level, time,
 *      and every table with its stored columns and their types, parents before children;
 *   2. per table: {"table":NAME}, then one JSON array per row with each column's value as the
 *      database's own text form (or null), then {"tableEnd":NAME,"rows":N,"sequences":{…}};
 *   3. {"backupEnd":true,"tables":T,"rows":R}. A file without it was cut short.
 * Text forms are exact where JSON numbers are not: numeric keeps every digit, bigint every bit,
 * timestamps their microseconds (written in UTC, ISO style), jsonb its own text; bytea (the
 * uploaded documents) is base64. Generated columns are left out; identity and serial columns
 * keep their values, and each sequence's next value is kept so that ids are not handed out twice.
 * A gunzipped file (plain NDJSON) is read as well, so a backup can be inspected and still restored.
 */
export const FORMAT = "kommunkompassen-backup";
export const FORMAT_VERSION = 1;

const level = z.object({ count: z.number().int(), createdAt: z.string().regex(/^\d+$/), tag: z.string().nullable(), hash: z.string() });

export const headerSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }),
  source: z.enum(["pglite", "postgres"]),
  migration: level,
  tables: z.array(
    z.object({
      name: z.string().min(1),
      columns: z.array(z.object({ name: z.string().min(1), type: z.string().min(1) })).min(1),
    }),
  ),
});
export type BackupHeader = z.infer<typeof headerSchema>;

const tableStart = z.object({ table: z.string() }).strict();
const tableEnd = z
  .object({ tableEnd: z.string(), rows: z.number().int().nonnegative(), sequences: z.record(z.string(), z.string().regex(/^-?\d+$/)) })
  .strict();
const backupEnd = z.object({ backupEnd: z.literal(true), tables: z.number().int(), rows: z.number().int() }).strict();

export type BackupItem =
  | { kind: "table"; name: string; columns: BackupHeader["tables"][number]["columns"] }
  | { kind: "row"; table: string; values: (string | null)[]; line: number }
  | { kind: "tableEnd"; name: string; rows: number; sequences: Record<string, string> }
  | { kind: "end"; tables: number; rows: number };

export const line = (value: unknown) => `${JSON.stringify(value)}\n`;

const GZIP_MAGIC = [0x1f, 0x8b];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The file's lines, decompressed when it is gzip'd. Errors name the file; line numbers count from 1. */
async function* linesOf(file: string): AsyncGenerator<{ text: string; number: number }> {
  let first: Buffer;
  try {
    const handle = await open(file, "r");
    try {
      first = Buffer.alloc(2);
      const { bytesRead } = await handle.read(first, 0, 2, 0);
      first = first.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupFileError(file, { code: "unreadable", detail: code === "ENOENT" ? "no such file" : (error as Error).message });
  }
  if (first.length === 0) throw new BackupFileError(file, { code: "empty" });
  const gzipped = first[0] === GZIP_MAGIC[0] && first[1] === GZIP_MAGIC[1];
  if (!gzipped && first[0] !== "{".charCodeAt(0)) throw new BackupFileError(file, { code: "not_backup" });

  const raw = createReadStream(file);
  const stream = gzipped ? raw.pipe(createGunzip()) : raw;
  if (gzipped) raw.on("error", (error) => stream.destroy(error));
  const decoder = new StringDecoder("utf8");
  let pending: string[] = [];
  let number = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let text = decoder.write(chunk);
      for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n")) {
        pending.push(text.slice(0, at));
        text = text.slice(at + 1);
        number += 1;
        yield { text: pending.join(""), number };
        pending = [];
      }
      if (text) pending.push(text);
    }
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    // zlib: Z_BUF_ERROR "unexpected end of file" when the compressed data stops early.
    if (code === "Z_BUF_ERROR") throw new BackupFileError(file, { code: "truncated", line: number + 1 });
    throw new BackupFileError(file, { code: "damaged", line: number + 1, detail: (error as Error).message });
  } finally {
    stream.destroy();
  }
  const rest = pending.join("") + decoder.end();
  if (rest) yield { text: rest, number: number + 1 };
}

/**
 * Reads a backup item by item, checking its shape as it goes: the header first, then each table
 * of the header in its order with rows of the right width, row counts that add up, and the end
 * line last. Anything else throws a BackupFileError naming the file and the line.
 */
export async function* readBackup(file: string): AsyncGenerator<BackupItem | { kind: "header"; header: BackupHeader }> {
  let header: BackupHeader | null = null;
  let tableIndex = 0;
  let current: { name: string; width: number; base64: boolean[]; rows: number } | null = null;
  let total = 0;
  let ended = false;
  let lastLine = 0;
  const damaged = (number: number, detail: string) => new BackupFileError(file, { code: "damaged", line: number, detail });

  for await (const { text, number } of linesOf(file)) {
    lastLine = number;
    if (text === "" && number > 1) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      if (!header) throw new BackupFileError(file, { code: "not_backup" });
      throw damaged(number, "not a JSON value");
    }
    if (!header) {
      if (typeof value !== "object" || value === null || (value as { format?: unknown }).format !== FORMAT) {
        throw new BackupFileError(file, { code: "not_backup" });
      }
      const version = (value as { formatVersion?: unknown }).formatVersion;
      if (typeof version === "number" && version > FORMAT_VERSION)
        throw new BackupFileError(file, { code: "newer_format", formatVersion: version });
      const parsed = headerSchema.safeParse(value);
      if (!parsed.success)
        throw damaged(number, `header: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
      header = parsed.data;
      yield { kind: "header", header };
      continue;
    }
    if (ended) throw damaged(number, "data after the end line");
    if (Array.isArray(value)) {
      if (!current) throw damaged(number, "a row outside a table");
      if (value.length !== current.width)
        throw damaged(number, `a row of ${current.name} has ${value.length} values, expected ${current.width}`);
      for (let i = 0; i < value.length; i++) {
        const cell = value[i];
        if (cell !== null && typeof cell !== "string") throw damaged(number, `a value of ${current.name} is neither text nor null`);
        if (cell !== null && current.base64[i] && !BASE64.test(cell))
          throw damaged(number, `a binary value of ${current.name} is not base64`);
      }
      current.rows += 1;
      yield { kind: "row", table: current.name, values: value as (string | null)[], line: number };
      continue;
    }
    const start = tableStart.safeParse(value);
    if (start.success) {
      if (current) throw damaged(number, `table ${start.data.table} starts before ${current.name} ended`);
      const expected = header.tables[tableIndex];
      if (!expected || expected.name !== start.data.table) {
        throw damaged(number, `expected ${expected ? `table ${expected.name}` : "the end line"}, found table ${start.data.table}`);
      }
      current = { name: expected.name, width: expected.columns.length, base64: expected.columns.map((c) => c.type === "bytea"), rows: 0 };
      yield { kind: "table", name: expected.name, columns: expected.columns };
      continue;
    }
    const end = tableEnd.safeParse(value);
    if (end.success) {
      if (!current || current.name !== end.data.tableEnd) throw damaged(number, `end of table ${end.data.tableEnd} without its start`);
      if (end.data.rows !== current.rows)
        throw damaged(number, `table ${current.name} should have ${end.data.rows} rows, the file holds ${current.rows}`);
      total += current.rows;
      tableIndex += 1;
      current = null;
      yield { kind: "tableEnd", name: end.data.tableEnd, rows: end.data.rows, sequences: end.data.sequences };
      continue;
    }
    const last = backupEnd.safeParse(value);
    if (last.success) {
      if (current || tableIndex !== header.tables.length) throw new BackupFileError(file, { code: "truncated", line: number });
      if (last.data.tables !== header.tables.length || last.data.rows !== total)
        throw damaged(number, "the end line's counts do not match the file");
      ended = true;
      yield { kind: "end", tables: last.data.tables, rows: last.data.rows };
      continue;
    }
    throw damaged(number, "an unknown line");
  }
  if (!header) throw new BackupFileError(file, { code: "empty" });
  if (!ended) throw new BackupFileError(file, { code: "truncated", line: lastLine + 1 });
}

/** Reads the whole file once, checking it; returns its header. Nothing is written anywhere. */
export async function checkBackupFile(file: string): Promise<BackupHeader> {
  let header: BackupHeader | null = null;
  for await (const item of readBackup(file)) if (item.kind === "header") header = item.header;
  return header!;
}
