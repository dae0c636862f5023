import { eq } from "drizzle-orm";
import type { Db, Tx } from "../client.server.ts";
import { concurrently } from "./concurrently.server.ts";
import { counties, groupingGroups, groupings, municipalities, municipalityGroups } from "../schema.server.ts";
import type { Municipality } from "../../domain/tables/municipalities.ts";

type Queryable = Db | Tx;

/** Declared with the municipalities table (the API's shape). */
export type { Municipality } from "../../domain/tables/municipalities.ts";
export type MunicipalityGroupMembership = Municipality["groups"][number];

const collator = new Intl.Collator("sv");

/**
 * The municipalities, sorted by Swedish collation (PGlite has no Swedish collation). Practice
 * municipalities (made up for practice, never public) only when asked for.
 */
export async function listMunicipalities(db: Queryable, options: { practice: boolean } = { practice: false }): Promise<Municipality[]> {
  const [rows, memberships] = await concurrently(db, [
    () =>
      db
        .select({
          code: municipalities.code,
          name: municipalities.name,
          officialName: municipalities.officialName,
          countyCode: counties.code,
          countyName: counties.name,
        })
        .from(municipalities)
        .innerJoin(counties, eq(counties.code, municipalities.countyCode))
        .where(options.practice ? undefined : eq(municipalities.practice, false)),
    () =>
      db
        .select({
          municipalityCode: municipalityGroups.municipalityCode,
          grouping: groupings.key,
          groupingName: groupings.name,
          validFrom: groupings.validFrom,
          code: groupingGroups.code,
          name: groupingGroups.name,
        })
        .from(municipalityGroups)
        .innerJoin(groupings, eq(groupings.key, municipalityGroups.groupingKey))
        .innerJoin(groupingGroups, eq(groupingGroups.groupingKey, municipalityGroups.groupingKey))
        .where(eq(groupingGroups.code, municipalityGroups.groupCode)),
  ]);
  const byMunicipality = new Map<string, MunicipalityGroupMembership[]>();
  for (const { municipalityCode, ...membership } of memberships) {
    const list = byMunicipality.get(municipalityCode) ?? [];
    list.push(membership);
    byMunicipality.set(municipalityCode, list);
  }
  return rows
    .map((row) => ({
      code: row.code,
      name: row.name,
      officialName: row.officialName,
      county: { code: row.countyCode, name: row.countyName },
      groups: (byMunicipality.get(row.code) ?? []).sort((a, b) => a.grouping.localeCompare(b.grouping)),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
