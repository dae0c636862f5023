import { ACCEPTED_UPLOADS, MAX_UPLOAD_BYTES } from "../../domain/evidence.ts";
import { withoutControlCharacters } from "../../domain/text.ts";

/** The first bytes every file of a kind starts with (checked as well as the name and type). */
const SIGNATURES: Record<string, ((bytes: Uint8Array) => boolean)[]> = {
  ".pdf": [startsWith("%PDF-")],
  ".docx": [zip],
  ".xlsx": [zip],
  ".odt": [zip],
  ".ods": [zip],
  ".doc": [ole],
  ".xls": [ole],
  ".png": [startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ".jpg": [startsWith([0xff, 0xd8, 0xff])],
  ".jpeg": [startsWith([0xff, 0xd8, 0xff])],
  ".gif": [startsWith("GIF87a"), startsWith("GIF89a")],
  ".webp": [(b) => startsWith("RIFF")(b) && startsWith("WEBP", 8)(b)],
};

function startsWith(signature: string | number[], offset = 0) {
  const expected = typeof signature === "string" ? [...signature].map((c) => c.charCodeAt(0)) : signature;
  return (bytes: Uint8Array) => bytes.length >= offset + expected.length && expected.every((byte, i) => bytes[offset + i] === byte);
}
/** Office Open XML and OpenDocument files are zip archives. */
function zip(bytes: Uint8Array) {
  return startsWith([0x50, 0x4b, 0x03, 0x04])(bytes);
}
/** Older Word and Excel files are OLE compound documents. */
function ole(bytes: Uint8Array) {
  return startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])(bytes);
}

export type FileCheck =
  | { ok: true; mediaType: string; extension: string }
  | {
      ok: false;
      message:
        | "evidence.problem.file_missing"
        | "evidence.problem.file_empty"
        | "evidence.problem.file_too_large"
        | "evidence.problem.file_type"
        | "evidence.problem.file_content";
    };

/** The lower-case extension of a file name (".pdf"), or "" when it has none. */
export function extensionOf(fileName: string): string {
  const match = /(\.[A-Za-z0-9]+)$/.exec(fileName);
  return match ? match[1]!.toLowerCase() : "";
}

/**
 * A file name as a user may see it: no folders (some browsers send the whole path), no control
 * characters (src/domain/text.ts; tabs and line breaks neither: a name is one line), at most
 * 200 characters with its extension kept.
 */
export function cleanFileName(name: string): string {
  const base = withoutControlCharacters(name.split(/[\\/]/).pop() ?? "")
    .replace(/[\t\n\r"]/g, "")
    .trim();
  if (base.length <= 200) return base;
  const extension = extensionOf(base);
  return base.slice(0, 200 - extension.length) + extension;
}

/**
 * Checks an upload: not empty, not above MAX_UPLOAD_BYTES, a media type and extension that
 * belong together in ACCEPTED_UPLOADS, and content that starts as such a file does.
 */
export function checkUpload(fileName: string, mediaType: string, bytes: Uint8Array | null | undefined): FileCheck {
  if (!bytes || !fileName) return { ok: false, message: "evidence.problem.file_missing" };
  if (bytes.length === 0) return { ok: false, message: "evidence.problem.file_empty" };
  if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, message: "evidence.problem.file_too_large" };
  const extension = extensionOf(fileName);
  const declared = mediaType.split(";")[0]!.trim().toLowerCase();
  // Some browsers send no type, or a generic one, for Office files: then the extension decides,
  // and the content check below still catches a disguised file.
  const type =
    declared === "" || declared === "application/octet-stream"
      ? (Object.entries(ACCEPTED_UPLOADS).find(([, extensions]) => extensions.includes(extension))?.[0] ?? declared)
      : declared;
  if (!ACCEPTED_UPLOADS[type]?.includes(extension)) return { ok: false, message: "evidence.problem.file_type" };
  if (!(SIGNATURES[extension] ?? []).some((matches) => matches(bytes))) return { ok: false, message: "evidence.problem.file_content" };
  return { ok: true, mediaType: type, extension };
}
