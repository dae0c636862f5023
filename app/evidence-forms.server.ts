import { z } from "zod";
import { formId, formVersion, parseForm } from "./submission.ts";
import { EVIDENCE_SECTIONS, type EvidenceIntent, type EvidenceSection } from "./components/evidence/sections.ts";
import type { Db } from "../src/db/client.server.ts";
import type { Actor } from "../src/domain/workflow.ts";
import { addLink, addNote, deleteEvidence, uploadDocument } from "../src/services/evidence/documents.server.ts";
import { addInterview, deleteInterview, updateInterview } from "../src/services/evidence/interviews.server.ts";
import { tagSubareas } from "../src/services/evidence/subareas.server.ts";
import { linkSchema, noteSchema } from "../src/services/evidence/documents.server.ts";
import { interviewSchema } from "../src/services/evidence/interviews.server.ts";
import { tagSchema } from "../src/services/evidence/subareas.server.ts";

/** Where a form on the page sends the user back to (a card's form names its section). */
const section = z.enum(Object.values(EVIDENCE_SECTIONS) as [EvidenceSection, ...EvidenceSection[]]).catch(EVIDENCE_SECTIONS.document);

/**
 * The forms of the evidence page, one per intent, with the services' own schemas for what they
 * check (they check again: they are also called from elsewhere). Field names are the page's.
 */
export const evidenceForms = z.discriminatedUnion(
  "intent",
  [
    // The file is checked by the service (type, size, name), which names the problem.
    z.object({ intent: z.literal("upload"), file: z.instanceof(File).optional(), title: z.string().optional() }),
    linkSchema.extend({ intent: z.literal("link") }),
    noteSchema.extend({ intent: z.literal("note") }),
    z.object({ intent: z.literal("delete-evidence"), evidenceId: formId, section }),
    interviewSchema.extend({ intent: z.literal("interview-add") }),
    interviewSchema.extend({ intent: z.literal("interview-update"), interviewId: formId, version: formVersion }),
    z.object({ intent: z.literal("interview-delete"), interviewId: formId, version: formVersion.optional() }),
    tagSchema.extend({ intent: z.literal("tag"), sourceId: formId, section }),
  ],
  { error: "evidence.problem.unknown_form" },
);

/** Which form a posted form is: its intent, and the item it is about where there is one per item. */
export function evidenceFormKey(form: FormData): string {
  const text = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : "");
  const intent = text("intent");
  if (intent === "tag") return `tag-${text("sourceKind") === "interview" ? "interview" : "evidence"}-${text("sourceId")}`;
  if (intent === "interview-update") return `${intent}-${text("interviewId")}`;
  return intent;
}

/**
 * Carries out one form of the evidence page (checked with evidenceForms) through the use-cases,
 * and says which part of the page to return to. Throws what the use-cases throw; a form that does
 * not fit (an unknown intent too) is a ValidationError.
 */
export async function runEvidenceForm(
  db: Db,
  actor: Actor,
  evaluationId: number,
  form: FormData,
): Promise<{ intent: EvidenceIntent; section: EvidenceSection }> {
  const input = parseForm(form, evidenceForms);
  const done = (section: EvidenceSection) => ({ intent: input.intent, section });
  switch (input.intent) {
    case "upload": {
      const upload = input.file ?? null;
      const bytes = upload ? Buffer.from(await upload.arrayBuffer()) : null;
      await uploadDocument(db, actor, evaluationId, {
        fileName: upload?.name ?? "",
        mediaType: upload?.type ?? "",
        bytes,
        title: input.title ?? "",
      });
      return done(EVIDENCE_SECTIONS.document);
    }
    case "link":
      await addLink(db, actor, evaluationId, input);
      return done(EVIDENCE_SECTIONS.link);
    case "note":
      await addNote(db, actor, evaluationId, input);
      return done(EVIDENCE_SECTIONS.note);
    case "delete-evidence":
      await deleteEvidence(db, actor, evaluationId, input);
      return done(input.section);
    case "interview-add":
      await addInterview(db, actor, evaluationId, input);
      return done(EVIDENCE_SECTIONS.interview);
    case "interview-update":
      await updateInterview(db, actor, evaluationId, input);
      return done(EVIDENCE_SECTIONS.interview);
    case "interview-delete":
      await deleteInterview(db, actor, evaluationId, input);
      return done(EVIDENCE_SECTIONS.interview);
    case "tag":
      await tagSubareas(db, actor, evaluationId, input);
      return done(input.section);
  }
}
