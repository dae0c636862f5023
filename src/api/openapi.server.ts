/** The OpenAPI 3.1 description of the open data API, served at /api/v1/openapi.json. */

import { comparePath, searchPath } from "./openapiPortal.server.ts";

const problem = { $ref: "#/components/responses/Problem" };
const tableContent = (schema: object) => ({
  "application/json": { schema },
  "text/csv": { schema: { type: "string" }, example: "See the JSON form for column meanings." },
  // Only by the .xlsx suffix: one sheet with the CSV's columns, numbers as numbers.
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } },
});
const param = (name: string, description: string, schema: object, required = false, location = "query") => ({
  name,
  in: location,
  required,
  description,
  schema,
});
const instrumentParam = (required: boolean) => param("instrument", "Instrument version key, such as 2010.", { type: "string" }, required);
const yearParam = (name: string, description: string) => param(name, description, { type: "integer", minimum: 1000, maximum: 9999 });
const limitParam = param("limit", "At most this many entries (1–9999).", { type: "integer", minimum: 1, maximum: 9999 });

export function openApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Kommunkompassen open data API",
      version: "1.0.0",
      description:
        "Published results of Kommunkompassen evaluations of Swedish municipalities. Read-only, no login. " +
        "Tables are also available as CSV (send `Accept: text/csv` or add `.csv` to the path) and as Excel (add `.xlsx` to the path). Figures are exact as published; " +
        "derived figures (rounded half up) are marked. Errors are RFC 9457 problem documents.",
      license: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    },
    servers: [{ url: `${origin}/api/v1` }],
    paths: {
      "/instruments": {
        get: {
          summary: "Instrument versions",
          operationId: "listInstruments",
          responses: {
            "200": {
              description: "All versions",
              content: { "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/InstrumentSummary" } } } },
            },
            "400": problem,
          },
        },
      },
      "/instruments/{key}": {
        get: {
          summary: "One instrument version with its areas, sub-areas and questions",
          operationId: "getInstrument",
          parameters: [param("key", "Version key, such as 2010.", { type: "string" }, true, "path")],
          responses: {
            "200": { description: "The version", content: { "application/json": { schema: { $ref: "#/components/schemas/Instrument" } } } },
            "404": problem,
          },
        },
      },
      "/municipalities": {
        get: {
          summary: "Sweden's municipalities with county and groups",
          operationId: "listMunicipalities",
          responses: {
            "200": {
              description: "Sorted by Swedish collation",
              content: tableContent({ type: "array", items: { $ref: "#/components/schemas/Municipality" } }),
            },
          },
        },
      },
      "/municipalities/{code}/results": {
        get: {
          summary: "A municipality's results, oldest first",
          operationId: "listMunicipalityResults",
          parameters: [
            param("code", "Four-digit municipality code (SCB), such as 1880.", { type: "string", pattern: "^\\d{4}$" }, true, "path"),
            instrumentParam(false),
            param("year", "Only the results of this year.", { type: "integer" }),
          ],
          responses: {
            "200": { description: "Results", content: tableContent({ type: "array", items: { $ref: "#/components/schemas/Result" } }) },
            "400": problem,
            "404": problem,
          },
        },
      },
      "/results": {
        get: {
          summary: "Results, filtered",
          operationId: "listResults",
          parameters: [
            instrumentParam(false),
            param("year", "Year of the evaluation.", { type: "integer" }),
            param("group", "Municipality group code in SKL's 2011 grouping (such as 3), or grouping:code for another grouping.", {
              type: "string",
            }),
            param(
              "sort",
              "oldest: by year, date and code (the default); latest: by date, then year, newest first (no date counts as 31 December).",
              {
                type: "string",
                enum: ["oldest", "latest"],
                default: "oldest",
              },
            ),
            limitParam,
          ],
          responses: {
            "200": {
              description: "Results, oldest first unless sort=latest",
              content: tableContent({ type: "array", items: { $ref: "#/components/schemas/Result" } }),
            },
            "400": problem,
            "404": problem,
          },
        },
      },
      "/rankings": {
        get: {
          summary: "Municipalities ranked by total",
          description:
            "The latest result of each municipality with the instrument, best total first; equal totals share a rank (1, 2, 2, 4) within the filtered list. " +
            "With all=true every result is ranked. Filters: county, SKL 2011 group and an inclusive year range (the latest result within the range). " +
            "Each entry has its change since the municipality's previous result (the latest from an earlier year): a number of exact points when that " +
            "result is of the same version, otherwise null with previousYear and previousInstrument telling which result it was.",
          operationId: "getRankings",
          parameters: [
            instrumentParam(true),
            param("all", "Rank every result instead of the latest per municipality.", { type: "boolean", default: false }),
            param("county", "Two-digit county code, such as 18.", { type: "string", pattern: "^\\d{2}$" }),
            param("group", "Municipality group number in SKL's 2011 grouping, 1–10.", { type: "string", pattern: "^\\d{1,2}$" }),
            yearParam("yearFrom", "Only results from this year on."),
            yearParam("yearTo", "Only results up to this year; not before yearFrom."),
            limitParam,
          ],
          responses: {
            "200": {
              description: "Ranking",
              content: tableContent({ type: "array", items: { $ref: "#/components/schemas/RankingEntry" } }),
            },
            "400": problem,
            "404": problem,
          },
        },
      },
      "/averages": {
        get: {
          summary: "Reference profile: average points of recent results",
          description:
            "Average points per area and in total of the N most recent results with area points, one per municipality (its latest), dated before a date. " +
            "A result without a date counts as of 31 December of its year. Averages are rounded half up to two decimals.",
          operationId: "getAverages",
          parameters: [
            instrumentParam(true),
            param("latest", "How many recent results (N).", { type: "integer", minimum: 1 }, true),
            param("before", "Only results dated before this day (YYYY-MM-DD).", { type: "string", format: "date" }),
            param("exclude", "Leave out this municipality (code).", { type: "string" }),
          ],
          responses: {
            "200": { description: "Averages and the results used", content: tableContent({ $ref: "#/components/schemas/Averages" }) },
            "400": problem,
            "404": problem,
          },
        },
      },
      "/search": searchPath(param, tableContent, problem, instrumentParam, yearParam),
      "/compare": comparePath(param, tableContent, problem),
    },
    components: {
      responses: {
        Problem: {
          description: "A problem document (RFC 9457)",
          content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
        },
      },
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status"],
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            instance: { type: "string" },
            errors: {
              type: "array",
              items: { type: "object", properties: { parameter: { type: "string" }, message: { type: "string" } } },
            },
          },
        },
        InstrumentSummary: {
          type: "object",
          required: ["key", "name", "maxPoints", "areaCount", "subareaCount"],
          properties: {
            key: { type: "string" },
            name: { type: "string" },
            description: { type: ["string", "null"] },
            maxPoints: { type: "number" },
            areaCount: { type: "integer" },
            subareaCount: { type: "integer" },
          },
        },
        Instrument: {
          allOf: [
            { $ref: "#/components/schemas/InstrumentSummary" },
            {
              type: "object",
              properties: {
                areas: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      number: { type: "integer" },
                      name: { type: "string" },
                      role: { type: ["string", "null"] },
                      rubricHeadings: { type: "array", items: { type: "string" } },
                      maxPoints: { type: "number" },
                      subareas: {
                        type: "array",
                        items: {
                          type: "object",
                          properties: {
                            id: { type: "string" },
                            question: { type: "string" },
                            maxPoints: { type: "number" },
                            questions: { type: "array", items: { type: "object" } },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          ],
        },
        Municipality: {
          type: "object",
          required: ["code", "name", "county", "groups"],
          properties: {
            code: { type: "string", pattern: "^\\d{4}$" },
            name: { type: "string" },
            officialName: { type: ["string", "null"] },
            county: { type: "object", properties: { code: { type: "string" }, name: { type: "string" } } },
            groups: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  grouping: { type: "string" },
                  groupingName: { type: "string" },
                  validFrom: { type: ["string", "null"] },
                  code: { type: "string" },
                  name: { type: "string" },
                },
              },
            },
          },
        },
        Result: {
          type: "object",
          required: ["municipality", "name", "instrument", "year", "total", "level", "warnings"],
          properties: {
            id: { type: "integer" },
            municipality: { type: "string", description: "Municipality code" },
            name: { type: "string" },
            instrument: { type: "string" },
            year: { type: "integer" },
            date: { type: ["string", "null"], format: "date" },
            level: { enum: ["subarea", "area", "total"], description: "The finest level at which figures were given" },
            total: { type: ["number", "null"], description: "As published, or derived (rounded half up) when none was published" },
            totalPublished: { type: "boolean" },
            areas: {
              type: "object",
              additionalProperties: { type: "number" },
              description: "Area number → points, as published or derived; absent when unknown",
            },
            derivedAreas: { type: "array", items: { type: "string" }, description: "Area numbers whose points are derived" },
            subareas: { type: "object", additionalProperties: { type: "number" }, description: "Sub-area id → exact points as given" },
            source: { type: ["string", "null"] },
            warnings: {
              type: "array",
              items: {
                type: "object",
                required: ["code", "field", "message"],
                properties: {
                  code: { type: "string" },
                  field: { type: "string" },
                  message: { type: "string" },
                  published: { type: "number" },
                  derived: { type: "number" },
                  missing: { type: "array", items: { type: "string" } },
                },
              },
            },
            updatedAt: { type: "string", format: "date-time" },
          },
        },
        RankingEntry: {
          type: "object",
          required: ["rank", "municipality", "year", "total"],
          properties: {
            rank: { type: "integer" },
            municipality: { type: "string" },
            name: { type: "string" },
            year: { type: "integer" },
            date: { type: ["string", "null"] },
            total: { type: "number", description: "As published, or derived; rounded half up" },
            totalPublished: { type: "boolean" },
            change: {
              type: ["number", "null"],
              description: "Exact points since the previous result of the same version; null if none or another version",
            },
            previousYear: { type: ["integer", "null"] },
            previousInstrument: {
              type: ["string", "null"],
              description: "Version of the previous result; differs from the ranked version when change is null",
            },
          },
        },
        SearchResult: {
          type: "object",
          required: ["total", "more", "hits"],
          properties: {
            total: { type: "integer", description: "Matching passages, counted up to 1000" },
            more: { type: "boolean", description: "More than 1000 match: the hits are the best of the 1000 most recent" },
            hits: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  evaluationId: { type: "integer" },
                  municipality: { type: "object", properties: { code: { type: "string" }, name: { type: "string" } } },
                  year: { type: "integer" },
                  instrument: { type: "string" },
                  area: { type: ["object", "null"], properties: { number: { type: "integer" }, name: { type: "string" } } },
                  subareaId: { type: ["string", "null"] },
                  kind: { type: "string", enum: ["summary", "area_text", "subarea_text", "strength", "improvement", "good_example"] },
                  anchor: { type: "string", description: "The paragraph's id on the evaluation page" },
                  link: { type: "string", description: "The evaluation page with the anchor, such as /kommun/1880-orebro/2012#omrade-1-styrka-1" },
                  snippet: {
                    type: "array",
                    items: { type: "object", properties: { text: { type: "string" }, mark: { type: "boolean" } } },
                  },
                  rank: { type: "number", description: "Relevance; higher is better" },
                },
              },
            },
          },
        },
        Averages: {
          type: "object",
          properties: {
            instrument: { type: "string" },
            latest: { type: "integer" },
            before: { type: ["string", "null"] },
            count: { type: "integer", description: "How many results were averaged (at most latest)" },
            areas: { type: "object", additionalProperties: { type: "number" } },
            total: { type: ["number", "null"] },
            results: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  municipality: { type: "string" },
                  name: { type: "string" },
                  year: { type: "integer" },
                  date: { type: ["string", "null"] },
                },
              },
            },
          },
        },
      },
    },
  };
}
