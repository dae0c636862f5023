/** Swedish messages of the scoring pages. */
export const scoring = {} as const;
