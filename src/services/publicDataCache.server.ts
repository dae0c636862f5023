import { LRUCache } from "lru-cache";
import type { Db, Tx } from "../db/client.server.ts";
import { dataVersionOf } from "../db/dataVersion.server.ts";

export interface PublicDataCacheOptions<V> {
  /** How many values to keep per database. */
  max: number;
  /** Reads the value afresh. */
  load: (db: Db, key: string) => Promise<V>;
}

export interface PublicDataCache<V> {
  get(db: Db | Tx, key: string): Promise<V>;
}

/**
 * Values derived from public data (instrument versions, municipalities, ranking history), kept
 * per database under the data version they were read at: a change of public data moves the
 * version, so later requests use new keys and old values age out. Concurrent requests for a
 * missing value share one load (lru-cache's fetch). Where the version is not known (a
 * transaction, the CLI, a process that does not watch the database) the value is read afresh.
 */
export function publicDataCache<V extends {}>(options: PublicDataCacheOptions<V>): PublicDataCache<V> {
  const caches = new WeakMap<Db, LRUCache<string, V, { db: Db; key: string }>>();
  const cacheOf = (db: Db) => {
    let cache = caches.get(db);
    if (!cache) {
      cache = new LRUCache<string, V, { db: Db; key: string }>({
        max: options.max,
        fetchMethod: (_versioned, _stale, { context }) => options.load(context.db, context.key),
      });
      caches.set(db, cache);
    }
    return cache;
  };
  return {
    async get(db, key) {
      const version = dataVersionOf(db);
      if (version === null) return options.load(db as Db, key);
      const value = await cacheOf(db as Db).fetch(`${version}\u0000${key}`, { context: { db: db as Db, key } });
      return value!;
    },
  };
}
