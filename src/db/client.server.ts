import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema.server.ts";
import { lockDataFolder, type FolderLock } from "./lock.server.ts";
import { logger } from "../logger.server.ts";
import { projectRoot } from "../projectRoot.server.ts";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Where the data lives: a folder for PGlite, the URL (without password) for PostgreSQL. */
  location: string;
  migrate(): Promise<void>;
  /**
   * Listens for NOTIFY on a channel: `connected` once listening (and again after a lost
   * connection is restored), `lost` when notifications may be missed. Returns a stop function.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface ListenHandlers {
  notify(payload: string): void;
  connected(): void | Promise<void>;
  lost(): void;
}

export const migrationsFolder = join(projectRoot, "src/db/migrations");

export interface DatabaseSettings {
  databaseUrl?: string;
  dataDir: string;
}

/** The settings shared by the web server and the CLI: DATABASE_URL, else PGlite in KOMPASS_DATA_DIR. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  return { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.KOMPASS_DATA_DIR || "./data" };
}

export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  return settings.databaseUrl ? openPostgres(settings.databaseUrl) : openPglite(settings.dataDir);
}

export async function openPostgres(url: string, poolSize = 16): Promise<Database> {
  // A server that does not answer (a dropped network, not a refusal) fails a query after 5 s
  // instead of holding the request until the client gives up.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle connection that the server drops (restart, admin command) must not end the process:
  // the pool discards it and opens a new one when needed.
  pool.on("error", (error) => logger.warn({ error: error.message }, "idle PostgreSQL connection lost"));
  // Numeric comes back as text from node-postgres already; keep it so (exact decimals).
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    location: redactUrl(url),
    migrate: async () => {
      await migratePg(db as never, { migrationsFolder });
    },
    listen: (channel, handlers) => listenPostgres(url, channel, handlers),
    close: () => pool.end(),
  };
}

/**
 * Extensions the migrations use (pg_trgm for name search); every PGlite must be created with them.
 * Not btree_gin: together with pg_trgm, PGlite 0.5.16 intermittently stops answering queries.
 */
export const pgliteExtensions = { pg_trgm };

export async function openPglite(dataDir: string): Promise<Database> {
  const lock: FolderLock = lockDataFolder(dataDir);
  try {
    const client = await PGlite.create({ dataDir: `${lock.folder}/pgdata`, extensions: pgliteExtensions });
    return wrapPglite(client, lock.folder, () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Wraps an already open PGlite (an in-memory one in tests, or a clone). */
export function wrapPglite(client: PGlite, location: string, onClose: () => void = () => {}): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    location,
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder });
    },
    listen: async (channel, handlers) => {
      const unlisten = await client.listen(channel, handlers.notify);
      await handlers.connected();
      return unlisten;
    },
    close: async () => {
      await client.close();
      onClose();
    },
  };
}

const RECONNECT_MS = 1000;
const HEARTBEAT_MS = 30_000;

/**
 * A connection of its own that LISTENs (a pooled one would be handed to queries and lose it).
 * When it drops, the listener is told (so that nothing is trusted meanwhile) and it connects
 * again every second until it succeeds or is stopped. An idle LISTEN connection sends nothing,
 * so a network that silently drops it (a NAT's idle timeout) would never be noticed: TCP
 * keep-alive and a query every 30 seconds find it out. The first connection must succeed.
 */
async function listenPostgres(url: string, channel: string, handlers: ListenHandlers): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  const connect = async (first: boolean): Promise<void> => {
    const next = new pg.Client({
      connectionString: url,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: 10_000,
      query_timeout: 10_000,
    });
    next.on("notification", (message) => {
      if (message.channel === channel) handlers.notify(message.payload ?? "");
    });
    const dropped = () => {
      if (client !== next) return;
      client = null;
      clearInterval(heartbeat);
      handlers.lost();
      next.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect(false).catch(() => {}), RECONNECT_MS);
    };
    next.on("error", (error) => {
      logger.warn({ err: error }, "PostgreSQL notifications: connection lost");
      dropped();
    });
    next.on("end", dropped);
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      if (stopped) return void (await next.end());
      await handlers.connected();
      heartbeat = setInterval(() => {
        next.query("select 1").catch((error: Error) => {
          logger.warn({ err: error }, "PostgreSQL notifications: no answer on the listening connection");
          dropped();
        });
      }, HEARTBEAT_MS);
      heartbeat.unref();
    } catch (error) {
      if (first) {
        client = null;
        next.end().catch(() => {});
        throw error;
      }
      dropped();
    }
  };
  await connect(true);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    clearInterval(heartbeat);
    const last = client;
    client = null;
    await last?.end().catch(() => {});
  };
}

/** A database URL fit for logs and messages: the password hidden. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres";
  }
}
