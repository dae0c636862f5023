import { z } from "zod";
import type { PassageKind } from "../search.ts";
import { instrumentKey, municipalityCode, year, type Column } from "./table.ts";

const KINDS = [
  "summary",
  "area_text",
  "subarea_text",
  "strength",
  "improvement",
  "good_example",
  "action",
] as const satisfies readonly PassageKind[];

export const searchHitSchema = z.strictObject({
  evaluationId: z.int(),
  municipality: z.strictObject({ code: municipalityCode, name: z.string() }),
  year,
  instrument: instrumentKey,
  area: z.strictObject({ number: z.int(), name: z.string() }).nullable(),
  subareaId: z.string().nullable(),
  kind: z.enum(KINDS),
  anchor: z.string().meta({ description: "The paragraph's id on the evaluation page" }),
  link: z.string().meta({ description: "The evaluation page with the anchor, such as /kommun/1880-orebro/2012#omrade-1-styrka-1" }),
  snippet: z
    .array(z.strictObject({ text: z.string(), mark: z.boolean() }))
    .meta({ description: "The matching part as plain-text segments (never HTML); mark is true where words matched" }),
  rank: z.number().meta({ description: "Relevance; higher is better" }),
});

export const searchResultSchema = z.strictObject({
  total: z.int().meta({ description: "Matching passages, counted up to 1000" }),
  more: z.boolean().meta({ description: "More than 1000 match: the hits are the best of the 1000 most recent" }),
  hits: z.array(searchHitSchema),
});

export type SearchHit = z.infer<typeof searchHitSchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchColumns: readonly Column<SearchHit>[] = [
  { key: "municipality", header: { sv: "Kommunkod", en: "Municipality code" }, type: "code", value: (h) => h.municipality.code },
  { key: "name", header: { sv: "Kommun", en: "Municipality" }, type: "text", value: (h) => h.municipality.name },
  { key: "year", header: { sv: "År", en: "Year" }, type: "year", value: (h) => h.year },
  { key: "instrument", header: { sv: "Version", en: "Version" }, type: "text", value: (h) => h.instrument },
  { key: "area", header: { sv: "Område", en: "Area" }, type: "integer", value: (h) => h.area?.number ?? null },
  { key: "kind", header: { sv: "Slag", en: "Kind" }, type: "text", labels: "pages.search.kind", value: (h) => h.kind },
  { key: "text", header: { sv: "Text", en: "Text" }, type: "text", value: (h) => h.snippet.map((s) => s.text).join("") },
  { key: "link", header: { sv: "Länk", en: "Link" }, type: "text", value: (h) => h.link },
  { key: "rank", header: { sv: "Relevans", en: "Relevance" }, type: "points", value: (h) => h.rank },
];
