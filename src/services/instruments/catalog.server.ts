import type { Db, Tx } from "../../db/client.server.ts";
import { loadAllInstruments } from "../../db/repositories/instruments.server.ts";
import type { InstrumentVersion } from "../../domain/instrument.ts";
import { publicDataCache } from "../publicDataCache.server.ts";

/** Instrument versions change rarely and are read on nearly every request. */
const catalog = publicDataCache<Map<string, InstrumentVersion>>({
  max: 4,
  load: async (db) => new Map((await loadAllInstruments(db)).map((instrument) => [instrument.key, instrument])),
});

export function getInstruments(db: Db | Tx): Promise<Map<string, InstrumentVersion>> {
  return catalog.get(db, "all");
}

export function sortInstrumentKeys(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => a.localeCompare(b, "sv", { numeric: true }));
}
