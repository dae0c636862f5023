import type { Db } from "../../db/client.server.ts";
import { getInstruments, sortInstrumentKeys } from "../instruments/catalog.server.ts";
import { getRankingChoices } from "../results/portal.server.ts";

/**
 * What the search filters offer: counties and groups as the rankings offer them, and the areas by
 * number, named as the newest instrument version names them (a search spans all versions), and
 * the instrument versions, oldest first.
 */
export async function searchFilterChoices(db: Db) {
  const [choices, instruments] = await Promise.all([getRankingChoices(db), getInstruments(db)]);
  const keys = sortInstrumentKeys(instruments.keys());
  const newest = instruments.get(keys.at(-1)!)!;
  return {
    counties: choices.counties,
    groups: choices.groups,
    areas: newest.areas.map((a) => ({ number: a.number, name: a.name })),
    instruments: keys,
  };
}
