import type { Db } from "../../db/client.server.ts";
import { municipalityPath } from "../../domain/paths.ts";
import { getInstruments, sortInstrumentKeys } from "../instruments/catalog.server.ts";
import { publicDataCache } from "../publicDataCache.server.ts";
import { listResultsPage } from "../results/portal.server.ts";

// One page of /resultat is the same for every visitor until public data changes; ordering all
// results for it is not free: kept per data version, instrument filter, page and page size.
const pages = publicDataCache({
  max: 100,
  load: (db, key) => {
    const [instrument = "", page, size] = key.split(" ");
    return loadPage(db, instrument, Number(page), Number(size));
  },
});

export type ResultsPage = Awaited<ReturnType<typeof loadPage>>;

/**
 * One page of every published result, latest first, perhaps of one instrument version (an
 * unknown one shows all); a page number past the end gives the last page.
 */
export async function getResultsPage(db: Db, asked: { instrument: string; page: number; size: number }): Promise<ResultsPage> {
  const instrument = (await getInstruments(db)).has(asked.instrument) ? asked.instrument : "";
  return pages.get(db, `${instrument} ${asked.page} ${asked.size}`);
}

async function loadPage(db: Db, instrument: string, asked: number, size: number) {
  const instruments = await getInstruments(db);
  const { rows, ...paging } = await listResultsPage(db, { instrument: instrument || undefined }, { page: asked, size });
  return {
    instrument,
    instruments: sortInstrumentKeys(instruments.keys()).map((key) => ({ key, name: instruments.get(key)!.name })),
    ...paging,
    // Latest first: that is what a visitor looks for. The rows as the API has them (without the
    // sub-area points, which the table does not show), with the page's link.
    results: rows.map(({ subareas: _, ...r }) => ({
      ...r,
      key: `${r.municipality}-${r.instrument}-${r.year}`,
      municipalityHref: municipalityPath(r.municipality, r.name),
    })),
  };
}
