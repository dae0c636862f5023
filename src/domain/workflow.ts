/** An evaluation's way from planned visit to published, agreed scores. */
export const STATUSES = ["planned", "preparation", "visit", "scoring", "agreement", "review", "published"] as const;
export type EvaluationStatus = (typeof STATUSES)[number];

/** contact: the municipality's contact for its evaluations; staff: a colleague a contact invited (issue 13). */
export type UserRole = "administrator" | "evaluator" | "contact" | "staff";

/** Who is acting: null for an anonymous visitor. */
export type Actor = { id: string; name: string; role: UserRole; municipalityCode: string | null } | null;

/** What a transition needs to know about the evaluation. */
export interface EvaluationFacts {
  status: EvaluationStatus;
  evaluatorIds: string[];
  contactIds: string[];
  visitStart: string | null;
  visitEnd: string | null;
  interviewCount: number;
  submittedEvaluatorIds: string[];
  scorableItemCount: number;
  agreedItemCount: number;
  summaryWritten: boolean;
  /** A practice case (a made-up municipality): never published, so its points never look like a result. */
  practice: boolean;
}

/** Why a transition cannot be made yet: a message key with its values. */
export interface Blocker {
  code:
    | "team_too_small"
    | "no_contact"
    | "no_visit_dates"
    | "no_interviews"
    | "not_all_submitted"
    | "not_all_agreed"
    | "no_summary"
    | "practice_case";
  values?: Record<string, string | number>;
}

export type TransitionRule = { who: "administrator" | "team"; requires: (facts: EvaluationFacts) => Blocker[] };

const rules: Partial<Record<`${EvaluationStatus}>${EvaluationStatus}`, TransitionRule>> = {
  "planned>preparation": {
    who: "administrator",
    requires: (f) => [
      ...(f.evaluatorIds.length < 2 ? [{ code: "team_too_small" as const, values: { count: f.evaluatorIds.length } }] : []),
      ...(f.contactIds.length === 0 ? [{ code: "no_contact" as const }] : []),
    ],
  },
  "preparation>visit": { who: "team", requires: (f) => (f.visitStart && f.visitEnd ? [] : [{ code: "no_visit_dates" }]) },
  "visit>scoring": { who: "team", requires: (f) => (f.interviewCount > 0 ? [] : [{ code: "no_interviews" }]) },
  "scoring>agreement": {
    who: "team",
    requires: (f) => {
      const missing = f.evaluatorIds.filter((id) => !f.submittedEvaluatorIds.includes(id)).length;
      return missing > 0 ? [{ code: "not_all_submitted", values: { count: missing } }] : [];
    },
  },
  "agreement>review": {
    who: "team",
    requires: (f) =>
      f.agreedItemCount < f.scorableItemCount
        ? [{ code: "not_all_agreed", values: { count: f.scorableItemCount - f.agreedItemCount } }]
        : [],
  },
  "review>published": {
    who: "administrator",
    requires: (f) => [
      ...(f.summaryWritten ? [] : [{ code: "no_summary" as const }]),
      ...(f.practice ? [{ code: "practice_case" as const }] : []),
    ],
  },
  // One step back, to correct something before publication.
  "preparation>planned": { who: "administrator", requires: () => [] },
  "visit>preparation": { who: "team", requires: () => [] },
  "scoring>visit": { who: "team", requires: () => [] },
  "agreement>scoring": { who: "team", requires: () => [] },
  "review>agreement": { who: "team", requires: () => [] },
};

export function transitionRule(from: EvaluationStatus, to: EvaluationStatus): TransitionRule | undefined {
  return rules[`${from}>${to}`];
}

export function nextStatuses(from: EvaluationStatus): EvaluationStatus[] {
  return STATUSES.filter((to) => transitionRule(from, to) !== undefined);
}

export function isStatus(value: string): value is EvaluationStatus {
  return (STATUSES as readonly string[]).includes(value);
}

export function statusIndex(status: EvaluationStatus): number {
  return STATUSES.indexOf(status);
}
