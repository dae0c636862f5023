import { handInOpen } from "./evidence.ts";
import { statusIndex, type Actor, type EvaluationStatus, transitionRule } from "./workflow.ts";

/**
 * Who may do what with an evaluation and the things in it. Every check in the product goes
 * through here, so the permission matrix test covers them all.
 */
export interface EvaluationAccessFacts {
  status: EvaluationStatus;
  municipalityCode: string;
  evaluatorIds: readonly string[];
  contactIds: readonly string[];
  /** Municipality staff a contact invited to this evaluation (to answer questionnaire items). */
  staffIds?: readonly string[];
  /** Has this actor handed in their own scoring? */
  actorSubmitted?: boolean;
}

export const isAdministrator = (actor: Actor) => actor?.role === "administrator";
export const isTeamMember = (actor: Actor, e: EvaluationAccessFacts) =>
  !!actor && (actor.role === "evaluator" || actor.role === "administrator") && e.evaluatorIds.includes(actor.id);
export const isContact = (actor: Actor, e: EvaluationAccessFacts) =>
  !!actor && actor.role === "contact" && e.contactIds.includes(actor.id) && actor.municipalityCode === e.municipalityCode;

/** A colleague the contact invited to this evaluation, of the same municipality. */
export const isInvitedStaff = (actor: Actor, e: EvaluationAccessFacts) =>
  !!actor && actor.role === "staff" && (e.staffIds ?? []).includes(actor.id) && actor.municipalityCode === e.municipalityCode;
/** Anyone who speaks for the municipality: its contacts and staff accounts (the action plan is the municipality's). */
export const speaksFor = (actor: Actor, municipalityCode: string) =>
  !!actor && (actor.role === "contact" || actor.role === "staff") && actor.municipalityCode === municipalityCode;

const insider = (actor: Actor, e: EvaluationAccessFacts) => isAdministrator(actor) || isTeamMember(actor, e);
const atOrAfter = (e: EvaluationAccessFacts, status: EvaluationStatus) => statusIndex(e.status) >= statusIndex(status);
const published = (e: EvaluationAccessFacts) => e.status === "published";

export const evaluationPolicy = {
  /** The evaluation's page in the workspace. Nobody but the team (and the administrator, and the municipality's contact) sees an unpublished one. */
  view: (actor: Actor, e: EvaluationAccessFacts) => insider(actor, e) || isContact(actor, e) || isInvitedStaff(actor, e),
  /** Team, dates and contact. */
  editSetup: (actor: Actor, e: EvaluationAccessFacts) => isAdministrator(actor) && !published(e),
  transition: (actor: Actor, e: EvaluationAccessFacts, to: EvaluationStatus) => {
    const rule = transitionRule(e.status, to);
    if (!rule) return false;
    return rule.who === "administrator" ? isAdministrator(actor) : insider(actor, e);
  },
  /** A published evaluation is frozen: only an administrator reopens it, with a reason, as a new revision. */
  correct: (actor: Actor, e: EvaluationAccessFacts) => isAdministrator(actor) && published(e),
  viewAudit: (actor: Actor, e: EvaluationAccessFacts) => insider(actor, e),
  /** The evaluators' working texts and scores become readable to the municipality once published. */
  viewReport: (actor: Actor, e: EvaluationAccessFacts) => insider(actor, e) || (published(e) && isContact(actor, e)),
};

export const evidencePolicy = {
  /** Documents and links: the team, and the municipality that handed them in. */
  viewDocuments: (actor: Actor, e: EvaluationAccessFacts) => insider(actor, e) || isContact(actor, e) || isInvitedStaff(actor, e),
  /** Notes and interview notes are the evaluators' working material. */
  viewNotes: (actor: Actor, e: EvaluationAccessFacts) => insider(actor, e),
  uploadDocument: (actor: Actor, e: EvaluationAccessFacts) =>
    !published(e) && (insider(actor, e) || ((isContact(actor, e) || isInvitedStaff(actor, e)) && handInOpen(e.status))),
  addNote: (actor: Actor, e: EvaluationAccessFacts) => !published(e) && insider(actor, e),
  editInterviews: (actor: Actor, e: EvaluationAccessFacts) => !published(e) && insider(actor, e),
  tagSubareas: (actor: Actor, e: EvaluationAccessFacts) => !published(e) && insider(actor, e),
  /** Before publication: the team anything, whoever handed something in their own while they may still hand in. */
  deleteEvidence: (actor: Actor, e: EvaluationAccessFacts, createdBy: string | null) =>
    !published(e) && !!actor && (insider(actor, e) || (createdBy === actor.id && evidencePolicy.uploadDocument(actor, e))),
};

export const scoringPolicy = {
  /** The scoring and agreement views are the evaluators' working tools (and the administrator's). */
  open: (actor: Actor, e: EvaluationAccessFacts) => insider(actor, e),
  /** Scoring alone: an evaluator on the team, while scoring, until they hand in. */
  scoreOwn: (actor: Actor, e: EvaluationAccessFacts) => isTeamMember(actor, e) && e.status === "scoring" && !e.actorSubmitted,
  submitOwn: (actor: Actor, e: EvaluationAccessFacts) => isTeamMember(actor, e) && e.status === "scoring" && !e.actorSubmitted,
  /** Nobody sees another evaluator's points before handing in their own (or before agreement starts). */
  viewOthers: (actor: Actor, e: EvaluationAccessFacts) =>
    isAdministrator(actor) || (isTeamMember(actor, e) && (!!e.actorSubmitted || atOrAfter(e, "agreement"))),
  agree: (actor: Actor, e: EvaluationAccessFacts) => isTeamMember(actor, e) && e.status === "agreement",
  viewAgreed: (actor: Actor, e: EvaluationAccessFacts) => insider(actor, e) || (published(e) && isContact(actor, e)),
};

export const writingPolicy = {
  edit: (actor: Actor, e: EvaluationAccessFacts) => isTeamMember(actor, e) && atOrAfter(e, "scoring") && !published(e),
  view: (actor: Actor, e: EvaluationAccessFacts) => insider(actor, e) || (published(e) && isContact(actor, e)),
};

export const reportPolicy = {
  /** The working report (marked as a draft until published): whoever may read the evaluation's texts. */
  viewCurrent: (actor: Actor, e: EvaluationAccessFacts) => evaluationPolicy.viewReport(actor, e),
  /** A published revision's report is public, also while a correction is being made. */
  viewPublished: (hasPublishedRevision: boolean) => hasPublishedRevision,
  /**
   * How many evaluations the profile is compared with: the team and the administrator try other
   * numbers; everyone else sees the published comparison (DEFAULT_COMPARE).
   */
  chooseComparison: (actor: Actor, e: EvaluationAccessFacts) => insider(actor, e),
  /** Key facts for report section 5: the team and the administrator, until published. */
  editKeyFacts: (actor: Actor, e: EvaluationAccessFacts) => !published(e) && insider(actor, e),
};

export const userPolicy = {
  manage: (actor: Actor) => isAdministrator(actor),
  manageInstruments: (actor: Actor) => isAdministrator(actor),
  createEvaluation: (actor: Actor) => isAdministrator(actor),
  /** The workspace list: anyone signed in sees the evaluations they take part in. */
  useWorkspace: (actor: Actor) => actor !== null,
};

/** Where a questionnaire stands, beside the evaluation's facts. */
export interface QuestionnaireFacts {
  status: "open" | "handed_in";
  gapPublished: boolean;
}

/**
 * The municipality's questionnaire (självvärdering). The contact runs it: gives items to invited
 * colleagues, answers any item and hands it in. A colleague sees and answers only the items given
 * to them. The team reads every answer; once handed in it is frozen until the team reopens it.
 */
export const questionnairePolicy = {
  view: (actor: Actor, e: EvaluationAccessFacts) => insider(actor, e) || isContact(actor, e) || isInvitedStaff(actor, e),
  /** One item: a colleague only the ones given to them. */
  viewItem: (actor: Actor, e: EvaluationAccessFacts, assignedTo: string | null) =>
    insider(actor, e) || isContact(actor, e) || (isInvitedStaff(actor, e) && assignedTo === actor!.id),
  answer: (actor: Actor, e: EvaluationAccessFacts, q: QuestionnaireFacts, assignedTo: string | null) =>
    q.status === "open" &&
    !published(e) &&
    handInOpen(e.status) &&
    (isContact(actor, e) || (isInvitedStaff(actor, e) && assignedTo === actor!.id)),
  /** Invite colleagues and give them items. */
  delegate: (actor: Actor, e: EvaluationAccessFacts, q: QuestionnaireFacts) =>
    q.status === "open" && !published(e) && handInOpen(e.status) && isContact(actor, e),
  handIn: (actor: Actor, e: EvaluationAccessFacts, q: QuestionnaireFacts) =>
    q.status === "open" && !published(e) && handInOpen(e.status) && isContact(actor, e),
  /** The team (or the administrator) reopens a handed-in questionnaire, with a reason, while the municipality may still hand in (until the visit is over). */
  reopen: (actor: Actor, e: EvaluationAccessFacts, q: QuestionnaireFacts) =>
    q.status === "handed_in" && !published(e) && handInOpen(e.status) && insider(actor, e),
  /** The hand-in date: the team and the administrator. */
  setDueDate: (actor: Actor, e: EvaluationAccessFacts) => !published(e) && insider(actor, e),
  /** Own scores beside the agreed points: after publication, the municipality and the team; everyone once the municipality publishes it. */
  viewGap: (actor: Actor, e: EvaluationAccessFacts, q: QuestionnaireFacts) =>
    published(e) && (q.gapPublished || insider(actor, e) || isContact(actor, e) || isInvitedStaff(actor, e)),
  publishGap: (actor: Actor, e: EvaluationAccessFacts) => published(e) && isContact(actor, e),
};

/**
 * A published evaluation's action plan belongs to the municipality: its contacts and staff write
 * it; the evaluation's team reads it; everyone reads it once the municipality publishes it.
 */
export const actionPlanPolicy = {
  view: (actor: Actor, e: EvaluationAccessFacts, planPublished: boolean) =>
    published(e) && (planPublished || insider(actor, e) || speaksFor(actor, e.municipalityCode)),
  edit: (actor: Actor, e: EvaluationAccessFacts) => published(e) && speaksFor(actor, e.municipalityCode),
  /** Making it public (or private again) is the contact's decision. */
  publish: (actor: Actor, e: EvaluationAccessFacts) =>
    published(e) && !!actor && actor.role === "contact" && actor.municipalityCode === e.municipalityCode,
};

/**
 * At a new evaluation the team follows up the previous published evaluation's improvement
 * opportunities: they read them with the municipality's actions and mark each one.
 */
export const followupPolicy = {
  view: (actor: Actor, e: EvaluationAccessFacts) => insider(actor, e),
  mark: (actor: Actor, e: EvaluationAccessFacts) => isTeamMember(actor, e) && atOrAfter(e, "preparation") && !published(e),
};
