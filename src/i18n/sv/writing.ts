/** Swedish messages of the writing pages. */
export const writing = {} as const;
