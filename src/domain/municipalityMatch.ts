/**
 * Finding a municipality by what a person types: its name with or without å, ä and ö, in any
 * case, in part, or its code. Pure, so that the pages' servers resolve a typed name and the
 * browser's type-ahead filters with the same rules ("orebro", "ÖREBRO" and "1880" find Örebro;
 * "upplands vasby" Upplands Väsby). A near miss ("orebo") gets suggestions by edit distance.
 */

/** What a municipality needs to be found: its code and its name as the register spells it. */
export interface MunicipalityName {
  code: string;
  name: string;
}

/** How well a municipality matches, best first; names in the same kind follow in Swedish order. */
export const MATCH_KINDS = ["exact", "prefix", "wordPrefix", "substring"] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** Longer input is cut: no municipality's name is this long, and matching stays cheap. */
export const MAX_TEXT_LENGTH = 100;

const collator = new Intl.Collator("sv");

/** Lower case, punctuation and hyphens as single spaces ("Upplands-Bro" → "upplands bro"); diacritics kept. */
function spelled(text: string): string {
  return text
    .slice(0, MAX_TEXT_LENGTH)
    .normalize("NFC")
    .toLocaleLowerCase("sv")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** As spelled, and without diacritics: å, ä → a, ö → o ("Malung-Sälen" → "malung salen"). */
export function foldName(text: string): string {
  return spelled(text).normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}

/** A prepared municipality: its folded name and words, computed once per list. */
interface Prepared<T> {
  municipality: T;
  spelled: string;
  folded: string;
  words: string[];
}

function prepare<T extends MunicipalityName>(list: readonly T[]): Prepared<T>[] {
  return list.map((municipality) => {
    const folded = foldName(municipality.name);
    return { municipality, spelled: spelled(municipality.name), folded, words: folded.split(" ") };
  });
}

/** Every word typed starts a word of the name, in order ("upp vas" → Upplands Väsby). */
function wordsPrefix(typed: readonly string[], words: readonly string[]): boolean {
  let at = 0;
  for (const word of typed) {
    while (at < words.length && !words[at]!.startsWith(word)) at++;
    if (at === words.length) return false;
    at++;
  }
  return true;
}

function kindOf(folded: string, typedWords: readonly string[], entry: Prepared<MunicipalityName>): MatchKind | null {
  const code = entry.municipality.code;
  if (/^\d+$/.test(folded)) {
    if (code === folded) return "exact";
    if (code.startsWith(folded)) return "prefix";
  }
  if (entry.folded === folded) return "exact";
  if (entry.folded.startsWith(folded)) return "prefix";
  if (wordsPrefix(typedWords, entry.words)) return "wordPrefix";
  if (entry.folded.includes(folded)) return "substring";
  return null;
}

export interface MunicipalityMatch<T> {
  municipality: T;
  kind: MatchKind;
}

/**
 * The municipalities the text matches, best first: exact (name or code), name starting with the
 * text, a word of the name starting with it, the text anywhere in the name. Within a kind, a name
 * spelled as typed (with its å, ä, ö) comes first, then Swedish order. Empty text matches none.
 */
export function matchMunicipalities<T extends MunicipalityName>(text: string, list: readonly T[]): MunicipalityMatch<T>[] {
  const folded = foldName(text);
  if (folded === "") return [];
  const typed = spelled(text);
  const typedWords = folded.split(" ");
  const rank = (kind: MatchKind) => MATCH_KINDS.indexOf(kind);
  const found = prepare(list).flatMap((entry) => {
    const kind = kindOf(folded, typedWords, entry);
    return kind ? [{ entry, kind }] : [];
  });
  // A name that holds the text as typed (diacritics and all) before one that only folds to it: "håbo" puts Håbo before Habo.
  const asTyped = (entry: Prepared<T>) => (entry.spelled.includes(typed) ? 0 : 1);
  return found
    .sort(
      (a, b) =>
        rank(a.kind) - rank(b.kind) ||
        asTyped(a.entry) - asTyped(b.entry) ||
        collator.compare(a.entry.municipality.name, b.entry.municipality.name),
    )
    .map(({ entry, kind }) => ({ municipality: entry.municipality, kind }));
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters ("karlskona" → "karlskrona" is 1, "öerbro" → "örebro" is 1).
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[s.length]![t.length]!;
}

/** How far a guess may be from what was typed: one letter in a short name, more in a longer one. */
export function allowedDistance(length: number): number {
  return length <= 5 ? 1 : length <= 9 ? 2 : 3;
}

/** Shorter text than this gets no suggestions: two letters are near too many names. */
export const MIN_SUGGESTION_LENGTH = 3;

/**
 * "Did you mean": the municipalities whose name (or a word of it, or its beginning) is within a
 * few edits of the text, nearest first, then in Swedish order.
 */
export function suggestMunicipalities<T extends MunicipalityName>(text: string, list: readonly T[], limit = 5): T[] {
  const folded = foldName(text);
  const length = [...folded].length;
  if (length < MIN_SUGGESTION_LENGTH || /^\d+$/.test(folded)) return [];
  const allowed = allowedDistance(length);
  return prepare(list)
    .map((entry) => {
      const beginning = [...entry.folded].slice(0, length).join("");
      const distance = Math.min(
        editDistance(folded, entry.folded),
        editDistance(folded, beginning),
        ...entry.words.map((w) => editDistance(folded, w)),
      );
      return { municipality: entry.municipality, distance };
    })
    .filter((c) => c.distance <= allowed)
    .sort((a, b) => a.distance - b.distance || collator.compare(a.municipality.name, b.municipality.name))
    .slice(0, Math.max(0, limit))
    .map((c) => c.municipality);
}

/**
 * What a type-ahead offers for the text: the municipalities it matches, best first, or, when it
 * matches none well (only inside a name: "orebo" is in Töreboda), the near misses before those.
 * `suggested` tells the two apart ("did you mean").
 */
export function findMunicipalities<T extends MunicipalityName>(text: string, list: readonly T[]): { matches: T[]; suggested: boolean } {
  const matches = matchMunicipalities(text, list);
  if (matches.some((m) => m.kind !== "substring")) return { matches: matches.map((m) => m.municipality), suggested: false };
  const inside = matches.map((m) => m.municipality);
  const near = suggestMunicipalities(text, list).filter((m) => !inside.includes(m));
  return { matches: [...near, ...inside], suggested: near.length + inside.length > 0 };
}

/**
 * The name without "kommun" or "stad" after it, as people write it ("Örebro kommun"), with and
 * without the genitive s ("Stockholms stad"; "Borås stad" keeps its s).
 */
function withoutTitle(folded: string): string[] {
  const match = /^(.+?) (?:kommun|stad)$/.exec(folded);
  if (!match) return [];
  const name = match[1]!;
  return name.endsWith("s") ? [name, name.slice(0, -1)] : [name];
}

/** What a typed text names: nothing typed, one municipality, several to choose from, or none (with suggestions). */
export type Resolution<T> =
  | { status: "empty" }
  | { status: "found"; municipality: T }
  | { status: "choose"; matches: T[] }
  | { status: "none"; suggestions: T[] };

export interface ResolveOptions<T> {
  /**
   * The municipalities a page prefers (those with results, on the comparison): when some of the
   * matches are preferred, only they are offered. An exact name or code is found all the same.
   */
  preferred?: (municipality: T) => boolean;
}

/**
 * The municipality a typed text names. A code or a whole name finds it; so does the beginning of
 * a name (or of one of its words) that only one municipality has. A text without diacritics may
 * have left them out, so "habo" could be Habo or Håbo and the visitor chooses, unless it is the
 * name exactly as the register spells it ("Habo", as the type-ahead fills it in); "håbo" is Håbo.
 */
export function resolveMunicipality<T extends MunicipalityName>(
  text: string,
  list: readonly T[],
  options: ResolveOptions<T> = {},
): Resolution<T> {
  const folded = foldName(text);
  if (folded === "") return { status: "empty" };
  const asRegistered = list.filter((m) => m.name === text.normalize("NFC").trim().replace(/\s+/g, " "));
  if (asRegistered.length === 1) return { status: "found", municipality: asRegistered[0]! };
  const matches = matchMunicipalities(text, list);
  const exact = matches.filter((m) => m.kind === "exact").map((m) => m.municipality);
  const typed = spelled(text);
  if (typed !== folded) {
    // Diacritics typed: they count.
    const spelledAlike = exact.filter((m) => spelled(m.name) === typed);
    if (spelledAlike.length === 1) return { status: "found", municipality: spelledAlike[0]! };
  }
  if (exact.length === 1) return { status: "found", municipality: exact[0]! };
  if (exact.length > 1) return { status: "choose", matches: exact };
  const { matches: found, suggested } = findMunicipalities(text, list);
  if (suggested || found.length === 0) {
    for (const shorter of withoutTitle(folded)) {
      const resolution = resolveMunicipality(shorter, list, options);
      if (resolution.status !== "none") return resolution;
    }
    return { status: "none", suggestions: found };
  }
  if (found.length === 1) return { status: "found", municipality: found[0]! };
  const preferred = options.preferred ? found.filter(options.preferred) : [];
  return { status: "choose", matches: preferred.length > 0 ? preferred : found };
}

/** The first of several texts that names one municipality (a choice made after a first try comes before the text typed). */
export function resolveFirst<T extends MunicipalityName>(
  texts: readonly string[],
  list: readonly T[],
  options: ResolveOptions<T> = {},
): Resolution<T> {
  const resolutions = texts.map((text) => resolveMunicipality(text, list, options));
  return resolutions.find((r) => r.status === "found") ?? resolutions.find((r) => r.status !== "empty") ?? { status: "empty" };
}

/** The filter of a list of municipalities: text, county and whether evaluated. */
export interface MunicipalityFilter {
  q?: string;
  county?: string;
  evaluated?: boolean;
}

/**
 * The municipalities a filter keeps: those of the county, those with results (where asked), and
 * with text, those it matches, best first; without text, in the list's order.
 */
export function filterMunicipalities<T extends MunicipalityName & { county: { code: string } }>(
  list: readonly T[],
  filter: MunicipalityFilter,
  isEvaluated: (municipality: T) => boolean,
): T[] {
  const kept = list.filter((m) => (!filter.county || m.county.code === filter.county) && (!filter.evaluated || isEvaluated(m)));
  return filter.q && foldName(filter.q) !== "" ? matchMunicipalities(filter.q, kept).map((m) => m.municipality) : kept;
}
