import type { Db } from "../../db/client.server.ts";
import { evaluationHref, municipalityPath } from "../../domain/paths.ts";
import { publicDataCache } from "../publicDataCache.server.ts";
import { getRankingChoices, listResultsOrdered } from "../results/portal.server.ts";
import { getRankings, sharedYears } from "../results/rankings.server.ts";

// The same for every visitor until public data changes (ordering 10,000 results for the latest ten
// is not free): made once per data version.
const home = publicDataCache({
  max: 2,
  load: (db, key) => {
    const [latest, top] = key.split(" ").map(Number) as [number, number];
    return loadHome(db, latest, top);
  },
});

/** The start page's lists: the latest results and each version's top results, with the page's links. */
export function getHomePage(db: Db, sizes: { latest: number; top: number }): Promise<HomePage> {
  return home.get(db, `${sizes.latest} ${sizes.top}`);
}

export type HomePage = Awaited<ReturnType<typeof loadHome>>;

async function loadHome(db: Db, latestCount: number, topCount: number) {
  const [latest, choices, shared] = await Promise.all([
    listResultsOrdered(db, { sort: "latest", limit: latestCount }),
    getRankingChoices(db),
    sharedYears(db),
  ]);
  // The rows as the API has them (without sub-area points, not shown), with the page's links.
  const links = (r: { municipality: string; name: string; year: number }, instrument: string) => ({
    key: `${r.municipality}-${instrument}-${r.year}`,
    municipalityHref: municipalityPath(r.municipality, r.name),
    evaluationHref: evaluationHref(shared, r.municipality, r.name, r.year, instrument),
  });
  // Newest version first: that is what most visitors compare with.
  const versions = [...choices.instruments].reverse();
  const tops = await Promise.all(
    versions.map(async (instrument) => ({
      ...instrument,
      rows: (await getRankings(db, { instrument: instrument.key, all: true, limit: topCount })).map((e) => ({
        ...e,
        ...links(e, instrument.key),
      })),
    })),
  );
  return { latest: latest.map(({ subareas: _, ...r }) => ({ ...r, ...links(r, r.instrument) })), tops };
}
