import { z } from "zod";
import { findArea, type InstrumentVersion } from "../instrument.ts";
import { isDecimalText, points, type Points } from "../points.ts";
import { hasControlCharacters } from "../text.ts";
import type { QuestionnaireItem } from "./questionnaire.ts";

/**
 * A version's questionnaire as a file (docs/questionnaire-format.md): what an administrator loads
 * with `kompass questionnaire load` or on /admin/sjalvvardering. Pure: reading the bytes, the
 * file's structure, and its fit with the instrument version it names. Every problem is a code
 * (a catalog key under `questionnaireAdmin.problem.`) with the item's number and id and the field,
 * so that one pass names everything to fix, in Swedish and English alike.
 */

/** A problem of a file: the same shape as the services' Problem (src/services/errors.ts), which the domain does not import. */
export interface Problem {
  location?: string;
  field?: string;
  message: string;
  values?: Record<string, string | number>;
}

/** Bounds: a questionnaire is some dozens of questions; these leave room and stop a runaway file. */
export const MAX_QUESTIONNAIRE_BYTES = 1024 * 1024;
export const MAX_QUESTIONNAIRE_ITEMS = 500;
export const MAX_ITEM_TEXT = 2000;
export const MAX_ITEM_GUIDANCE = 4000;

/** An item's id: "1.4", "1.4.a", "3-styrning"; the same shape as an instrument version's key. */
export const ITEM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
const INSTRUMENT_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** The fields of an item, in the order the format lists them (and problems name them). */
export const ITEM_FIELDS = ["id", "areaNumber", "subareaId", "text", "guidance", "maxPoints"] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** A text field: no control characters (PostgreSQL, Word and XML refuse them), bounded, not empty where required. */
const text = (max: number, required: boolean) =>
  z
    .string({ error: "text_expected" })
    .refine((s) => !hasControlCharacters(s), "control_characters")
    .refine((s) => !required || s.trim().length > 0, "text_empty")
    .refine((s) => s.length <= max, "text_too_long");

// Max points come as a JSON number or decimal text; the value is checked against the instrument after.
const maxPointsSchema = z.union([z.number(), z.string()], { error: "max_points_invalid" }).nullable();

const itemSchema = z.strictObject(
  {
    id: z.string({ error: "id_invalid" }).regex(ITEM_ID_PATTERN, "id_invalid"),
    areaNumber: z.number({ error: "area_number_invalid" }).int("area_number_invalid").min(1, "area_number_invalid"),
    subareaId: z.string({ error: "subarea_invalid" }).max(32, "subarea_invalid").nullish(),
    text: text(MAX_ITEM_TEXT, true),
    guidance: text(MAX_ITEM_GUIDANCE, false).nullish(),
    maxPoints: maxPointsSchema.optional(),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "field_unknown" : "item_not_object") },
);

const fileSchema = z.strictObject(
  {
    instrumentKey: z.string({ error: "instrument_key_invalid" }).regex(INSTRUMENT_KEY_PATTERN, "instrument_key_invalid"),
    items: z.array(z.unknown(), { error: "items_missing" }).min(1, "items_missing").max(MAX_QUESTIONNAIRE_ITEMS, "items_too_many"),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "field_unknown" : "file_not_object") },
);

type ParsedItem = z.output<typeof itemSchema>;

/**
 * A file read at its top level, before it is checked against its instrument version: the items
 * whose structure is right (with their place in the file), and the problems of the others, so
 * that the check against the version still names the well-formed items' problems too.
 */
export interface QuestionnaireFile {
  instrumentKey: string;
  items: { index: number; item: ParsedItem }[];
  problems: Problem[];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Where an item's problem is: its number in the file (from 1), its id as written, and the field. */
function itemProblem(index: number, raw: unknown, field: string | undefined, message: string, values: Problem["values"] = {}): Problem {
  const id = raw !== null && typeof raw === "object" && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : "";
  return {
    location: `items[${index}]${id ? ` (${id.slice(0, 40)})` : ""}`,
    ...(field ? { field } : {}),
    message,
    values: { item: index + 1, id: id.slice(0, 40), ...values },
  };
}

/** The file's bytes as JSON: UTF-8 (a byte order mark is allowed), within MAX_QUESTIONNAIRE_BYTES. */
export function readQuestionnaireBytes(bytes: Uint8Array): Checked<unknown> {
  if (bytes.length === 0) return { ok: false, problems: [{ field: "file", message: "file_missing" }] };
  if (bytes.length > MAX_QUESTIONNAIRE_BYTES)
    return { ok: false, problems: [{ field: "file", message: "file_too_large", values: { kb: MAX_QUESTIONNAIRE_BYTES / 1024 } }] };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, problems: [{ field: "file", message: "file_not_utf8" }] };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      problems: [{ field: "file", message: "file_not_json", values: { detail: (error as Error).message.slice(0, 200) } }],
    };
  }
}

/** The file's structure: every item is read, so that all items' problems show at once (ok: its top level is right). */
export function parseQuestionnaireFile(input: unknown): Checked<QuestionnaireFile> {
  const parsed = fileSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const field =
          issue.path.length > 0 ? String(issue.path[0]) : issue.code === "unrecognized_keys" ? issue.keys.join(", ") : undefined;
        const max: Problem["values"] = issue.message === "items_too_many" ? { max: MAX_QUESTIONNAIRE_ITEMS } : {};
        return { ...(field ? { field } : {}), message: issue.message, values: { field: field ?? "", ...max } };
      }),
    };
  }
  const problems: Problem[] = [];
  const items: QuestionnaireFile["items"] = [];
  parsed.data.items.forEach((raw, index) => {
    const item = itemSchema.safeParse(raw);
    if (item.success) {
      items.push({ index, item: item.data });
      return;
    }
    for (const issue of item.error.issues) {
      const field = issue.path.length > 0 ? String(issue.path[0]) : issue.code === "unrecognized_keys" ? issue.keys.join(", ") : undefined;
      const max: Problem["values"] =
        issue.message === "text_too_long" ? { max: field === "guidance" ? MAX_ITEM_GUIDANCE : MAX_ITEM_TEXT } : {};
      problems.push(itemProblem(index, raw, field, issue.message, { field: field ?? "", ...max }));
    }
  });
  return { ok: true, value: { instrumentKey: parsed.data.instrumentKey, items, problems } };
}

/** Max points as written, or undefined when they are not a decimal number. */
function maxPointsOf(value: number | string): Points | undefined {
  if (typeof value === "string" && !isDecimalText(value)) return undefined;
  try {
    return points(value);
  } catch {
    return undefined;
  }
}

/**
 * The file's items checked against its instrument version: the area exists, the sub-area exists
 * and belongs to the area, ids are unique, max points are above 0 and at most the sub-area's (else
 * the area's). Absent max points are the sub-area's (area's); null means no own score.
 */
export function questionnaireItemsFor(file: QuestionnaireFile, instrument: InstrumentVersion): Checked<QuestionnaireItem[]> {
  const problems: Problem[] = [...file.problems];
  const items: QuestionnaireItem[] = [];
  const firstOf = new Map<string, number>();
  const subareaArea = new Map(instrument.areas.flatMap((area) => area.subareas.map((s) => [s.id, area.number] as const)));
  for (const { index, item } of file.items) {
    const problem = (field: ItemField, message: string, values: Problem["values"] = {}) => {
      problems.push(itemProblem(index, item, field, message, { field, ...values }));
    };
    const first = firstOf.get(item.id);
    if (first !== undefined) problem("id", "id_duplicate", { first: first + 1 });
    else firstOf.set(item.id, index);
    const area = findArea(instrument, item.areaNumber);
    if (!area) {
      problem("areaNumber", "area_unknown", { area: item.areaNumber, version: instrument.key });
      continue;
    }
    const subareaId = item.subareaId ?? null;
    const subarea = subareaId === null ? undefined : area.subareas.find((s) => s.id === subareaId);
    if (subareaId !== null && !subarea) {
      const elsewhere = subareaArea.get(subareaId);
      if (elsewhere === undefined)
        problem("subareaId", "subarea_unknown", { subarea: subareaId, area: area.number, version: instrument.key });
      else problem("subareaId", "subarea_other_area", { subarea: subareaId, area: area.number, actual: elsewhere });
      continue;
    }
    const limit = subarea?.maxPoints ?? area.maxPoints;
    let maxPoints: Points | null = limit;
    if (item.maxPoints === null) maxPoints = null;
    else if (item.maxPoints !== undefined) {
      const value = maxPointsOf(item.maxPoints);
      if (!value) {
        problem("maxPoints", "max_points_invalid", { value: String(item.maxPoints).slice(0, 40) });
        continue;
      }
      if (value.lte(0) || value.gt(limit)) {
        problem("maxPoints", "max_points_range", { value: value.toString(), max: limit.toString() });
        continue;
      }
      maxPoints = value;
    }
    items.push({
      id: item.id,
      position: index,
      areaNumber: area.number,
      subareaId,
      text: item.text.trim(),
      guidance: (item.guidance ?? "").trim(),
      maxPoints,
    });
  }
  // In the file's order, whichever check found them.
  const number = (p: Problem) => Number(p.values?.item ?? 0);
  return problems.length > 0 ? { ok: false, problems: problems.sort((a, b) => number(a) - number(b)) } : { ok: true, value: items };
}

/** An item's problem in words: "Fråga 4 (1.4.a), delområde (subareaId): …"; a problem of the whole file as it is. */
export function describeQuestionnaireProblem(t: (key: string, options?: Record<string, unknown>) => string, problem: Problem): string {
  const values = problem.values ?? {};
  const words = t(`questionnaireAdmin.problem.${problem.message}`, { ...values, defaultValue: problem.message });
  if (typeof values.item !== "number") return words;
  const item = t(values.id ? "questionnaireAdmin.at.item" : "questionnaireAdmin.at.itemWithoutId", { item: values.item, id: values.id });
  // An unknown field is named in the words; a known one after the item ("Fråga 4 (1.4.a), id: …").
  const known = (ITEM_FIELDS as readonly string[]).includes(String(values.field));
  const field = known ? t(`questionnaireAdmin.field.${values.field}`) : "";
  return `${[item, field].filter(Boolean).join(", ")}: ${words}`;
}
