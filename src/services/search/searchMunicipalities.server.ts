import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.server.ts";
import { MAX_QUERY_LENGTH } from "../../domain/search.ts";
import { withoutControlCharacters } from "../../domain/text.ts";

export interface MunicipalityMatch {
  code: string;
  name: string;
  county: { code: string; name: string };
  /** 0..1: how well the name matches (trigram similarity; 1 for a name that starts with the text). */
  score: number;
}

const collator = new Intl.Collator("sv");

/**
 * Municipalities whose name resembles the text (pg_trgm, so "örebo" finds Örebro) or starts
 * with it; best first, ties in Swedish order. Empty text finds none, and practice
 * municipalities are never found (the search is public).
 */
export async function searchMunicipalities(db: Db, text: string, limit = 5): Promise<MunicipalityMatch[]> {
  // Control characters are left out: a NUL would make PostgreSQL refuse the query.
  const needle = withoutControlCharacters(text)
    .normalize("NFC")
    .trim()
    .toLocaleLowerCase("sv")
    .replace(/\s+/g, " ")
    .slice(0, MAX_QUERY_LENGTH);
  if (needle.length === 0) return [];
  const prefix = `${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const result = await db.execute(sql`
    select m.code, m.name, c.code as county_code, c.name as county_name,
      case when lower(m.name) like ${prefix} then 1
        else greatest(similarity(lower(m.name), ${needle}), word_similarity(${needle}, lower(m.name))) end as score
    from municipalities m join counties c on c.code = m.county_code
    -- The functions rather than the % and <% operators: with the operators, PGlite's next query
    -- could hang the process (seen with PGlite 0.5.16), and 290 names need no index.
    where not m.practice
      and (similarity(lower(m.name), ${needle}) >= 0.3 or word_similarity(${needle}, lower(m.name)) >= 0.6 or lower(m.name) like ${prefix})`);
  const rows = (result as unknown as { rows: { code: string; name: string; county_code: string; county_name: string; score: number }[] })
    .rows;
  return rows
    .map((r) => ({ code: r.code, name: r.name, county: { code: r.county_code, name: r.county_name }, score: Number(r.score) }))
    .sort((a, b) => b.score - a.score || collator.compare(a.name, b.name))
    .slice(0, Math.max(0, limit));
}
