/** The profile chart's average: of the 27 latest evaluations by default, as the published reports do. */
export const DEFAULT_COMPARE = 27;
/** At most every municipality once. */
export const MAX_COMPARE = 290;
/**
 * An average is drawn only when at least this many evaluations with area points make it: the
 * "average" of one or two results is those results, not a reference (docs/decisions.md). Fewer,
 * and the profile is shown alone with a sentence saying why. It is also the least the team may
 * ask the report to compare with.
 */
export const MIN_AVERAGED = 3;

/** Whether `used` evaluations are enough to draw their average. */
export const enoughToAverage = (used: number) => used >= MIN_AVERAGED;

/** Averages are shown with one decimal everywhere (the API gives two): see printedAverage. */
export const AVERAGE_DECIMALS = 1;
