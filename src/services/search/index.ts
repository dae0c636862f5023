export { indexEvaluation, indexUnindexedEvaluations } from "./indexEvaluation.ts";
export { searchMunicipalities, type MunicipalityMatch } from "./searchMunicipalities.ts";
export { searchPassages, type SearchHit, type SearchInput, type SearchQuery, type SearchResult } from "./searchPassages.ts";
export { DEFAULT_LIMIT, MAX_LIMIT, validateSearchQuery } from "./searchQuery.ts";
