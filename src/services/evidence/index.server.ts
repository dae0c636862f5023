/** The evidence of an evaluation: documents, links, notes, the interview plan and ties to sub-areas. */
export {
  addLink,
  addNote,
  deleteEvidence,
  getDocumentFile,
  uploadDocument,
  type DocumentFile,
  type LinkInput,
  type NoteInput,
  type UploadInput,
} from "./documents.server.ts";
export {
  addInterview,
  deleteInterview,
  listInterviews,
  updateInterview,
  type InterviewInput,
  type InterviewItem,
} from "./interviews.server.ts";
export {
  evidenceBySubarea,
  evidenceForSubarea,
  interviewCount,
  listEvidence,
  loadEvidencePage,
  type EvidenceItem,
  type EvidenceKind,
  type SubareaEvidence,
} from "./listing.server.ts";
export { tagSubareas, type TagInput } from "./subareas.server.ts";
export { evidencePermissions, subareaOptions, type EvidencePermissions, type SubareaOption } from "./shared.server.ts";
export { checkUpload } from "./fileChecks.server.ts";
export { handInWindow, type HandInWindow } from "./handIn.server.ts";
