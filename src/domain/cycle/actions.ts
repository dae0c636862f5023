/**
 * The municipality's action plan: actions answering a published evaluation's improvement
 * opportunities (or the municipality's own). Pure rules shared by services, pages and renderers.
 */
export const ACTION_STATUSES = ["planned", "in_progress", "done", "cancelled"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** An action's own fields, as stored and as every view of it (page, files, API) shows them. */
export interface ActionFields {
  title: string;
  description: string;
  /** A name or a role ("Kommundirektören"). */
  owner: string;
  /** Swedish calendar days. */
  startDate: string | null;
  dueDate: string | null;
  status: ActionStatus;
}

/** The fields as shown to a reader: whether it is overdue today, its web addresses one by one. */
export interface ShownAction extends ActionFields {
  overdue: boolean;
  linkList: string[];
}

export const isActionStatus = (value: string): value is ActionStatus => (ACTION_STATUSES as readonly string[]).includes(value);

/** Still to be done: planned or in progress. */
export const isOpenAction = (status: ActionStatus) => status === "planned" || status === "in_progress";

/** An open action whose due date (a calendar day, "2026-05-31") is before today. */
export function isOverdue(action: { status: ActionStatus; dueDate: string | null }, today: string): boolean {
  return isOpenAction(action.status) && action.dueDate !== null && action.dueDate < today;
}

/** The paragraph id of an action on the public evaluation page (and its search passage's anchor). */
export const actionAnchor = (actionId: number) => `atgard-${actionId}`;

/** Only web addresses: a link to evidence is followed by whoever reads the plan. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The links of an action, one per line, blank lines left out. */
export const linksOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");

/** What the ordering and the overview need of an action. */
export interface ActionFacts {
  id: number;
  areaNumber: number | null;
  status: ActionStatus;
  dueDate: string | null;
}

/**
 * The plan's order: overdue actions first (the longest overdue first), then open ones by due
 * date (none last), then done and cancelled ones; equal ones in the order they were added.
 */
export function compareActions(today: string): (a: ActionFacts, b: ActionFacts) => number {
  const rank = (a: ActionFacts) => (isOverdue(a, today) ? 0 : isOpenAction(a.status) ? 1 : a.status === "done" ? 2 : 3);
  const due = (a: ActionFacts) => a.dueDate ?? "9999-12-31";
  return (a, b) => rank(a) - rank(b) || due(a).localeCompare(due(b)) || a.id - b.id;
}

/** How many actions of each status an area has (null: the municipality's own), and how many are overdue. */
export interface AreaStatusCounts {
  areaNumber: number | null;
  counts: Record<ActionStatus, number>;
  overdue: number;
  total: number;
}

const noCounts = (): Record<ActionStatus, number> => ({ planned: 0, in_progress: 0, done: 0, cancelled: 0 });

/** Actions by area and status, areas in order and the municipality's own last; a last row for the whole plan (areaNumber "all"). */
export function countsByArea(actions: readonly ActionFacts[], today: string): { areas: AreaStatusCounts[]; total: AreaStatusCounts } {
  const byArea = new Map<number | null, AreaStatusCounts>();
  const total: AreaStatusCounts = { areaNumber: null, counts: noCounts(), overdue: 0, total: 0 };
  for (const action of actions) {
    const row = byArea.get(action.areaNumber) ?? { areaNumber: action.areaNumber, counts: noCounts(), overdue: 0, total: 0 };
    byArea.set(action.areaNumber, row);
    for (const target of [row, total]) {
      target.counts[action.status] += 1;
      target.total += 1;
      if (isOverdue(action, today)) target.overdue += 1;
    }
  }
  const areas = [...byArea.values()].sort((a, b) => (a.areaNumber ?? Number.MAX_SAFE_INTEGER) - (b.areaNumber ?? Number.MAX_SAFE_INTEGER));
  return { areas, total };
}

/** One month of the plan's progress: at its end, how many actions there were, done and still open. */
export interface MonthProgress {
  /** "2026-05" */
  month: string;
  added: number;
  done: number;
  open: number;
}

const monthOf = (day: string) => day.slice(0, 7);

function nextMonth(month: string): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, "0")}`;
}

/** Months from the first action's to today's, at most this many (the latest kept). */
export const PROGRESS_MONTHS = 36;

/**
 * Progress over time from what is stored of each action: the day it was added, and the day it
 * was last closed (done or cancelled) where it is closed now. An action reopened later counts as
 * open from its start; the plan keeps no fuller history, and this is what it can honestly show.
 */
export function progressByMonth(
  actions: readonly { status: ActionStatus; createdOn: string; closedOn: string | null }[],
  today: string,
): MonthProgress[] {
  if (actions.length === 0) return [];
  const first = actions.map((a) => monthOf(a.createdOn)).sort()[0]!;
  const last = [first, monthOf(today)].sort().at(-1)!;
  const months: MonthProgress[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) {
    const added = actions.filter((a) => monthOf(a.createdOn) <= month);
    const closed = (status: ActionStatus) =>
      added.filter((a) => a.status === status && a.closedOn !== null && monthOf(a.closedOn) <= month);
    const done = closed("done").length;
    months.push({ month, added: added.length, done, open: added.length - done - closed("cancelled").length });
  }
  return months.slice(-PROGRESS_MONTHS);
}

/** When the action was closed after a status change: set on becoming done or cancelled, kept while closed, cleared on reopening. */
export function closedAtAfter(before: ActionStatus | null, after: ActionStatus, closedAt: Date | null, now: Date): Date | null {
  if (isOpenAction(after)) return null;
  return before === after && closedAt !== null ? closedAt : now;
}

/** Today as a Swedish calendar day ("2026-05-31"), whatever the server's time zone. */
export function swedishDay(instant: Date): string {
  return SWEDISH_DAY.format(instant);
}
/** Made once: an action plan formats two days per action, and making a formatter costs more than using it. */
const SWEDISH_DAY = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });
