export { indexEvaluation, indexUnindexedEvaluations } from "./indexEvaluation.server.ts";
export { searchMunicipalities, type MunicipalityMatch } from "./searchMunicipalities.server.ts";
export { searchPassages, type SearchHit, type SearchInput, type SearchQuery, type SearchResult } from "./searchPassages.server.ts";
export { DEFAULT_LIMIT, MAX_LIMIT, validateSearchQuery } from "./searchQuery.server.ts";
