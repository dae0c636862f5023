/** Swedish messages for the evaluation and report pages, charts and print. */
export const presentation = {};
