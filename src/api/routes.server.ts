import { z } from "zod";
import { averageColumns, averageRows, averagesSchema } from "../domain/tables/averages.ts";
import { comparisonColumns, comparisonSchema } from "../domain/tables/compare.ts";
import { municipalityColumns, municipalitySchema } from "../domain/tables/municipalities.ts";
import { rankingColumns, rankingEntrySchema } from "../domain/tables/rankings.ts";
import { resultColumns, resultSchema } from "../domain/tables/results.ts";
import { searchColumns, searchResultSchema } from "../domain/tables/search.ts";
import { tableCells } from "../domain/tables/table.ts";
import { trendColumns, trendRows, trendSchema } from "../domain/tables/trend.ts";
import { NotFoundError } from "../services/errors.ts";
import { getInstruments, sortInstrumentKeys } from "../services/instruments/catalog.server.ts";
import { listResultsOrdered } from "../services/results/portal.server.ts";
import { getAverages, getMunicipalityResults } from "../services/results/queries.server.ts";
import { municipalityDirectory } from "../services/portal/municipalityDirectory.server.ts";
import { filterMunicipalities } from "../domain/municipalityMatch.ts";
import { getRankings } from "../services/results/rankings.server.ts";
import { getTrend } from "../services/portal/trend.server.ts";
import { compareReply } from "./compare.server.ts";
import { type ApiRoute, none, route } from "./route.server.ts";
import { downloadNames } from "./downloadNames.server.ts";
import { instrumentJson, instrumentSchema, instrumentSummarySchema } from "./instruments.server.ts";
import { searchParameters, searchReply } from "./search.server.ts";
import { actionPlansRoute } from "./actionPlans.server.ts";

export { type ApiRoute, BadParameters, parseQuery, type Reply } from "./route.server.ts";

/**
 * Every resource of the open data API, each described once: its path, the schemas of its path and
 * query parameters (which parse the request), the schema of its JSON answer and the columns of
 * its table form. The router (router.server.ts) and the OpenAPI document (openapi.server.ts) are
 * both made from this list, so that what is documented is what is accepted.
 */

// Query parameters arrive as text: these read and describe them.
const instrument = z
  .string({ error: "required: an instrument version key, such as 2010" })
  .min(1, "required: an instrument version key, such as 2010")
  .meta({ description: "Instrument version key.", example: "2010" });
const year = (description: string, example: string) =>
  z
    .string()
    .regex(/^\d{4}$/, "expected a four-digit year, such as 2012")
    .transform(Number)
    .meta({ description, example });
const wholeNumber = (description: string, example: string, error = "expected a whole number from 1 to 9999") =>
  z
    .string({ error })
    .regex(/^[1-9]\d{0,3}$/, "expected a whole number from 1 to 9999")
    .transform(Number)
    .meta({ description, example });
const limit = wholeNumber("At most this many entries (1–9999).", "10").optional();
const county = z
  .string()
  .regex(/^\d{2}$/, "expected a two-digit county code, such as 18")
  .meta({ description: "Two-digit county code.", example: "18" });
const municipality = z
  .string()
  .regex(/^\d{4}$/, "expected a four-digit municipality code, such as 1880")
  .meta({ description: "Four-digit municipality code (SCB).", example: "1880" });

const COMPARED = [1, 2, 3, 4, 5, 6];
const compareExamples = ["1880", "0484", "0180", "1490", "1280", "0380"];

export const apiRoutes: readonly ApiRoute[] = [
  route({
    path: "/instruments",
    operationId: "listInstruments",
    summary: "Instrument versions",
    query: none,
    response: z.array(instrumentSummarySchema),
    handle: async (db) => {
      const instruments = await getInstruments(db);
      return { json: sortInstrumentKeys(instruments.keys()).map((key) => instrumentJson(instruments.get(key)!, false)) };
    },
  }),
  route({
    path: "/instruments/{key}",
    operationId: "getInstrument",
    summary: "One instrument version with its areas, sub-areas and questions",
    params: z.object({ key: z.string().meta({ description: "Version key.", example: "2010" }) }),
    query: none,
    response: instrumentSchema,
    notFound: true,
    handle: async (db, { params }) => {
      const found = (await getInstruments(db)).get(params.key);
      if (!found) throw new NotFoundError("instrument", params.key);
      return { json: instrumentJson(found, true) };
    },
  }),
  route({
    path: "/municipalities",
    operationId: "listMunicipalities",
    summary: "Sweden's municipalities with county and groups, in Swedish order",
    description:
      "The list of municipalities the page /kommuner shows, with its filters: `q` matches the name (case and diacritics ignored: orebro " +
      "finds Örebro) or the code, best match first; `county` keeps one county; `evaluated=true` only municipalities with published results.",
    query: z.object({
      q: z
        .string()
        .max(200, "at most 200 characters")
        .meta({ description: "Part of a name or code; best match first.", example: "orebro" })
        .optional(),
      county: county.optional(),
      evaluated: z
        .enum(["true", "false"], { error: "expected true or false" })
        .transform((v) => v === "true")
        .meta({ description: "Only municipalities with published results.", example: "true" })
        .optional(),
    }),
    response: z.array(municipalitySchema),
    table: { columns: municipalityColumns.fixed, more: municipalityColumns.note },
    handle: async (db, { query }) => {
      const directory = await municipalityDirectory(db);
      const list = filterMunicipalities(directory, query, (m) => m.evaluations > 0).map(
        ({ evaluations: _evaluations, latest: _latest, ...municipality }) => municipality,
      );
      return {
        json: list,
        table: tableCells(municipalityColumns(list), list),
        name: "municipalities",
        download: downloadNames.municipalities,
      };
    },
  }),
  route({
    path: "/municipalities/{code}/results",
    operationId: "listMunicipalityResults",
    summary: "A municipality's results, oldest first",
    description: "`year` and `instrument` narrow them: the evaluation page downloads its own row.",
    params: z.object({ code: municipality }),
    query: z.object({ instrument: instrument.optional(), year: year("Only the results of this year.", "2012").optional() }),
    response: z.array(resultSchema),
    table: { columns: resultColumns },
    notFound: true,
    handle: async (db, { params, query }) => {
      const found = await getMunicipalityResults(db, params.code);
      const results = found.results.filter(
        (r) => (query.instrument === undefined || r.instrument === query.instrument) && (query.year === undefined || r.year === query.year),
      );
      return {
        json: results,
        table: tableCells(resultColumns, results),
        name: `results-${params.code}`,
        download: () => downloadNames.municipalityResults(found.municipality, query),
      };
    },
  }),
  route({
    path: "/results",
    operationId: "listResults",
    summary: "Results, filtered",
    description:
      "Oldest first (by year, date and code), or with sort=latest newest first by date, then year (no date counts as 31 December).",
    query: z.object({
      instrument: instrument.optional(),
      year: year("Year of the evaluation.", "2012").optional(),
      group: z
        .string()
        .min(1, "expected a group code, such as 3 or skl-2011:3")
        .meta({ description: "A group code of SKL's 2011 grouping (such as 3), or grouping:code for another grouping.", example: "3" })
        .optional(),
      sort: z
        .enum(["oldest", "latest"], { error: "expected oldest (the default) or latest" })
        .meta({ description: "oldest (the default) or latest.", example: "latest" })
        .optional(),
      limit,
    }),
    response: z.array(resultSchema),
    table: { columns: resultColumns },
    notFound: true,
    handle: async (db, { query }) => {
      const results = await listResultsOrdered(db, query);
      return {
        json: results,
        table: tableCells(resultColumns, results),
        name: "results",
        download: () => downloadNames.results(db, query),
      };
    },
  }),
  route({
    path: "/rankings",
    operationId: "getRankings",
    summary: "Municipalities ranked by total",
    description:
      "The latest result of each municipality with the instrument (within the years), best total first; equal totals share a rank within the " +
      "filtered list. With all=true every result is ranked. Each entry has its change since the municipality's previous result (its latest from " +
      "an earlier year, of any version): exact points when that result is of the same version, otherwise null. An unknown county or group, or " +
      "yearTo before yearFrom, is a 400 naming the parameter.",
    query: z.object({
      instrument,
      all: z
        .enum(["true", "false"], { error: "expected true or false" })
        .transform((v) => v === "true")
        .meta({ description: "Rank every result instead of the latest per municipality.", example: "true" })
        .optional(),
      county: county.optional(),
      group: z
        .string()
        .regex(/^\d{1,2}$/, "expected a group number of SKL's 2011 grouping, such as 3")
        .meta({ description: "Group number in SKL's 2011 grouping, 1–10.", example: "3" })
        .optional(),
      yearFrom: year("Only results from this year on.", "2010").optional(),
      yearTo: year("Only results up to this year; not before yearFrom.", "2015").optional(),
      limit,
    }),
    response: z.array(rankingEntrySchema),
    table: { columns: rankingColumns },
    notFound: true,
    handle: async (db, { query }) => {
      const entries = await getRankings(db, query);
      return {
        json: entries,
        table: tableCells(rankingColumns, entries),
        name: `rankings-${query.instrument}`,
        download: () => downloadNames.rankings(db, query),
      };
    },
  }),
  route({
    path: "/averages",
    operationId: "getAverages",
    summary: "Reference profile: average points of recent results",
    description:
      "Average points per area and in total of the N most recent results with area points, one per municipality (its latest), dated before a " +
      "date; a result without a date counts as of 31 December of its year. Averages are rounded half up to two decimals. The table form has a " +
      "row per area and one for the total.",
    query: z.object({
      instrument,
      latest: wholeNumber("How many recent results to average (N).", "27", "required: how many recent results to average, such as 27"),
      before: z.iso
        .date({ error: "expected a date as YYYY-MM-DD" })
        .meta({ description: "Only results dated before this day.", example: "2016-01-01" })
        .optional(),
      exclude: z
        .string()
        .regex(/^\d{4}$/, "expected a four-digit municipality code")
        .meta({ description: "Leave out this municipality (code).", example: "0484" })
        .optional(),
    }),
    response: averagesSchema,
    table: { columns: averageColumns },
    notFound: true,
    handle: async (db, { query }) => {
      const averages = await getAverages(db, query);
      return {
        json: averages,
        table: tableCells(averageColumns, averageRows(averages)),
        name: `averages-${query.instrument}`,
        download: () => downloadNames.averages(db, query),
      };
    },
  }),
  route({
    path: "/compare",
    operationId: "compare",
    summary: "Compare 2–6 municipalities side by side",
    description:
      "The comparison page's table: k1…k6 name the municipalities, u1…u6 optionally which result of each; without u the municipality's latest " +
      "result with area points. One row per area number, one column per result, and the totals. `mixedVersions` is true when the results come " +
      "from different instrument versions: areas then meet by number only.",
    query: z.object(
      Object.fromEntries(
        COMPARED.flatMap((n) => [
          [
            `k${n}`,
            z
              .string()
              .optional()
              .meta({ description: `Municipality ${n}: a four-digit code; empty for none.`, example: compareExamples[n - 1] }),
          ],
          [
            `u${n}`,
            z
              .string()
              .optional()
              .meta({ description: `Which result of municipality ${n}: year:version.`, example: "2012:2010" }),
          ],
        ]),
      ) as Record<string, z.ZodOptional<z.ZodString>>,
    ),
    response: comparisonSchema,
    table: { columns: comparisonColumns.fixed, more: comparisonColumns.note },
    handle: (db, { query }) => compareReply(db, query),
  }),
  route({
    path: "/search",
    operationId: "search",
    summary: "Search the published evaluations' texts",
    description:
      "Full-text search over the summaries, area and sub-area texts, strengths, improvement opportunities and good examples of every published " +
      "evaluation as last published, and the actions of the action plans municipalities have published (kind `action`)." +
      ' Swedish stemming, and other forms of a word match too; every word must match; "quoted words" match as a ' +
      "phrase; a good example is also found by the name of the municipality it names. Best match first, then the latest year, then the name. " +
      "A common word can match very many passages: then the best of the 1,000 most recent are ranked and `more` is true.",
    query: searchParameters,
    response: searchResultSchema,
    table: { columns: searchColumns },
    handle: (db, { query }) => searchReply(db, query),
  }),
  route({
    path: "/trend",
    operationId: "getTrend",
    summary: "Several municipalities' figures over time",
    description:
      "The development page's figures: the total (across instrument versions) or one area's points within one version, for 1–6 " +
      "municipalities, oldest first, each placed in time at its date or, when that is not known, at 1 July of its year (`plotDate`). Per " +
      "version shown: its period (the years in which any municipality has a result of it) and the average of every evaluation with it that " +
      "has the measure, or null when fewer than three have. Totals of different versions are not comparable area by area. The table form " +
      "has a row per figure with its version's average.",
    query: z.object({
      municipalities: z
        .string({ error: "required: municipality codes separated by commas, such as 1880,1080" })
        .regex(/^\d{4}(,\d{4})*$/, "expected four-digit municipality codes separated by commas, such as 1880,1080")
        .meta({
          description: "1–6 four-digit municipality codes, separated by commas, in the order of the lines.",
          example: "1880,1080,0115",
        }),
      measure: z
        .string()
        .meta({ description: '"total" (the default), or version:area for one area\'s points within one version.', example: "2010:1" })
        .optional(),
    }),
    response: trendSchema,
    table: { columns: trendColumns },
    handle: async (db, { query }) => {
      const trend = await getTrend(db, { municipalities: query.municipalities.split(","), measure: query.measure });
      return { json: trend, table: tableCells(trendColumns, trendRows(trend)), name: `trend-${trend.measure.key.replace(":", "-")}` };
    },
  }),
  actionPlansRoute,
];
