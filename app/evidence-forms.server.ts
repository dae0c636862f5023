import { EVIDENCE_SECTIONS, type EvidenceIntent, type EvidenceSection } from "./components/evidence/sections.ts";
import type { Db } from "../src/db/client.server.ts";
import type { Actor } from "../src/domain/workflow.ts";
import { ValidationError } from "../src/services/errors.ts";
import { addLink, addNote, deleteEvidence, uploadDocument } from "../src/services/evidence/documents.server.ts";
import { addInterview, deleteInterview, updateInterview } from "../src/services/evidence/interviews.server.ts";
import { tagSubareas } from "../src/services/evidence/subareas.server.ts";


/** Which form a posted form is: its intent, and the item it is about where there is one per item. */
export function evidenceFormKey(form: FormData): string {
  const text = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : "");
  const intent = text("intent");
  if (intent === "tag") return `tag-${text("sourceKind") === "interview" ? "interview" : "evidence"}-${text("sourceId")}`;
  if (intent === "interview-update") return `${intent}-${text("interviewId")}`;
  return intent;
}

/**
 * Carries out one form of the evidence page (a plain form post, field names as the page names
 * them) through the use-cases, and says which part of the page to return to. Throws what the
 * use-cases throw; an unknown intent is a ValidationError.
 */
export async function runEvidenceForm(db: Db, actor: Actor, evaluationId: number, form: FormData): Promise<{ intent: EvidenceIntent; section: EvidenceSection }> {
  const text = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : "");
  const intent = text("intent") as EvidenceIntent;
  const returnTo = () => Object.values(EVIDENCE_SECTIONS).find((s) => s === text("section")) ?? EVIDENCE_SECTIONS.document;
  const interview = () => ({
    groupKind: text("groupKind"),
    title: text("title"),
    startsAt: text("startsAt"),
    participants: text("participants"),
    participantCount: text("participantCount"),
    notes: text("notes"),
  });
  switch (intent) {
    case "upload": {
      const file = form.get("file");
      const upload = typeof file === "object" && file !== null && file.name !== "" ? file : null;
      const bytes = upload ? Buffer.from(await upload.arrayBuffer()) : null;
      await uploadDocument(db, actor, evaluationId, { fileName: upload?.name ?? "", mediaType: upload?.type ?? "", bytes, title: text("title") });
      return { intent, section: EVIDENCE_SECTIONS.document };
    }
    case "link":
      await addLink(db, actor, evaluationId, { title: text("title"), url: text("url") });
      return { intent, section: EVIDENCE_SECTIONS.link };
    case "note":
      await addNote(db, actor, evaluationId, { title: text("title"), body: text("body"), url: text("url") });
      return { intent, section: EVIDENCE_SECTIONS.note };
    case "delete-evidence":
      await deleteEvidence(db, actor, evaluationId, { evidenceId: text("evidenceId") });
      return { intent, section: returnTo() };
    case "interview-add":
      await addInterview(db, actor, evaluationId, interview());
      return { intent, section: EVIDENCE_SECTIONS.interview };
    case "interview-update":
      await updateInterview(db, actor, evaluationId, { ...interview(), interviewId: text("interviewId"), version: text("version") });
      return { intent, section: EVIDENCE_SECTIONS.interview };
    case "interview-delete":
      await deleteInterview(db, actor, evaluationId, { interviewId: text("interviewId"), version: text("version") });
      return { intent, section: EVIDENCE_SECTIONS.interview };
    case "tag": {
      const sourceKind = text("sourceKind") === "interview" ? "interview" : "evidence";
      await tagSubareas(db, actor, evaluationId, { sourceKind, sourceId: text("sourceId"), subareaIds: form.getAll("subareaIds").map(String) });
      return { intent, section: returnTo() };
    }
    default:
      throw new ValidationError("unknown form", [{ field: "intent", message: "evidence.problem.unknown_form" }]);
  }
}
