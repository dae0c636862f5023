/** The English catalog has the Swedish catalog's keys, with strings of its own. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
