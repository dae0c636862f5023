/**
 * Search rules: the visitor's words as full-text query terms, the passages an evaluation is
 * indexed as, and highlighted snippets. Pure; src/services/search runs them on the database.
 */
import { anchors } from "./paths.ts";
import { itemsOf, paragraphsOf } from "./report/format.ts";

/** Longer input is refused (the query gets costly and no one types that much into a search box). */
export const MAX_QUERY_LENGTH = 200;
/** Words beyond this many are left out. */
export const MAX_WORDS = 10;
/** A root shorter than this matches too much as a prefix ("styr" would find "styrelse"). */
export const MIN_ROOT_LENGTH = 5;

/**
 * Common Swedish inflection and derivation endings, longest first. PostgreSQL's swedish stemmer
 * keeps "utvärdering" apart from "utvärderade"/"utvärderat" (stem "utvärder"); cutting the
 * ending and matching the rest as a prefix brings them together.
 */
const ENDINGS = [
  "ningarnas",
  "ningarna",
  "ingarnas",
  "ingarna",
  "ningens",
  "ningars",
  "ningar",
  "ningen",
  "ingens",
  "ingars",
  "ingar",
  "ingen",
  "andets",
  "andet",
  "heten",
  "heter",
  "arnas",
  "ernas",
  "ornas",
  "ning",
  "ande",
  "ades",
  "arna",
  "erna",
  "orna",
  "ing",
  "ade",
  "ats",
  "het",
  "ens",
  "ets",
  "ars",
  "ers",
  "ors",
  "at",
  "ar",
  "er",
  "or",
  "en",
  "et",
  "na",
  "as",
  "s",
  "a",
  "e",
];

/**
 * PostgreSQL's swedish stop words (tsearch_data/swedish.stop): never in the index, so a word
 * among them is left out of the query instead of making it match nothing.
 */
const STOP_WORDS = new Set(
  (
    "och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke mig du henne då sin nu har inte " +
    "hans honom skulle hennes där min man ej vid kunde något från ut när efter upp vi dem vara vad över än dig kan sina här ha mot " +
    "alla under någon eller allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa några " +
    "deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje vilka ditt vem vilket sitta sådana vart " +
    "dina vars vårt våra ert era vilkas"
  ).split(" "),
);

export interface SearchWord {
  /** Lower-case letters and digits only. */
  word: string;
  /** The word without its ending, matched as a prefix; null when too short to be useful. */
  root: string | null;
}

export interface ParsedSearch {
  words: SearchWord[];
  /** Quoted phrases, each as its words joined by single spaces. */
  phrases: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;
const LETTERS_ONLY = /^\p{L}+$/u;

const normalise = (text: string) => text.normalize("NFC").toLocaleLowerCase("sv");
const wordsIn = (text: string) => [...normalise(text).matchAll(WORD)].map((m) => m[0]);

/** The word without the longest known ending that leaves a root of MIN_ROOT_LENGTH letters. */
export function rootOf(word: string): string | null {
  if (!LETTERS_ONLY.test(word) || [...word].length < MIN_ROOT_LENGTH) return null;
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && [...word].length - ending.length >= MIN_ROOT_LENGTH) return word.slice(0, -ending.length);
  }
  return word;
}

/**
 * The visitor's text as words (every one must match) and quoted phrases. Punctuation and
 * operators are dropped, so nothing typed can break the query; single letters and stop words
 * are left out (inside a phrase, stop words only keep the distance between the other words).
 */
export function parseSearch(text: string): ParsedSearch {
  const phrases: string[] = [];
  const rest = text.replace(/"([^"]*)"?/g, (_, phrase: string) => {
    const words = wordsIn(phrase);
    if (words.some((word) => !STOP_WORDS.has(word))) phrases.push(words.join(" "));
    return " ";
  });
  const seen = new Set<string>();
  const words: SearchWord[] = [];
  for (const word of wordsIn(rest)) {
    if (seen.has(word) || STOP_WORDS.has(word) || ([...word].length < 2 && !/^\p{N}$/u.test(word))) continue;
    seen.add(word);
    words.push({ word, root: rootOf(word) });
  }
  const room = Math.max(0, MAX_WORDS - phrases.length);
  return { words: words.slice(0, room), phrases: phrases.slice(0, MAX_WORDS) };
}

export const isEmptySearch = (search: ParsedSearch) => search.words.length === 0 && search.phrases.length === 0;

/** A lexeme quoted for to_tsquery; words hold only letters and digits, escaping is belt and braces. */
const quoted = (lexeme: string) => `'${lexeme.replace(/['\\]/g, (c) => `\\${c}`)}'`;

/**
 * The to_tsquery texts for one word: `stem` for the swedish configuration (the stemmer reduces
 * it), `prefix` (root:*) for the simple configuration, so the root is matched exactly as cut.
 */
export function wordQuery(word: SearchWord): { stem: string; prefix: string | null } {
  return { stem: quoted(word.word), prefix: word.root ? `${quoted(word.root)}:*` : null };
}

export interface SearchFacets {
  county?: string;
  group?: string;
  instrument?: string;
  area?: number;
}

/**
 * The filters as a tsquery on the lexemes every passage carries ("=county:18"; see the
 * search_passages schema), so the text index narrows by them; null without filters.
 */
export function facetQuery(facets: SearchFacets): string | null {
  const terms = (["county", "group", "instrument", "area"] as const)
    .filter((key) => facets[key] !== undefined && facets[key] !== "")
    .map((key) => quoted(`=${key}:${facets[key]}`));
  return terms.length > 0 ? terms.join(" & ") : null;
}

/** "action": an action of a plan the municipality has published (src/services/actionPlan/search.server.ts). */
export type PassageKind = "summary" | "area_text" | "subarea_text" | "strength" | "improvement" | "good_example" | "action";

export interface Passage {
  kind: PassageKind;
  areaNumber: number | null;
  subareaId: string | null;
  anchor: string;
  body: string;
  exampleMunicipalityCode: string | null;
  /** Order on the evaluation page. */
  position: number;
}

export interface PublishedTexts {
  texts: Record<string, string>;
  goodExamples: { areaNumber: number; municipalityCode: string; sentence: string }[];
}

interface TextPart {
  kind: PassageKind;
  areaNumber: number | null;
  subareaId: string | null;
  /** Sorts the parts in page order. */
  order: number[];
  list: boolean;
  anchor: (index: number) => string;
}

const subareaOrder = (id: string) => id.split(".").map(Number);

/** What a text key stands for; unknown keys are not indexed. */
function partOf(key: string): TextPart | null {
  if (key === "summary.evaluation")
    return { kind: "summary", areaNumber: null, subareaId: null, order: [0], list: false, anchor: anchors.summary };
  const area = /^area\.(\d+)\.(general|strengths|improvements)$/.exec(key);
  if (area) {
    const number = Number(area[1]);
    if (area[2] === "general")
      return {
        kind: "area_text",
        areaNumber: number,
        subareaId: null,
        order: [number, 0],
        list: false,
        anchor: (i) => anchors.areaGeneral(number, i),
      };
    const strength = area[2] === "strengths";
    return {
      kind: strength ? "strength" : "improvement",
      areaNumber: number,
      subareaId: null,
      order: [number, strength ? 2 : 3],
      list: true,
      anchor: (i) => (strength ? anchors.strength(number, i) : anchors.improvement(number, i)),
    };
  }
  const subarea = /^subarea\.((\d+)(?:\.\d+)+)$/.exec(key);
  if (subarea) {
    const id = subarea[1]!;
    return {
      kind: "subarea_text",
      areaNumber: Number(subarea[2]),
      subareaId: id,
      order: [Number(subarea[2]), 1, ...subareaOrder(id)],
      list: false,
      anchor: (i) => anchors.subarea(id, i),
    };
  }
  return null;
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? -1) - (b[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The passages of a published revision: running texts split into paragraphs, list texts into
 * items, good examples one each; anchors as on the evaluation page (counting from 1).
 */
export function passagesOf(published: PublishedTexts): Passage[] {
  const parts = Object.entries(published.texts)
    .map(([key, body]) => ({ part: partOf(key), body }))
    .filter((p): p is { part: TextPart; body: string } => p.part !== null)
    .sort((a, b) => compareOrder(a.part.order, b.part.order));
  const passages: Passage[] = [];
  for (const { part, body } of parts) {
    const pieces = part.list ? itemsOf(body) : paragraphsOf(body);
    for (const [i, piece] of pieces.entries())
      passages.push({
        kind: part.kind,
        areaNumber: part.areaNumber,
        subareaId: part.subareaId,
        anchor: part.anchor(i + 1),
        body: piece,
        exampleMunicipalityCode: null,
        position: 0,
      });
  }
  const perArea = new Map<number, number>();
  const examples = [...published.goodExamples].sort((a, b) => a.areaNumber - b.areaNumber);
  for (const example of examples) {
    const index = (perArea.get(example.areaNumber) ?? 0) + 1;
    perArea.set(example.areaNumber, index);
    passages.push({
      kind: "good_example",
      areaNumber: example.areaNumber,
      subareaId: null,
      anchor: anchors.goodExample(example.areaNumber, index),
      body: example.sentence.trim(),
      exampleMunicipalityCode: example.municipalityCode,
      position: 0,
    });
  }
  return passages.filter((p) => p.body.length > 0).map((p, position) => ({ ...p, position }));
}

export interface SnippetSegment {
  text: string;
  mark: boolean;
}

/** Marker strings ts_headline puts around matches: control characters no one types. */
export const MARK_START = "\u0001";
export const MARK_STOP = "\u0002";

/** A headline with markers as plain segments, so that the page escapes text and adds <mark>. */
export function snippetSegments(headline: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const push = (text: string, mark: boolean) => {
    if (text.length === 0) return;
    const last = segments.at(-1);
    if (last && last.mark === mark) last.text += text;
    else segments.push({ text, mark });
  };
  for (const [i, piece] of headline.split(MARK_START).entries()) {
    if (i === 0) {
      push(piece.replaceAll(MARK_STOP, ""), false);
      continue;
    }
    const stop = piece.indexOf(MARK_STOP);
    if (stop < 0) push(piece, true);
    else {
      push(piece.slice(0, stop), true);
      push(piece.slice(stop + 1).replaceAll(MARK_STOP, ""), false);
    }
  }
  return segments;
}
