import type { Db } from "../../db/client.server.ts";
import { evaluationHref, yearsWithTwoVersions } from "../../domain/paths.ts";
import { totalsOverTime } from "../../domain/portal.ts";
import { translator, type Language } from "../../i18n/index.ts";
import { chartFigure } from "../../reports/charts.server.ts";
import { publicDataCache } from "../publicDataCache.server.ts";
import { getMunicipalityProfile, type MunicipalityProfile } from "../results/municipalityProfile.server.ts";

/** What a municipality's page shows: its profile, the links to its evaluations and its chart. */
export type MunicipalityPage = MunicipalityProfile & {
  /** Result id → the evaluation page's address. */
  paths: Record<number, string>;
  chart: ReturnType<typeof chartFigure> | null;
};

// The same for every visitor until public data changes: the results with their sums and the two
// SVG charts are made once per data version and language, not on every visit.
const pages = publicDataCache<MunicipalityPage>({
  max: 300,
  load: (db, key) => {
    const [language, code] = key.split(" ") as [Language, string];
    return loadPage(db, code, language);
  },
});

/** A municipality's page in a language; NotFoundError when there is no such municipality. */
export function getMunicipalityPage(db: Db, code: string, language: Language): Promise<MunicipalityPage> {
  return pages.get(db, `${language} ${code}`);
}

async function loadPage(db: Db, code: string, language: Language): Promise<MunicipalityPage> {
  const t = translator(language);
  const profile = await getMunicipalityProfile(db, code);
  const name = profile.municipality.name;
  const shared = yearsWithTwoVersions(profile.versions.flatMap((v) => v.results.map((r) => ({ municipality: code, year: r.year }))));
  const points = profile.versions.flatMap((v) =>
    v.results.map((r) => ({ year: r.year, instrument: v.key, instrumentName: v.name, total: r.total })),
  );
  const chart =
    points.length > 0
      ? totalsOverTime(points, 800, {
          title: t("pages.municipality.timelineTitle", { name }),
          description: (list) => t("pages.municipality.timelineDescription", { list }),
          yearColumn: t("pages.municipality.year"),
          seriesName: (version) => t("pages.municipality.timelineSeries", { name: version }),
        })
      : null;
  return {
    ...profile,
    // The page shows areas and totals, not sub-areas: they would only weigh down the page's data.
    versions: profile.versions.map((v) => ({ ...v, results: v.results.map(({ subareas: _, ...result }) => result) })),
    paths: Object.fromEntries(
      profile.versions.flatMap((v) => v.results.map((r) => [r.id, evaluationHref(shared, code, name, r.year, v.key)])),
    ) as Record<number, string>,
    chart: chart ? chartFigure(chart) : null,
  };
}
