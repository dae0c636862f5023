/** Swedish messages of the evidence pages. */
export const evidence = {} as const;
