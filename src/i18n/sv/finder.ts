/** Swedish messages for finding a municipality: search, type-ahead, suggestions. */
export const finder = {};
