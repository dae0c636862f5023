import type { Problem } from "../errors.ts";

/** The encodings an import file is read in; the name is what messages and summaries show. */
export type FileEncoding = "UTF-8" | "UTF-8 with BOM" | "UTF-16LE" | "UTF-16BE" | "Windows-1252";

export type DecodedFile = { ok: true; text: string; encoding: FileEncoding } | { ok: false; problems: Problem[] };

const SAVE_AS = "save it as CSV UTF-8 (or JSON) and import it again";

/**
 * Reads an import file's bytes as text. Swedish Excel writes CSV in Windows-1252 ("CSV
 * (semikolonavgränsad)"), UTF-8 with a BOM ("CSV UTF-8") or UTF-16LE with a BOM ("Unicode-text"),
 * and people edit files in anything; reading all of them as UTF-8 turned "Örebro" into "�rebro".
 * The order: a byte order mark decides; else a file that is valid UTF-8 is UTF-8 (Windows-1252
 * text with any letter beyond ASCII is almost never valid UTF-8); else Windows-1252. What cannot
 * be one of these (a workbook, UTF-16 without a BOM, a binary file) is refused with what it
 * looks like, never read as mojibake.
 */
export function decodeResultFile(bytes: Uint8Array): DecodedFile {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return refuse(`the file is UTF-32, which is not read here; ${SAVE_AS}`);
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return strict(bytes, "utf-8", "UTF-8 with BOM");
  if (startsWith(bytes, [0xff, 0xfe])) return strict(bytes, "utf-16le", "UTF-16LE");
  if (startsWith(bytes, [0xfe, 0xff])) return strict(bytes, "utf-16be", "UTF-16BE");

  const kind = binaryKind(bytes);
  if (kind) return refuse(`the file is ${kind}, not a text file; ${SAVE_AS}`);

  const utf8 = tryDecode(bytes, "utf-8");
  if (utf8 !== null) return { ok: true, text: utf8, encoding: "UTF-8" };

  // Not UTF-8. Windows-1252 gives every byte a character, so ask whether the result is text:
  // its five unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) and control characters are not.
  const text = decodeWindows1252(bytes);
  const control = /(?![\t\n\r])\p{Cc}/u.exec(text);
  if (control) {
    const byte = `0x${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;
    return refuse(
      `the file is neither UTF-8 nor Windows-1252: byte ${byte} is a control character in Windows-1252; ${SAVE_AS}`,
      lineOfText(text, control.index),
    );
  }
  return { ok: true, text, encoding: "Windows-1252" };
}

/**
 * Windows-1252 (WHATWG): Latin-1 except 0x80–0x9F. Node's own TextDecoder("windows-1252")
 * decodes those as Latin-1 since 20.18.3 (nodejs/node#60888: "–" comes out as U+0096), so the
 * 32 characters are mapped here; the five unassigned bytes stay C1 controls, as the standard says.
 */
const WINDOWS_1252_80_9F =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString("latin1")
    .replace(/[\u0080-\u009F]/g, (char) => WINDOWS_1252_80_9F[char.charCodeAt(0) - 0x80]!);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function tryDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes a file whose byte order mark names its encoding; the decoder drops the mark. */
function strict(bytes: Uint8Array, label: string, encoding: FileEncoding): DecodedFile {
  const text = tryDecode(bytes, label);
  if (text !== null) return { ok: true, text, encoding };
  const name = encoding === "UTF-8 with BOM" ? "UTF-8" : encoding;
  const offset = firstInvalidOffset(bytes, label);
  if (offset === null) {
    return refuse(`the file begins with a ${name} byte order mark but ends in the middle of a character; ${SAVE_AS}`);
  }
  const before = new TextDecoder(label).decode(bytes.subarray(0, offset));
  return refuse(`the file begins with a ${name} byte order mark but is not valid ${name}; ${SAVE_AS}`, lineOfText(before, before.length));
}

/**
 * The offset of the first byte that makes the file invalid in `label`, or null when only its end
 * is cut short. A streaming decoder accepts any valid beginning, so the shortest invalid
 * beginning is found by halving (only on this error path).
 */
function firstInvalidOffset(bytes: Uint8Array, label: string): number | null {
  const validBeginning = (length: number) => {
    try {
      new TextDecoder(label, { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  if (validBeginning(bytes.length)) return null;
  let valid = 0;
  let invalid = bytes.length;
  while (invalid - valid > 1) {
    const middle = (valid + invalid) >>> 1;
    if (validBeginning(middle)) valid = middle;
    else invalid = middle;
  }
  return invalid - 1;
}

/** What a file with bytes no text file holds looks like, for the message; null when it is text. */
function binaryKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "an Excel workbook (.xlsx) or another ZIP archive";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return "an old Excel workbook (.xls) or another Office document";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "a PDF document";
  const firstNul = bytes.indexOf(0);
  if (firstNul < 0) return null;
  // UTF-16 without a byte order mark: ASCII text has a NUL in every other byte.
  let odd = 0;
  let even = 0;
  const sample = Math.min(bytes.length, 4096);
  for (let i = 0; i < sample; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  const half = sample / 2;
  if (odd > half * 0.9 && even === 0) return "UTF-16LE without a byte order mark (NUL bytes in every other byte)";
  if (even > half * 0.9 && odd === 0) return "UTF-16BE without a byte order mark (NUL bytes in every other byte)";
  return `binary (a NUL byte at byte ${firstNul + 1})`;
}

function lineOfText(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

function refuse(message: string, line?: number): DecodedFile {
  return { ok: false, problems: [{ ...(line ? { location: `line ${line}` } : {}), message }] };
}
