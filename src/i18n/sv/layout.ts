/** Swedish messages for tables and filters on phones. */
export const layout = {
  /** Under a table wider than the screen; shown only while it overflows. */
  scrollHint: "Svep i sidled för fler kolumner",
  /** Shows the columns a phone hides to keep the row's name and its key figure in view. */
  allColumns: "Visa alla kolumner",
  /** The filter forms' disclosure: the count says how many filters narrow the list. */
  filter: "Filter",
  filterActive_one: "Filter ({{count}} valt)",
  filterActive_other: "Filter ({{count}} valda)",
  /** Shorter column headers on phones; the full header stays for screen readers. */
  short: {
    rank: "Plac.",
    total: "Poäng",
    change: "Förändr.",
  },
};
