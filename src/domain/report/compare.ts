/** The profile chart's average: of the 27 latest evaluations by default, as the published reports do. */
export const DEFAULT_COMPARE = 27;
/** At most every municipality once. */
export const MAX_COMPARE = 290;
