/** The parts of the evidence page, as fragments to return to after a save. */
export const EVIDENCE_SECTIONS = { document: "dokument", link: "lankar", note: "anteckningar", interview: "intervjuer" } as const;
export type EvidenceSection = (typeof EVIDENCE_SECTIONS)[keyof typeof EVIDENCE_SECTIONS];

export const EVIDENCE_INTENTS = [
  "upload",
  "link",
  "note",
  "delete-evidence",
  "interview-add",
  "interview-update",
  "interview-delete",
  "tag",
] as const;
export type EvidenceIntent = (typeof EVIDENCE_INTENTS)[number];
