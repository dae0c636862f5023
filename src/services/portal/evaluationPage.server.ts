import "../../i18n/catalogs.server.ts";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.server.ts";
import { findResults } from "../../db/repositories/results.server.ts";
import { evaluations } from "../../db/schema.server.ts";
import {
  anchors,
  evaluationHref,
  municipalityPath,
  REPORT_FILE_FORMATS,
  reportFilePath,
  reportFileStem,
  reportPath,
  yearsWithTwoVersions,
} from "../../domain/paths.ts";
import { AVERAGE_DECIMALS, DEFAULT_COMPARE, enoughToAverage } from "../../domain/report/compare.ts";
import { profileChart } from "../../domain/portal.ts";
import { reportFigures } from "../../domain/report/figures.ts";
import type { Chart } from "../../domain/report/model.ts";
import { assessResult } from "../../domain/result.ts";
import { itemsOf, paragraphsOf, printedAverage } from "../../domain/report/format.ts";
import type { Language } from "../../i18n/index.ts";
import { translator } from "../../i18n/index.ts";
import { NotFoundError } from "../errors.ts";
import { getInstruments, sortInstrumentKeys } from "../instruments/catalog.server.ts";
import { publishedSnapshot } from "../evaluations/publishedSnapshot.server.ts";
import { getAverages, getMunicipality, municipalityNames } from "../results/queries.server.ts";
import { publishedFollowup, type PublicFollowup } from "../followup/publicFollowup.server.ts";

export interface Passage {
  anchor: string;
  text: string;
}

export interface EvaluationTexts {
  evaluationId: number;
  reportPath: string;
  files: { format: "pdf" | "docx" | "xlsx"; href: string; fileName: string }[];
  evaluators: string[];
  summary: Passage[];
  areas: {
    number: number;
    general: Passage[];
    subareas: { id: string; question: string; paragraphs: Passage[] }[];
    strengths: Passage[];
    improvements: Passage[];
    goodExamples: (Passage & { municipality: string; path: string })[];
  }[];
  /** "Sedan förra utvärderingen" (issue 13): the team's follow-up of the previous evaluation, as published. */
  followup: PublicFollowup | null;
}

const passages = (texts: string[], anchor: (index: number) => string): Passage[] =>
  texts.map((text, i) => ({ anchor: anchor(i + 1), text }));

/**
 * One published result of a municipality as a page: its figures down to sub-areas, its profile
 * against the average of recent evaluations, and, when it came from an evaluation published
 * here, the evaluators' texts with their paragraph anchors and the report files.
 */
export async function getEvaluationPage(db: Db, code: string, year: number, options: { instrument?: string; language: Language }) {
  const t = translator(options.language);
  const [municipality, all, instruments] = await Promise.all([
    getMunicipality(db, code),
    findResults(db, { municipalityCode: code }),
    getInstruments(db),
  ]);
  const found = all.filter((r) => r.year === year);
  const versions = sortInstrumentKeys(new Set(found.map((r) => r.instrumentKey)));
  const key = options.instrument && versions.includes(options.instrument) ? options.instrument : versions[versions.length - 1];
  const result = found.find((r) => r.instrumentKey === key);
  if (!result) throw new NotFoundError("result", `${code} ${year}`);
  const instrument = instruments.get(result.instrumentKey)!;
  const figures = reportFigures(instrument, result.figures);
  const assessment = assessResult(instrument, result.figures);

  const averages = await getAverages(db, {
    instrument: instrument.key,
    latest: DEFAULT_COMPARE,
    before: result.date ?? `${year}-01-01`,
    exclude: code,
    decimals: AVERAGE_DECIMALS,
  });
  const averaged = enoughToAverage(averages.count);
  const label = `${municipality.name} ${year}`;
  const series: Chart["series"] = [{ name: label, values: figures.areas.map((a) => a.points.value) }];
  if (averaged) {
    const means = figures.areas.map((a) => printedAverage(averages.areas[String(a.number)]));
    series.push({
      name: t("pages.evaluation.average", { count: averages.count }),
      values: means.map((m) => m.value),
      texts: means.map((m) => m.text),
    });
  }
  const profile: Chart = profileChart("profil", instrument.areas, series, 100, {
    title: t("pages.evaluation.profileTitle", { name: label }),
    description: (list) => t("pages.evaluation.profileDescription", { list }),
    areaColumn: t("pages.area"),
  });

  const shared = yearsWithTwoVersions(all.map((r) => ({ municipality: code, year: r.year })));
  const others = all
    .filter((r) => r.id !== result.id)
    .map((r) => ({
      year: r.year,
      instrument: instruments.get(r.instrumentKey)?.name ?? r.instrumentKey,
      path: evaluationHref(shared, code, municipality.name, r.year, r.instrumentKey),
    }));

  return {
    municipality: { code, name: municipality.name, path: municipalityPath(code, municipality.name) },
    result: {
      id: result.id,
      year,
      date: result.date,
      source: result.source,
      instrument: { key: instrument.key, name: instrument.name },
      total: figures.total,
      totalPublished: assessment.total?.published ?? false,
      max: figures.max,
      level: assessment.level,
    },
    areas: figures.areas.map((area) => ({
      ...area,
      derived: assessment.areas.some((a) => a.number === area.number && !a.published),
      subareas: area.subareas.filter((s) => s.exact.value !== null),
    })),
    profile,
    /** The evaluations the average is made of; when fewer than MIN_AVERAGED, the profile is drawn alone. */
    comparedWith: averages.results.map((r) => `${r.name} ${r.year}`),
    averaged,
    others,
    texts: await publishedTexts(
      db,
      result.id,
      municipality.name,
      year,
      new Map(instrument.areas.flatMap((a) => a.subareas.map((sub) => [sub.id, sub.question]))),
    ),
  };
}

async function publishedTexts(
  db: Db,
  resultId: number,
  name: string,
  year: number,
  questions: Map<string, string>,
): Promise<EvaluationTexts | null> {
  const [evaluation] = await db.select({ id: evaluations.id }).from(evaluations).where(eq(evaluations.resultId, resultId));
  if (!evaluation) return null;
  const snapshot = await publishedSnapshot(db, evaluation.id);
  if (!snapshot) return null;
  const names = await municipalityNames(db);
  const texts = snapshot.texts;
  const areaNumbers = [
    ...new Set(
      Object.keys(texts)
        .flatMap((k) => /^(?:area|subarea)\.(\d+)/.exec(k)?.[1] ?? [])
        .map(Number),
    ),
  ];
  const exampleAreas = snapshot.goodExamples.map((g) => g.areaNumber);
  const stem = reportFileStem(name, year);
  return {
    evaluationId: evaluation.id,
    reportPath: reportPath(evaluation.id),
    files: REPORT_FILE_FORMATS.map((format) => ({
      format,
      fileName: `${stem}.${format}`,
      href: reportFilePath(evaluation.id, `${stem}.${format}`),
    })),
    evaluators: snapshot.evaluators,
    summary: passages(paragraphsOf(texts["summary.evaluation"]), anchors.summary),
    areas: [...new Set([...areaNumbers, ...exampleAreas])]
      .sort((a, b) => a - b)
      .map((number) => ({
        number,
        general: passages(paragraphsOf(texts[`area.${number}.general`]), (i) => anchors.areaGeneral(number, i)),
        subareas: Object.keys(texts)
          .filter((k) => k.startsWith(`subarea.${number}.`))
          .map((k) => k.slice("subarea.".length))
          .sort((a, b) => a.localeCompare(b, "sv", { numeric: true }))
          .map((id) => ({
            id,
            question: questions.get(id) ?? id,
            paragraphs: passages(paragraphsOf(texts[`subarea.${id}`]), (i) => anchors.subarea(id, i)),
          })),
        strengths: passages(itemsOf(texts[`area.${number}.strengths`]), (i) => anchors.strength(number, i)),
        improvements: passages(itemsOf(texts[`area.${number}.improvements`]), (i) => anchors.improvement(number, i)),
        goodExamples: snapshot.goodExamples
          .filter((g) => g.areaNumber === number)
          .map((g, i) => {
            const other = names.get(g.municipalityCode) ?? g.municipalityCode;
            return {
              anchor: anchors.goodExample(number, i + 1),
              text: g.sentence,
              municipality: other,
              path: municipalityPath(g.municipalityCode, other),
            };
          }),
      })),
    followup: await publishedFollowup(db, snapshot.followup),
  };
}

export type EvaluationPage = Awaited<ReturnType<typeof getEvaluationPage>>;
