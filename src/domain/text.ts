import { z } from "zod";

/**
 * Text hygiene: what a text the platform keeps may contain. PostgreSQL refuses a NUL in text
 * (the whole statement fails), and the other control characters are invisible, print as boxes
 * in the report's PDF and Word files, and make XML (Word, Excel) invalid. They reach a form by
 * pasting from other programs or from a script; nobody types them. Tab, line feed and carriage
 * return are ordinary text and stay. Pure: forms, services and the import share it.
 */

/** The problem's code: a catalog key under `problem.` (forms) and the word for scripts. */
export const CONTROL_CHARACTERS = "control_characters";

/**
 * Is this a control character a text may not hold? C0 (U+0000–U+001F) except tab, line feed
 * and carriage return; DEL (U+007F); and the C1 controls (U+0080–U+009F).
 */
export function isControlCharacter(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

/** Where the first control character of a text is (a UTF-16 index), or -1 when there is none. */
export function controlCharacterIndex(text: string): number {
  for (let i = 0; i < text.length; i++) if (isControlCharacter(text.charCodeAt(i))) return i;
  return -1;
}

export function hasControlCharacters(text: string): boolean {
  return controlCharacterIndex(text) >= 0;
}

/** The text without its control characters (where dropping them is harmless, such as a search box's words). */
export function withoutControlCharacters(text: string): string {
  if (!hasControlCharacters(text)) return text;
  let kept = "";
  for (const char of text) if (!isControlCharacter(char.charCodeAt(0))) kept += char;
  return kept;
}

/** The first control character of a text for a person: "U+0000 at character 13". */
export function describeControlCharacter(text: string): string | undefined {
  const index = controlCharacterIndex(text);
  if (index < 0) return undefined;
  return `U+${text.charCodeAt(index).toString(16).toUpperCase().padStart(4, "0")} at character ${index + 1}`;
}

/** The problem in words, for files read by the command line (whose other messages are English too). */
export function controlCharacterWords(text: string): string {
  return `contains a control character (${describeControlCharacter(text) ?? "none"}), which cannot be stored; remove it`;
}

/**
 * A string schema that refuses control characters, for every free text a service keeps or sends
 * to the database. Chain the field's own checks after it (`plainText().trim().max(…)`). The
 * problem is the code CONTROL_CHARACTERS, or `message`'s words for the text where the caller
 * shows words rather than codes (controlCharacterWords for the import's files).
 */
export function plainText(params?: { error?: string }, message: string | ((text: string) => string) = CONTROL_CHARACTERS) {
  return z
    .string(params)
    .refine(
      (text) => !hasControlCharacters(text),
      typeof message === "string" ? message : { error: (issue) => message(String(issue.input)) },
    );
}
