/**
 * When the municipality is reminded by e-mail (issue 13): a questionnaire's hand-in date within
 * the next week, and open actions whose due date has passed. Dates are Swedish calendar days.
 */

/** A hand-in date this many days ahead (or today) is due soon. */
export const HAND_IN_DAYS_AHEAD = 7;

export type ReminderKind = "hand_in_due" | "action_overdue";

const swedishDays = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day in Sweden at an instant: "2026-03-01". */
export function swedishDay(now: Date): string {
  return swedishDays.format(now);
}

/** A calendar day `days` later (earlier when negative). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A hand-in date from today up to HAND_IN_DAYS_AHEAD days ahead. */
export function handInDueSoon(dueDate: string, today: string): boolean {
  return dueDate >= today && dueDate <= addDays(today, HAND_IN_DAYS_AHEAD);
}

/**
 * What a reminder is about, with its date: a reminder is sent once per key and recipient, so a
 * date moved later earns a new one.
 */
export const reminderSubject = {
  questionnaire: (evaluationId: number, dueDate: string) => `questionnaire:${evaluationId}:${dueDate}`,
  action: (actionId: number, dueDate: string) => `action:${actionId}:${dueDate}`,
};
