import { z } from "zod";
import { formVersion } from "./submission.ts";
import { evaluationSetupSchema, newEvaluationFields } from "../src/services/evaluations/createEvaluation.server.ts";

/**
 * The forms about an evaluation as a whole (planning, its team and visit, its steps, a correction),
 * with the services' schemas where they have them. Field names are the pages'.
 */
const transition = z.object({ intent: z.literal("transition"), to: z.string({ error: "unknown_intent" }), version: formVersion });
const setup = evaluationSetupSchema.safeExtend({ intent: z.literal("setup"), version: formVersion });
const correct = z.object({ intent: z.literal("correct"), reason: z.string().default(""), version: formVersion });

/** The overview page (arbetsyta/:id): move to another step, change team and visit, reopen for a correction. */
export const overviewForms = z.discriminatedUnion("intent", [transition, setup, correct], { error: "unknown_intent" });

/** The revisions page: reopen for a correction. */
export const revisionsForms = z.discriminatedUnion("intent", [correct], { error: "unknown_intent" });

/**
 * The planning page (arbetsyta/ny): plan the evaluation, or (without JavaScript) first choose the
 * municipality so that the page offers its contact persons. The municipality is typed or chosen
 * as a name (field `municipality`); the page puts the code it names into `municipalityCode`.
 */
export const newEvaluationForms = z.discriminatedUnion(
  "intent",
  [
    evaluationSetupSchema.safeExtend({ intent: z.literal("create"), ...newEvaluationFields.shape }),
    z.object({ intent: z.literal("choose") }),
  ],
  { error: "unknown_intent" },
);
