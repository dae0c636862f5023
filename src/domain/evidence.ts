import { STATUSES, statusIndex, type EvaluationStatus } from "./workflow.ts";

/** Evidence uploads (pure rules shared by the upload service and the page form). Largest file a user may upload: reports and policy documents are rarely above a few MB. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** Accepted uploads: PDF, Word, Excel and images, by media type and file extension. */
export const ACCEPTED_UPLOADS: Record<string, string[]> = {
  "application/pdf": [".pdf"],
  "application/msword": [".doc"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
  "application/vnd.ms-excel": [".xls"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
  "application/vnd.oasis.opendocument.text": [".odt"],
  "application/vnd.oasis.opendocument.spreadsheet": [".ods"],
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/gif": [".gif"],
  "image/webp": [".webp"],
};

/** For the upload field's accept attribute: every accepted extension and media type. */
export function acceptAttribute(): string {
  return [...Object.values(ACCEPTED_UPLOADS).flat(), ...Object.keys(ACCEPTED_UPLOADS)].join(",");
}

/** "PDF, DOC, DOCX, …" for the upload field's description. */
export function acceptedExtensions(): string[] {
  return [...new Set(Object.values(ACCEPTED_UPLOADS).flat())].map((e) => e.slice(1).toUpperCase());
}

export const MAX_UPLOAD_MEGABYTES = Math.floor(MAX_UPLOAD_BYTES / (1024 * 1024));

/** Who an interview is held with. */
export const INTERVIEW_GROUPS = ["politicians", "officials", "unions", "companies", "others"] as const;
export type InterviewGroup = (typeof INTERVIEW_GROUPS)[number];

/**
 * The municipality hands in documents and links from planning until the visit is over: the team
 * moving on to scoring closes the hand-in (a step back to the visit opens it again).
 */
export const HAND_IN_LAST_STATUS: EvaluationStatus = "visit";

/** May the municipality's contact hand in documents and links while the evaluation is at this step? */
export function handInOpen(status: EvaluationStatus): boolean {
  return statusIndex(status) <= statusIndex(HAND_IN_LAST_STATUS);
}

/** The step whose start closes the hand-in: the one after the visit. */
export const HAND_IN_CLOSED_BY: EvaluationStatus = STATUSES[statusIndex(HAND_IN_LAST_STATUS) + 1]!;
