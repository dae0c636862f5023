import { describe, expect, it } from "vitest";
import {
  actionPlanPolicy,
  evaluationPolicy,
  evidencePolicy,
  followupPolicy,
  questionnairePolicy,
  type QuestionnaireFacts,
  reportPolicy,
  scoringPolicy,
  userPolicy,
  writingPolicy,
  type EvaluationAccessFacts,
} from "../../src/domain/policies.ts";
import { HAND_IN_CLOSED_BY, handInOpen } from "../../src/domain/evidence.ts";
import { STATUSES, nextStatuses, transitionRule, type Actor, type EvaluationStatus } from "../../src/domain/workflow.ts";

const actors: Record<string, Actor> = {
  anonymous: null,
  administrator: { id: "admin", name: "A", role: "administrator", municipalityCode: null },
  teamEvaluator: { id: "eva", name: "E", role: "evaluator", municipalityCode: null },
  otherEvaluator: { id: "olle", name: "O", role: "evaluator", municipalityCode: null },
  ownContact: { id: "kim", name: "K", role: "contact", municipalityCode: "1880" },
  otherContact: { id: "kaj", name: "K2", role: "contact", municipalityCode: "0180" },
  // Named as a contact on the evaluation, but speaking for another municipality: never trusted.
  misplacedContact: { id: "mia", name: "M", role: "contact", municipalityCode: "0180" },
  // A colleague the contact invited to this evaluation (issue 13).
  invitedStaff: { id: "sam", name: "S", role: "staff", municipalityCode: "1880" },
  // Staff of the same municipality, not invited to this evaluation.
  uninvitedStaff: { id: "sol", name: "S2", role: "staff", municipalityCode: "1880" },
  // Named as staff on the evaluation, but of another municipality: never trusted.
  otherStaff: { id: "sten", name: "S3", role: "staff", municipalityCode: "0180" },
};

const facts = (status: EvaluationStatus, actorSubmitted = false): EvaluationAccessFacts => ({
  status,
  municipalityCode: "1880",
  evaluatorIds: ["eva", "per"],
  contactIds: ["kim", "mia"],
  staffIds: ["sam", "sten"],
  actorSubmitted,
});

type Row = [
  name: string,
  check: (actor: Actor, e: EvaluationAccessFacts) => boolean,
  allowed: (who: string, status: EvaluationStatus) => boolean,
];
const upTo = (status: EvaluationStatus, limit: EvaluationStatus) => STATUSES.indexOf(status) <= STATUSES.indexOf(limit);
const insiders = (who: string) => who === "administrator" || who === "teamEvaluator";
/** The municipality's own people on this evaluation: its contact and the colleagues the contact invited. */
const ownPeople = (who: string) => who === "ownContact" || who === "invitedStaff";
/** The municipality may hand in documents (and answer its questionnaire) from planning through the visit. */
const handInOpenIn = (s: EvaluationStatus) => upTo(s, "visit");

// Every permission × every kind of actor × every status. The expectations are written out
// here independently of the policies, as the rules a user would state them.
const matrix: Row[] = [
  ["view the evaluation", evaluationPolicy.view, (who) => insiders(who) || ownPeople(who)],
  ["change team and visit", evaluationPolicy.editSetup, (who, s) => who === "administrator" && s !== "published"],
  ["correct a published evaluation", evaluationPolicy.correct, (who, s) => who === "administrator" && s === "published"],
  ["read the audit log", evaluationPolicy.viewAudit, (who) => insiders(who)],
  ["read the report", evaluationPolicy.viewReport, (who, s) => insiders(who) || (who === "ownContact" && s === "published")],
  ["see documents", evidencePolicy.viewDocuments, (who) => insiders(who) || ownPeople(who)],
  ["see notes", evidencePolicy.viewNotes, (who) => insiders(who)],
  [
    "upload a document",
    evidencePolicy.uploadDocument,
    (who, s) => s !== "published" && (insiders(who) || (ownPeople(who) && handInOpenIn(s))),
  ],
  ["add a note", evidencePolicy.addNote, (who, s) => s !== "published" && insiders(who)],
  ["edit interviews", evidencePolicy.editInterviews, (who, s) => s !== "published" && insiders(who)],
  ["open scoring and agreement", scoringPolicy.open, (who) => insiders(who)],
  ["score alone", scoringPolicy.scoreOwn, (who, s) => who === "teamEvaluator" && s === "scoring"],
  ["agree points", scoringPolicy.agree, (who, s) => who === "teamEvaluator" && s === "agreement"],
  ["see the agreed points", scoringPolicy.viewAgreed, (who, s) => insiders(who) || (who === "ownContact" && s === "published")],
  ["write texts", writingPolicy.edit, (who, s) => who === "teamEvaluator" && !upTo(s, "visit") && s !== "published"],
  ["read texts", writingPolicy.view, (who, s) => insiders(who) || (who === "ownContact" && s === "published")],
  ["read the working report", reportPolicy.viewCurrent, (who, s) => insiders(who) || (who === "ownContact" && s === "published")],
  ["enter key facts", reportPolicy.editKeyFacts, (who, s) => insiders(who) && s !== "published"],
  ["choose the report's comparison", reportPolicy.chooseComparison, (who) => insiders(who)],
];

describe("the permission matrix", () => {
  for (const [name, check, allowed] of matrix) {
    describe(name, () => {
      for (const [who, actor] of Object.entries(actors)) {
        it.each(STATUSES)(`${who} in %s`, (status) => {
          expect(check(actor, facts(status))).toBe(allowed(who, status));
        });
      }
    });
  }

  it("hides other evaluators' points until one has handed in one's own, or agreement has begun", () => {
    const eva = actors.teamEvaluator!;
    expect(scoringPolicy.viewOthers(eva, facts("scoring", false))).toBe(false);
    expect(scoringPolicy.viewOthers(eva, facts("scoring", true))).toBe(true);
    expect(scoringPolicy.viewOthers(eva, facts("agreement", false))).toBe(true);
    expect(scoringPolicy.scoreOwn(eva, facts("scoring", true))).toBe(false);
    for (const who of ["anonymous", "otherEvaluator", "ownContact", "otherContact", "invitedStaff", "uninvitedStaff", "otherStaff"]) {
      for (const status of STATUSES) expect(scoringPolicy.viewOthers(actors[who]!, facts(status, true)), `${who} ${status}`).toBe(false);
    }
  });

  it("lets the team delete any evidence before publication, and the municipality's people only their own while they may hand in", () => {
    for (const status of STATUSES) {
      for (const [who, actor] of Object.entries(actors)) {
        const own = evidencePolicy.deleteEvidence(actor, facts(status), actor?.id ?? null);
        const others = evidencePolicy.deleteEvidence(actor, facts(status), "someone-else");
        expect(others, `${who} ${status} others'`).toBe(status !== "published" && insiders(who));
        expect(own, `${who} ${status} own`).toBe(status !== "published" && (insiders(who) || (ownPeople(who) && handInOpenIn(status))));
      }
    }
  });

  it("opens the municipality's hand-in from planning through the visit: the contact's upload rule and the page's notice are one", () => {
    expect(STATUSES.filter(handInOpen)).toEqual(["planned", "preparation", "visit"]);
    expect(HAND_IN_CLOSED_BY).toBe("scoring");
    for (const status of STATUSES)
      for (const who of ["ownContact", "invitedStaff"])
        expect(evidencePolicy.uploadDocument(actors[who]!, facts(status)), `${who} ${status}`).toBe(
          handInOpen(status) && status !== "published",
        );
  });

  it("lets only administrators manage users and plan evaluations, and anyone signed in use the workspace", () => {
    for (const [who, actor] of Object.entries(actors)) {
      expect(userPolicy.manage(actor), who).toBe(who === "administrator");
      expect(userPolicy.createEvaluation(actor), who).toBe(who === "administrator");
      // biome-ignore lint/correctness/useHookAtTopLevel: a policy named after what it allows, not a React hook.
      expect(userPolicy.useWorkspace(actor), who).toBe(who !== "anonymous");
    }
  });

  it("moves an evaluation only one step at a time, by the right people", () => {
    for (const from of STATUSES) {
      for (const to of nextStatuses(from)) {
        const rule = transitionRule(from, to)!;
        for (const [who, actor] of Object.entries(actors)) {
          const expected = rule.who === "administrator" ? who === "administrator" : insiders(who);
          expect(evaluationPolicy.transition(actor, facts(from), to), `${who}: ${from} → ${to}`).toBe(expected);
        }
      }
    }
    expect(nextStatuses("published")).toEqual([]);
    expect(transitionRule("planned", "published")).toBeUndefined();
    expect(transitionRule("review", "published")!.who).toBe("administrator");
  });
});

// The municipality's own cycle (issue 13): every permission × every kind of actor × every
// evaluation status × every state of the questionnaire (or the plan) and of the item's assignee.
// Again the expectations are the rules as a user would state them, not the policies' code.
describe("the permission matrix of the municipality's own cycle", () => {
  const QUESTIONNAIRES: QuestionnaireFacts[] = [
    { status: "open", gapPublished: false },
    { status: "handed_in", gapPublished: false },
    { status: "handed_in", gapPublished: true },
  ];
  // An item of the contact's own, one given to the invited colleague, one given to someone else.
  const ASSIGNEES = [null, "sam", "someone-else"] as const;
  type Assignee = (typeof ASSIGNEES)[number];
  type CycleRow = [
    name: string,
    check: (actor: Actor, e: EvaluationAccessFacts, q: QuestionnaireFacts, assignedTo: Assignee) => boolean,
    allowed: (who: string, s: EvaluationStatus, q: QuestionnaireFacts, assignedTo: Assignee) => boolean,
  ];
  const unpublished = (s: EvaluationStatus) => s !== "published";
  const giveTo = (who: string, assignedTo: Assignee) => who === "invitedStaff" && assignedTo === "sam";
  /** While the questionnaire is open and the municipality may still hand in. */
  const answerable = (s: EvaluationStatus, q: QuestionnaireFacts) => q.status === "open" && unpublished(s) && handInOpenIn(s);

  const questionnaireRows: CycleRow[] = [
    ["see the questionnaire", (a, e) => questionnairePolicy.view(a, e), (who) => insiders(who) || ownPeople(who)],
    [
      "see one item of the questionnaire",
      (a, e, _q, to) => questionnairePolicy.viewItem(a, e, to),
      (who, _s, _q, to) => insiders(who) || who === "ownContact" || giveTo(who, to),
    ],
    ["answer an item", questionnairePolicy.answer, (who, s, q, to) => answerable(s, q) && (who === "ownContact" || giveTo(who, to))],
    [
      "invite colleagues and give them items",
      (a, e, q) => questionnairePolicy.delegate(a, e, q),
      (who, s, q) => answerable(s, q) && who === "ownContact",
    ],
    [
      "hand in the questionnaire",
      (a, e, q) => questionnairePolicy.handIn(a, e, q),
      (who, s, q) => answerable(s, q) && who === "ownContact",
    ],
    [
      "reopen a handed-in questionnaire",
      (a, e, q) => questionnairePolicy.reopen(a, e, q),
      // Only while the municipality may still hand in: after the visit a reopened questionnaire could not be answered.
      (who, s, q) => q.status === "handed_in" && upTo(s, "visit") && insiders(who),
    ],
    ["set the hand-in date", (a, e) => questionnairePolicy.setDueDate(a, e), (who, s) => unpublished(s) && insiders(who)],
    [
      "see own scores beside the agreed points",
      (a, e, q) => questionnairePolicy.viewGap(a, e, q),
      (who, s, q) => s === "published" && (q.gapPublished || insiders(who) || ownPeople(who)),
    ],
    [
      "publish the comparison of own scores",
      (a, e) => questionnairePolicy.publishGap(a, e),
      (who, s) => s === "published" && who === "ownContact",
    ],
  ];

  for (const [name, check, allowed] of questionnaireRows) {
    describe(name, () => {
      for (const [who, actor] of Object.entries(actors)) {
        it.each(STATUSES)(`${who} in %s`, (status) => {
          for (const q of QUESTIONNAIRES)
            for (const to of ASSIGNEES)
              expect(check(actor, facts(status), q, to), `${q.status}${q.gapPublished ? " (gap published)" : ""}, item of ${to}`).toBe(
                allowed(who, status, q, to),
              );
        });
      }
    });
  }

  // The action plan is the municipality's: whoever speaks for it (its contacts and staff accounts) writes it.
  const speaksForOrebro = (who: string) => who === "ownContact" || who === "invitedStaff" || who === "uninvitedStaff";
  const planRows: [
    name: string,
    check: (actor: Actor, e: EvaluationAccessFacts, planPublished: boolean) => boolean,
    allowed: (who: string, s: EvaluationStatus, planPublished: boolean) => boolean,
  ][] = [
    [
      "see the action plan",
      actionPlanPolicy.view,
      (who, s, planPublished) => s === "published" && (planPublished || insiders(who) || speaksForOrebro(who)),
    ],
    ["write the action plan", (a, e) => actionPlanPolicy.edit(a, e), (who, s) => s === "published" && speaksForOrebro(who)],
    [
      "make the action plan public or private",
      (a, e) => actionPlanPolicy.publish(a, e),
      (who, s) => s === "published" && who === "ownContact",
    ],
    ["see the earlier improvement opportunities to follow up", (a, e) => followupPolicy.view(a, e), (who) => insiders(who)],
    [
      "mark an earlier improvement opportunity",
      (a, e) => followupPolicy.mark(a, e),
      (who, s) => who === "teamEvaluator" && !upTo(s, "planned") && unpublished(s),
    ],
  ];

  for (const [name, check, allowed] of planRows) {
    describe(name, () => {
      for (const [who, actor] of Object.entries(actors)) {
        it.each(STATUSES)(`${who} in %s`, (status) => {
          for (const planPublished of [false, true])
            expect(check(actor, facts(status), planPublished), planPublished ? "public plan" : "private plan").toBe(
              allowed(who, status, planPublished),
            );
        });
      }
    });
  }

  it("never gives municipality staff the team's rights, invited or not", () => {
    for (const who of ["invitedStaff", "uninvitedStaff", "otherStaff"]) {
      const actor = actors[who]!;
      for (const status of STATUSES) {
        const e = facts(status, true);
        const insiderChecks = [
          evaluationPolicy.viewAudit,
          evaluationPolicy.viewReport,
          evidencePolicy.viewNotes,
          evidencePolicy.addNote,
          scoringPolicy.open,
          scoringPolicy.scoreOwn,
          scoringPolicy.viewAgreed,
          writingPolicy.edit,
          writingPolicy.view,
          reportPolicy.editKeyFacts,
          reportPolicy.chooseComparison,
          questionnairePolicy.setDueDate,
          followupPolicy.view,
          followupPolicy.mark,
        ];
        for (const check of insiderChecks) expect(check(actor, e), `${who} ${status} ${check.name}`).toBe(false);
        for (const to of nextStatuses(status)) expect(evaluationPolicy.transition(actor, e, to), `${who} ${status} → ${to}`).toBe(false);
        expect(questionnairePolicy.reopen(actor, e, { status: "handed_in", gapPublished: false })).toBe(false);
      }
    }
  });
});
