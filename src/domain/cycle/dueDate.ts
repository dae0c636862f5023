/**
 * The questionnaire's hand-in date, in Swedish calendar days ("2026-03-12"): pure date arithmetic
 * on the day's text, so that no time zone or clock change moves a date by one.
 */

/** How long before the visit the municipality is asked to hand in its answers. */
export const DAYS_BEFORE_VISIT = 14;
/** Without a visit date far enough ahead: this many days from the day it is sent. */
export const DAYS_TO_ANSWER = 30;

const DAY_MS = 86_400_000;
const swedishDay = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day in Sweden at an instant. */
export function swedishToday(now: Date = new Date()): string {
  return swedishDay.format(now);
}

/** Is this a real calendar day written as YYYY-MM-DD? */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Two weeks before the visit's first day while that is still ahead; else (no visit date yet, or
 * the visit is close) thirty days from today.
 */
export function defaultDueDate(visitStart: string | null, today: string): string {
  if (visitStart && isCalendarDay(visitStart)) {
    const beforeVisit = addDays(visitStart, -DAYS_BEFORE_VISIT);
    if (beforeVisit > today) return beforeVisit;
  }
  return addDays(today, DAYS_TO_ANSWER);
}
