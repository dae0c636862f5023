import type { Db } from "../src/db/client.server.ts";
import { resolveMunicipality, suggestMunicipalities } from "../src/domain/municipalityMatch.ts";
import { codeOfSlug } from "../src/domain/paths.ts";
import { municipalityList } from "../src/services/results/queries.server.ts";

/** What the not-found page of a municipality address shows: the address and the likely municipalities. */
export interface MunicipalityNotFound {
  /** The address's part as typed, cut to a length worth showing back. */
  slug: string;
  /** Its words, for the search form. */
  query: string;
  suggestions: { code: string; name: string }[];
}

/**
 * The municipality an address's part names: a code (/kommun/1880, /kommuner/1880) or words
 * (/kommun/orebro, /kommun/malmo, /kommun/upplands-vasby) that name one municipality. Otherwise
 * what the not-found page offers: the municipalities the words suggest (for an unknown code,
 * /kommun/9999-orebro, those of the name after it: the code decides, so it is not redirected).
 */
export async function lookUpMunicipalityAddress(
  db: Db,
  slug: string,
): Promise<{ municipality: { code: string; name: string } } | { notFound: MunicipalityNotFound }> {
  const list = await municipalityList(db);
  const code = codeOfSlug(slug);
  const known = code ? list.find((m) => m.code === code) : undefined;
  if (known) return { municipality: known };
  const words = code ? slug.slice(code.length) : slug;
  const resolution = resolveMunicipality(words, list);
  if (!code && resolution.status === "found") return { municipality: resolution.municipality };
  const suggestions =
    resolution.status === "choose"
      ? resolution.matches
      : resolution.status === "none"
        ? resolution.suggestions
        : resolution.status === "found"
          ? [resolution.municipality]
          : suggestMunicipalities(words, list);
  return {
    notFound: {
      slug: slug.slice(0, 100),
      query: words.replace(/-/g, " ").trim().slice(0, 100),
      suggestions: suggestions.slice(0, 10).map((m) => ({ code: m.code, name: m.name })),
    },
  };
}
