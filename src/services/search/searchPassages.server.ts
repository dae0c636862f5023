import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.server.ts";
import { evaluationPath } from "../../domain/paths.ts";
import {
  facetQuery,
  isEmptySearch,
  MARK_START,
  MARK_STOP,
  parseSearch,
  snippetSegments,
  wordQuery,
  type ParsedSearch,
  type PassageKind,
} from "../../domain/search.ts";
import { getInstruments, sortInstrumentKeys } from "../instruments/catalog.server.ts";
import { municipalityList } from "../results/queries.server.ts";
import { unknownInstrument, validateSearchQuery, type SearchInput } from "./searchQuery.server.ts";
import type { SearchResult } from "../../domain/tables/search.ts";

export type { SearchInput, SearchQuery } from "./searchQuery.server.ts";

/** Declared with the search table (the API's shape and its CSV columns). */
export type { SearchHit, SearchResult } from "../../domain/tables/search.ts";

/**
 * A common word ("kvalitet") matches a large part of all passages; ranking and counting them all
 * costs hundreds of milliseconds on 10,000 evaluations. So the search ranks at most this many
 * matches, the most recent, and says that there are more (docs/performance.md, "Search").
 */
export const RANKED_AT_MOST = 1000;

/** ts_headline settings: short passages whole, the best two fragments of long ones. */
const MARKERS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}`;
const WHOLE = `${MARKERS}, HighlightAll=true`;
const FRAGMENTS = `${MARKERS}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;
/** Passages up to this many characters are shown whole (list items, most paragraphs). */
const WHOLE_UP_TO = 320;

/** The tsquery: every word must match, each as its swedish stem or its root as a prefix; quoted phrases as phrases. */
function tsquery(search: ParsedSearch): SQL {
  const parts = search.words.map((word) => {
    const { stem, prefix } = wordQuery(word);
    const stemmed = sql`to_tsquery('swedish'::regconfig, ${stem}::text)`;
    return prefix ? sql`(${stemmed} || to_tsquery('simple'::regconfig, ${prefix}::text))` : stemmed;
  });
  parts.push(...search.phrases.map((phrase) => sql`phraseto_tsquery('swedish'::regconfig, ${phrase}::text)`));
  return sql`(${sql.join(parts, sql` && `)})`;
}

interface Row {
  id: number | null;
  evaluation_id: number;
  municipality_code: string;
  municipality_name: string;
  instrument_key: string;
  year: number;
  area_number: number | null;
  subarea_id: string | null;
  kind: PassageKind;
  anchor: string;
  rank: number;
  total: number;
  headline: string;
  ambiguous: boolean;
}

/**
 * Full-text search over the published evaluations' texts and good examples, ranked (best
 * first, then the latest year, then the municipality's name in Swedish order) and highlighted.
 * An empty text finds nothing; bad filters throw ValidationError naming the field.
 */
export async function searchPassages(db: Db, input: SearchInput): Promise<SearchResult> {
  const query = validateSearchQuery(input);
  const instruments = await getInstruments(db);
  if (query.instrument && !instruments.has(query.instrument))
    throw unknownInstrument(query.instrument, sortInstrumentKeys(instruments.keys()));
  const search = parseSearch(query.text);
  if (isEmptySearch(search)) return { total: 0, more: false, hits: [] };

  // County, group, instrument and area narrow inside the text index; years by the year index.
  const facets = facetQuery(query);
  const filters: SQL[] = [];
  if (query.yearFrom !== undefined) filters.push(sql`p.year >= ${query.yearFrom}`);
  if (query.yearTo !== undefined) filters.push(sql`p.year <= ${query.yearTo}`);
  // Swedish order of names as a position: PGlite has no Swedish collation.
  const codes = (await municipalityList(db)).map((m) => m.code);
  const codeArray = sql`string_to_array(${codes.join(",")}::text, ',')`;

  const q = tsquery(search);
  const matching = facets ? sql`(${q} && ${facets}::tsquery)` : q;
  const where = sql.join([sql`p.document @@ ${matching}`, ...filters], sql` and `);
  const result = await db.execute(sql`
    with candidates as (
      select p.id, p.evaluation_id, p.municipality_code, p.year, p.position, p.document
      from search_passages p
      where ${where}
      order by p.year desc, p.id desc
      limit ${RANKED_AT_MOST + 1}
    ),
    pool as (select * from candidates order by year desc, id desc limit ${RANKED_AT_MOST}),
    page as (
      select c.id, c.evaluation_id, c.year, c.position, ts_rank(c.document, ${q}, 1) as rank, o.n as name_order
      from pool c left join unnest(${codeArray}) with ordinality as o(code, n) on o.code = c.municipality_code
      order by rank desc, c.year desc, name_order, c.evaluation_id, c.position
      limit ${query.limit} offset ${query.offset}
    )
    select t.total, r.id, r.evaluation_id, r.rank, p.municipality_code, p.municipality_name, p.instrument_key, p.year,
      p.area_number, p.subarea_id, p.kind, p.anchor,
      ts_headline('swedish'::regconfig, translate(p.body, ${MARK_START + MARK_STOP}, ''), ${q}, case when length(p.body) <= ${WHOLE_UP_TO} then ${WHOLE} else ${FRAGMENTS} end) as headline,
      exists (select 1 from results x where x.municipality_code = p.municipality_code and x.year = p.year and x.instrument_key <> p.instrument_key) as ambiguous
    from (select count(*)::int as total from candidates) t
      left join (page r join search_passages p on p.id = r.id
        -- Only published evaluations have passages (indexEvaluation); checked again on the way out.
        join evaluations e on e.id = r.evaluation_id and (e.status = 'published' or e.result_id is not null)) on true
    order by r.rank desc, r.year desc, r.name_order, r.evaluation_id, r.position
  `);
  const rows = (result as unknown as { rows: Row[] }).rows;
  const found = Number(rows[0]?.total ?? 0);
  return {
    total: Math.min(found, RANKED_AT_MOST),
    more: found > RANKED_AT_MOST,
    hits: rows
      .filter((row) => row.id !== null)
      .map((row) => {
        const area =
          row.area_number === null ? undefined : instruments.get(row.instrument_key)?.areas.find((a) => a.number === row.area_number);
        return {
          evaluationId: Number(row.evaluation_id),
          municipality: { code: row.municipality_code, name: row.municipality_name },
          year: Number(row.year),
          instrument: row.instrument_key,
          area: row.area_number === null ? null : { number: Number(row.area_number), name: area?.name ?? "" },
          subareaId: row.subarea_id,
          kind: row.kind,
          anchor: row.anchor,
          link: `${evaluationPath(row.municipality_code, row.municipality_name, Number(row.year), row.ambiguous ? row.instrument_key : undefined)}#${row.anchor}`,
          snippet: snippetSegments(row.headline),
          rank: Number(row.rank),
        };
      }),
  };
}
