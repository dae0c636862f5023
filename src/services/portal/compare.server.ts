import "../../i18n/catalogs.server.ts";
import type { Db } from "../../db/client.server.ts";
import { findResults } from "../../db/repositories/results.server.ts";
import { evaluationHref, yearsWithTwoVersions } from "../../domain/paths.ts";
import { comparisonRows, MAX_COMPARED, profileChart, type ComparedEvaluation } from "../../domain/portal.ts";
import { printedPoints } from "../../domain/report/format.ts";
import type { Chart } from "../../domain/report/model.ts";
import { assessResult } from "../../domain/result.ts";
import { translator, type Language } from "../../i18n/index.ts";
import { ValidationError, type Problem } from "../errors.ts";
import { getInstruments } from "../instruments/catalog.server.ts";
import { municipalityNames } from "../results/queries.server.ts";

/** One slot of the comparison form: a municipality and, optionally, which evaluation ("2012:2010"). */
export interface CompareSlot {
  code: string;
  choice?: string;
}

/** Reads k1…k6 (municipality codes) and u1…u6 (year:version) from a query; blank slots are skipped. */
export function slotsFromQuery(query: URLSearchParams): CompareSlot[] {
  const problems: Problem[] = [];
  const slots: CompareSlot[] = [];
  for (let n = 1; n <= MAX_COMPARED; n++) {
    const code = query.get(`k${n}`)?.trim() ?? "";
    const choice = query.get(`u${n}`)?.trim() ?? "";
    if (code === "") continue;
    if (!/^\d{4}$/.test(code))
      problems.push({ field: `k${n}`, message: `expected a four-digit municipality code, such as 1880; got "${code}"` });
    else if (choice !== "" && !/^\d{4}:[\w.-]+$/.test(choice))
      problems.push({ field: `u${n}`, message: `expected year:version, such as 2012:2010; got "${choice}"` });
    else slots.push({ code, choice: choice || undefined });
  }
  if (problems.length > 0) throw new ValidationError("the comparison was not made", problems);
  return slots;
}

/**
 * Two to six municipalities side by side, each with the evaluation chosen for it (its latest by
 * default). Mixing instrument versions is allowed and marked: areas then meet by number only.
 */
export async function getComparison(db: Db, slots: readonly CompareSlot[], language: Language) {
  const t = translator(language);
  const [names, instruments] = await Promise.all([municipalityNames(db), getInstruments(db)]);
  const unknown = slots.flatMap((s, i) =>
    names.has(s.code) ? [] : [{ field: `k${i + 1}`, message: `no municipality has the code ${s.code}` }],
  );
  if (unknown.length > 0) throw new ValidationError("the comparison was not made", unknown);

  const chosen = await Promise.all(
    slots.map(async (slot) => {
      const name = names.get(slot.code)!;
      // Newest first; in a year with two versions, the newer version first.
      const results = (await findResults(db, { municipalityCode: slot.code })).sort(
        (a, b) => b.year - a.year || b.instrumentKey.localeCompare(a.instrumentKey, "sv", { numeric: true }),
      );
      const shared = yearsWithTwoVersions(results.map((r) => ({ municipality: slot.code, year: r.year })));
      const options = results.map((r) => ({
        value: `${r.year}:${r.instrumentKey}`,
        label: `${r.year} (${t("pages.compare.versionNote", { version: r.instrumentKey })})`,
      }));
      // By default the latest result with area points: a total alone says little side by side.
      const withAreas = results.find((r) => r.figures.areas.size > 0 || r.figures.subareas.size > 0);
      const result = results.find((r) => `${r.year}:${r.instrumentKey}` === slot.choice) ?? withAreas ?? results[0] ?? null;
      return { code: slot.code, name, options, result, shared };
    }),
  );

  const compared = chosen.flatMap(({ code, name, result, shared }) => {
    if (!result) return [];
    const instrument = instruments.get(result.instrumentKey)!;
    const assessment = assessResult(instrument, result.figures);
    const evaluation: ComparedEvaluation & { code: string; name: string; year: number; path: string } = {
      code,
      name,
      year: result.year,
      path: evaluationHref(shared, code, name, result.year, result.instrumentKey),
      label: `${name} ${result.year}`,
      instrument: instrument.key,
      areas: instrument.areas.map((area) => {
        const figure = assessment.areas.find((a) => a.number === area.number);
        return { number: area.number, name: area.name, points: figure ? printedPoints(figure.points).value : null };
      }),
      total: assessment.total ? printedPoints(assessment.total.points).value : null,
    };
    return [evaluation];
  });

  const table = comparisonRows(compared);
  let chart: Chart | null = null;
  if (compared.length >= 2) {
    const areas = table.rows.map((r) => ({ number: r.number, name: r.name ?? `${t("pages.area")} ${r.number}` }));
    chart = profileChart(
      "jamforelse",
      areas,
      compared.map((e) => ({ name: e.label, values: table.rows.map((r) => r.values[compared.indexOf(e)] ?? null) })),
      100,
      {
        title: t("pages.compare.chartTitle", { list: compared.map((e) => e.label).join(", ") }),
        description: (list) => t("pages.evaluation.profileDescription", { list }),
        areaColumn: t("pages.area"),
      },
    );
  }
  return {
    slots: chosen.map(({ code, name, options, result }) => ({
      code,
      name,
      options,
      chosen: result ? `${result.year}:${result.instrumentKey}` : null,
    })),
    compared: compared.map(({ code, name, year, path, label, instrument }) => ({ code, name, year, path, label, instrument })),
    table,
    chart,
  };
}

export type Comparison = Awaited<ReturnType<typeof getComparison>>;
