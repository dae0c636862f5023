import type { layout as sv } from "../sv/layout.ts";
import type { Messages } from "../messages.ts";

/** English messages for tables and filters on phones. */
export const layout: Messages<typeof sv> = {
  scrollHint: "Swipe sideways for more columns",
  allColumns: "Show all columns",
  filter: "Filters",
  filterActive_one: "Filters ({{count}} set)",
  filterActive_other: "Filters ({{count}} set)",
  short: {
    rank: "Rank",
    total: "Points",
    change: "Change",
  },
};
