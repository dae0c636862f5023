/** The evidence of an evaluation: documents, links, notes, the interview plan and ties to sub-areas. */
export { addLink, addNote, deleteEvidence, getDocumentFile, uploadDocument, type DocumentFile, type LinkInput, type NoteInput, type UploadInput } from "./documents.ts";
export { addInterview, deleteInterview, INTERVIEW_GROUPS, listInterviews, updateInterview, type InterviewGroup, type InterviewInput, type InterviewItem } from "./interviews.ts";
export { evidenceBySubarea, evidenceForSubarea, interviewCount, listEvidence, loadEvidencePage, type EvidenceItem, type EvidenceKind, type SubareaEvidence } from "./listing.ts";
export { tagSubareas, type TagInput } from "./subareas.ts";
export { evidencePermissions, subareaOptions, type EvidencePermissions, type SubareaOption } from "./shared.ts";
export { acceptAttribute, acceptedExtensions, checkUpload, MAX_UPLOAD_MEGABYTES } from "./fileChecks.ts";
export { ACCEPTED_UPLOADS, MAX_UPLOAD_BYTES } from "./limits.ts";
export { EVIDENCE_INTENTS, EVIDENCE_SECTIONS, evidenceFormKey, runEvidenceForm, type EvidenceIntent, type EvidenceSection } from "./formActions.ts";
