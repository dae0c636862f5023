/** The portal endpoints' descriptions (search, compare), kept apart to keep openapi.ts readable. */
export function comparePath(
  param: (name: string, description: string, schema: object) => object,
  tableContent: (schema: object) => object,
  problem: object,
) {
  return {
        get: {
          summary: "Compare 2–6 municipalities side by side",
          description:
            "The comparison page's table: k1…k6 name the municipalities (four-digit codes), u1…u6 optionally which result of each (year:version, " +
            "such as 2012:2010); without u the municipality's latest result with area points. One row per area number, one column per result, " +
            "and the totals. `mixedVersions` is true when the results come from different instrument versions: areas then meet by number only.",
          operationId: "compare",
          parameters: [1, 2, 3, 4, 5, 6].flatMap((n) => [
            param(`k${n}`, `Municipality ${n}: a four-digit code, such as 1880.`, { type: "string", pattern: "^\\d{4}$" }),
            param(`u${n}`, `Which result of municipality ${n}: year:version, such as 2012:2010.`, { type: "string" }),
          ]),
          responses: {
            "200": { description: "The compared results, area by area", content: tableContent({ type: "object" }) },
            "400": problem,
          },
        },
      };
}

export function searchPath(
  param: (name: string, description: string, schema: object) => object,
  tableContent: (schema: object) => object,
  problem: object,
  instrumentParam: (required: boolean) => object,
  yearParam: (name: string, description: string) => object,
) {
  return {
        get: {
          summary: "Search the published evaluations' texts",
          description:
            "Full-text search over the summaries, area and sub-area texts, strengths, improvement opportunities and good examples of every published " +
            "evaluation (its latest published revision; unpublished evaluations never appear). Swedish stemming, and other forms of a word match too " +
            "(utvärdering finds utvärderade and utvärderat); every word must match; \"quoted words\" match as a phrase. A good example is also found by " +
            "the name of the municipality it names. Best match first, then the latest year, then the municipality's name. Each hit links to the " +
            "paragraph on the evaluation page; `snippet` holds the matching part as plain-text segments, `mark` true where words matched. " +
            "An empty q gives no hits. A common word can match very many passages: then the best of the 1,000 most recent are ranked and `more` is true.",
          operationId: "search",
          parameters: [
            param("q", "The words to search for (at most 200 characters).", { type: "string", maxLength: 200 }),
            param("area", "Only this area (1–8).", { type: "integer", minimum: 1 }),
            instrumentParam(false),
            param("county", "Two-digit county code, such as 18.", { type: "string", pattern: "^\\d{2}$" }),
            param("group", "Municipality group number in SKL's 2011 grouping, 1–10.", { type: "string", pattern: "^\\d{1,2}$" }),
            yearParam("yearFrom", "Only evaluations from this year on."),
            yearParam("yearTo", "Only evaluations up to this year; not before yearFrom."),
            param("limit", "At most this many hits (1–100, default 20).", { type: "integer", minimum: 1, maximum: 100, default: 20 }),
            param("offset", "Skip this many hits (0–1000).", { type: "integer", minimum: 0, maximum: 1000, default: 0 }),
          ],
          responses: {
            "200": {
              description: "The total number of hits and one page of them",
              content: tableContent({ $ref: "#/components/schemas/SearchResult" }),
            },
            "400": problem,
          },
        },
      };
}
