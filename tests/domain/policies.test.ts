import { describe, expect, it } from "vitest";
import {
  evaluationPolicy,
  evidencePolicy,
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
};

const facts = (status: EvaluationStatus, actorSubmitted = false): EvaluationAccessFacts => ({
  status,
  municipalityCode: "1880",
  evaluatorIds: ["eva", "per"],
  contactIds: ["kim", "mia"],
  actorSubmitted,
});

type Row = [
  name: string,
  check: (actor: Actor, e: EvaluationAccessFacts) => boolean,
  allowed: (who: string, status: EvaluationStatus) => boolean,
];
const before = (status: EvaluationStatus, limit: EvaluationStatus) => STATUSES.indexOf(status) <= STATUSES.indexOf(limit);
const insiders = (who: string) => who === "administrator" || who === "teamEvaluator";

// Every permission × every kind of actor × every status. The expectations are written out
// here independently of the policies, as the rules a user would state them.
const matrix: Row[] = [
  ["view the evaluation", evaluationPolicy.view, (who) => insiders(who) || who === "ownContact"],
  ["change team and visit", evaluationPolicy.editSetup, (who, s) => who === "administrator" && s !== "published"],
  ["correct a published evaluation", evaluationPolicy.correct, (who, s) => who === "administrator" && s === "published"],
  ["read the audit log", evaluationPolicy.viewAudit, (who) => insiders(who)],
  ["read the report", evaluationPolicy.viewReport, (who, s) => insiders(who) || (who === "ownContact" && s === "published")],
  ["see documents", evidencePolicy.viewDocuments, (who) => insiders(who) || who === "ownContact"],
  ["see notes", evidencePolicy.viewNotes, (who) => insiders(who)],
  [
    "upload a document",
    evidencePolicy.uploadDocument,
    (who, s) => s !== "published" && (insiders(who) || (who === "ownContact" && before(s, "visit"))),
  ],
  ["add a note", evidencePolicy.addNote, (who, s) => s !== "published" && insiders(who)],
  ["edit interviews", evidencePolicy.editInterviews, (who, s) => s !== "published" && insiders(who)],
  ["open scoring and agreement", scoringPolicy.open, (who) => insiders(who)],
  ["score alone", scoringPolicy.scoreOwn, (who, s) => who === "teamEvaluator" && s === "scoring"],
  ["agree points", scoringPolicy.agree, (who, s) => who === "teamEvaluator" && s === "agreement"],
  ["see the agreed points", scoringPolicy.viewAgreed, (who, s) => insiders(who) || (who === "ownContact" && s === "published")],
  ["write texts", writingPolicy.edit, (who, s) => who === "teamEvaluator" && !before(s, "visit") && s !== "published"],
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
    for (const who of ["anonymous", "otherEvaluator", "ownContact", "otherContact"]) {
      for (const status of STATUSES) expect(scoringPolicy.viewOthers(actors[who]!, facts(status, true)), `${who} ${status}`).toBe(false);
    }
  });

  it("lets the team delete any evidence before publication, and a contact only their own while they may hand in", () => {
    for (const status of STATUSES) {
      for (const [who, actor] of Object.entries(actors)) {
        const own = evidencePolicy.deleteEvidence(actor, facts(status), actor?.id ?? null);
        const others = evidencePolicy.deleteEvidence(actor, facts(status), "someone-else");
        expect(others, `${who} ${status} others'`).toBe(status !== "published" && insiders(who));
        expect(own, `${who} ${status} own`).toBe(
          status !== "published" && (insiders(who) || (who === "ownContact" && before(status, "visit"))),
        );
      }
    }
  });

  it("opens the municipality's hand-in from planning through the visit: the contact's upload rule and the page's notice are one", () => {
    expect(STATUSES.filter(handInOpen)).toEqual(["planned", "preparation", "visit"]);
    expect(HAND_IN_CLOSED_BY).toBe("scoring");
    for (const status of STATUSES)
      expect(evidencePolicy.uploadDocument(actors.ownContact!, facts(status)), status).toBe(handInOpen(status) && status !== "published");
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
