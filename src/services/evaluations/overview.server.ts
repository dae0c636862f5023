import type { Db } from "../../db/client.server.ts";
import { evaluationPolicy, scoringPolicy } from "../../domain/policies.ts";
import { agreedTotals } from "../scoring/agreement.server.ts";
import { nextStatuses, statusIndex, transitionRule, type Actor, type Blocker, type EvaluationStatus } from "../../domain/workflow.ts";
import { loadEvaluation, workflowFacts } from "./evaluationContext.server.ts";
import { setupChoices, type SetupChoices } from "./setupChoices.server.ts";

export interface TransitionOption {
  to: EvaluationStatus;
  forward: boolean;
  blockers: Blocker[];
}

/** The overview of an evaluation: people, visit, where it stands and where the actor may move it. */
export async function getOverview(db: Db, actor: Actor, id: number) {
  const evaluation = await loadEvaluation(db, actor, id);
  const facts = await workflowFacts(db, evaluation);
  const transitions: TransitionOption[] = nextStatuses(evaluation.status)
    .filter((to) => evaluationPolicy.transition(actor, evaluation.access, to))
    .map((to) => ({
      to,
      forward: statusIndex(to) > statusIndex(evaluation.status),
      blockers: transitionRule(evaluation.status, to)!.requires(facts),
    }));
  const canEditSetup = evaluationPolicy.editSetup(actor, evaluation.access);
  const choices: SetupChoices | null = canEditSetup ? await setupChoices(db, actor) : null;
  return {
    id: evaluation.id,
    status: evaluation.status,
    version: evaluation.version,
    revision: evaluation.revision,
    municipalityCode: evaluation.municipalityCode,
    visitStart: evaluation.visitStart,
    visitEnd: evaluation.visitEnd,
    evaluators: evaluation.evaluators.map(({ id, name, organisation }) => ({ id, name, organisation })),
    contacts: evaluation.contacts.map(({ id, name }) => ({ id, name })),
    interviewCount: facts.interviewCount,
    submittedCount: facts.submittedEvaluatorIds.length,
    agreedCount: facts.agreedItemCount,
    itemCount: facts.scorableItemCount,
    transitions,
    canEditSetup,
    canCorrect: evaluationPolicy.correct(actor, evaluation.access),
    /** The agreed points so far, for whoever may see them (the team; the contact once published). */
    agreed: scoringPolicy.viewAgreed(actor, evaluation.access) ? await agreedTotals(db, evaluation) : null,
    choices: choices ? { evaluators: choices.evaluators, contacts: choices.contacts } : null,
  };
}
