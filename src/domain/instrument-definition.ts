import { z } from "zod";
import type { Area, InstrumentVersion, Question, Subarea } from "./instrument.ts";
import { points, pointsText, sum, type Points } from "./points.ts";

/**
 * An instrument definition file (reference/instruments/*.json, or what an administrator enters)
 * and its conversion to the domain types. Structure is checked by zod; numbering and max-point
 * sums are checked afterwards so that one pass reports every problem at once.
 */

export interface DefinitionProblem {
  /** Readable location, e.g. "areas[2] (area 3) subareas[1] (3.2).maxPoints". */
  path: string;
  message: string;
}

export type ParseInstrumentResult = { ok: true; instrument: InstrumentVersion } | { ok: false; problems: DefinitionProblem[] };

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** A short, readable rendering of a value found where something else was expected. */
function found(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  if (value === null || typeof value !== "object") return String(value);
  return "an object";
}

const text = (what: string) =>
  z
    .string({ error: (iss) => `expected ${what} as text, found ${found(iss.input)}` })
    .refine((s) => s.trim().length > 0, `expected ${what}, found empty text`);

// Accepted as number or decimal text; the value itself is checked later so that a bad figure
// does not hide the other problems of the file.
const maxPointsSchema = z.union([z.number(), z.string()], {
  error: (iss) => `expected max points as a number or decimal text (e.g. 15 or "12.5"), found ${found(iss.input)}`,
});

const questionSchema = z.strictObject({
  id: z.string({ error: (iss) => `expected a question id such as "1.4.2", found ${found(iss.input)}` }),
  text: text("the question text"),
  maxPoints: maxPointsSchema.nullish(),
});

const subareaSchema = z.strictObject({
  id: z.string({ error: (iss) => `expected a sub-area id such as "1.4", found ${found(iss.input)}` }),
  question: text("the sub-area question"),
  maxPoints: maxPointsSchema,
  questions: z.array(questionSchema).nullish(),
});

const areaSchema = z.strictObject({
  number: z
    .number({ error: (iss) => `expected an area number (1, 2, …), found ${found(iss.input)}` })
    .int({ error: (iss) => `expected a whole area number, found ${found(iss.input)}` })
    .min(1, { error: (iss) => `expected an area number from 1 up, found ${found(iss.input)}` }),
  name: text("the area name"),
  role: z.string().nullish(),
  rubricHeadings: z.array(z.string()).nullish(),
  maxPoints: maxPointsSchema,
  subareas: z.array(subareaSchema).nullish(),
});

export const instrumentDefinitionSchema = z.strictObject({
  key: z.string({ error: (iss) => `expected a version key such as "2010", found ${found(iss.input)}` }).regex(KEY_PATTERN, {
    error: (iss) => `expected 1–32 letters, digits, ".", "_" or "-", starting with a letter or digit, found ${found(iss.input)}`,
  }),
  name: text("the version name"),
  description: z.string().nullish(),
  areas: z.array(areaSchema).min(1, "expected at least one area, found none"),
});

export type InstrumentDefinition = z.infer<typeof instrumentDefinitionSchema>;

// ---------- paths ----------

const LIST_KEYS = new Set(["areas", "subareas", "questions", "rubricHeadings"]);

/** Labels list elements by what they are ("(area 3)", "(3.2)") taken from the raw input. */
function formatPath(input: unknown, path: readonly PropertyKey[]): string {
  let out = "";
  let node: unknown = input;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    if (typeof part === "number") {
      out += `[${part}]`;
      node = Array.isArray(node) ? node[part] : undefined;
      const label = elementLabel(path[i - 1], node);
      if (label) out += ` (${label})`;
    } else {
      const key = String(part);
      // "areas[2] (area 3) subareas[1]" but "…(3.2).maxPoints"
      const sep = out === "" ? "" : LIST_KEYS.has(key) && typeof path[i + 1] === "number" ? " " : ".";
      out += sep + key;
      node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return out === "" ? "(instrument)" : out;
}

function elementLabel(listKey: PropertyKey | undefined, element: unknown): string | null {
  if (element === null || typeof element !== "object") return null;
  const record = element as Record<string, unknown>;
  if (listKey === "areas" && typeof record.number === "number") return `area ${record.number}`;
  if ((listKey === "subareas" || listKey === "questions") && typeof record.id === "string") return record.id;
  return null;
}

const areaPath = (i: number, n: number) => `areas[${i}] (area ${n})`;
const subareaPath = (i: number, n: number, j: number, id: string) => `${areaPath(i, n)} subareas[${j}] (${id})`;
const questionPath = (sub: string, k: number, id: string) => `${sub} questions[${k}] (${id})`;

// ---------- parsing ----------

export function parseInstrumentDefinition(input: unknown): ParseInstrumentResult {
  const parsed = instrumentDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path:
          issue.code === "unrecognized_keys"
            ? formatPath(input, [...issue.path, ...issue.keys.slice(0, 1)])
            : formatPath(input, issue.path),
        message: issue.message.replace(/^Invalid input: /, ""),
      })),
    };
  }
  const problems: DefinitionProblem[] = [];
  const def = parsed.data;
  const areaNumbers: Numbered[] = [];
  const areas = def.areas.map((rawArea, i): Area => {
    const here = areaPath(i, rawArea.number);
    areaNumbers.push({ path: `${here}.number`, n: rawArea.number });
    const maxPoints = checkedMax(problems, `${here}.maxPoints`, rawArea.maxPoints);
    const subNumbers: Numbered[] = [];
    const subareas = (rawArea.subareas ?? []).map((rawSub, j): Subarea => {
      const subHere = subareaPath(i, rawArea.number, j, rawSub.id);
      const k = childNumber(rawSub.id, String(rawArea.number));
      if (k === null) {
        problems.push({
          path: `${subHere}.id`,
          message: `expected an id of the form ${rawArea.number}.<k> (a sub-area of area ${rawArea.number}), found ${found(rawSub.id)}`,
        });
      } else {
        subNumbers.push({ path: `${subHere}.id`, n: k });
      }
      const subMax = checkedMax(problems, `${subHere}.maxPoints`, rawSub.maxPoints);
      const questionNumbers: Numbered[] = [];
      const questions = (rawSub.questions ?? []).map((rawQ, q): Question => {
        const qHere = questionPath(subHere, q, rawQ.id);
        const qk = childNumber(rawQ.id, rawSub.id);
        if (qk === null) {
          problems.push({
            path: `${qHere}.id`,
            message: `expected an id of the form ${rawSub.id}.<k> (a question of sub-area ${rawSub.id}), found ${found(rawQ.id)}`,
          });
        } else {
          questionNumbers.push({ path: `${qHere}.id`, n: qk });
        }
        const qMax = rawQ.maxPoints == null ? null : checkedMax(problems, `${qHere}.maxPoints`, rawQ.maxPoints);
        return { id: rawQ.id, text: rawQ.text, maxPoints: qMax };
      });
      checkNumbering(
        problems,
        questionNumbers,
        (m) => `${rawSub.id}.${m}`,
        `questions of sub-area ${rawSub.id} are numbered ${rawSub.id}.1, ${rawSub.id}.2 … without gaps`,
      );
      const knownQMaxes = questions.map((q) => q.maxPoints).filter((m): m is Points => m !== null);
      // Only when every question has (valid) max points can they be required to add up.
      if (subMax && questions.length > 0 && knownQMaxes.length === questions.length) {
        const total = sum(knownQMaxes);
        if (!total.equals(subMax)) {
          problems.push({
            path: `${subHere}.questions`,
            message: `question max points of sub-area ${rawSub.id} sum to ${pointsText(total)}, expected ${pointsText(subMax)}`,
          });
        }
      }
      return {
        id: rawSub.id,
        areaNumber: rawArea.number,
        question: rawSub.question,
        maxPoints: subMax ?? points(0),
        questions: byNumber(questions),
      };
    });
    const n = rawArea.number;
    checkNumbering(problems, subNumbers, (m) => `${n}.${m}`, `sub-areas of area ${n} are numbered ${n}.1, ${n}.2 … without gaps`);
    const subMaxesValid = (rawArea.subareas ?? []).every((s) => isPositiveDecimal(s.maxPoints));
    if (maxPoints && subareas.length > 0 && subMaxesValid) {
      const total = sum(subareas.map((s) => s.maxPoints));
      if (!total.equals(maxPoints)) {
        problems.push({
          path: `${here}.subareas`,
          message: `sub-area max points of area ${n} sum to ${pointsText(total)}, expected ${pointsText(maxPoints)}`,
        });
      }
    }
    return {
      number: n,
      name: rawArea.name,
      role: rawArea.role ?? null,
      rubricHeadings: rawArea.rubricHeadings ?? [],
      maxPoints: maxPoints ?? points(0),
      subareas: byNumber(subareas),
    };
  });
  checkNumbering(problems, areaNumbers, (m) => `area ${m}`, "areas are numbered 1, 2, 3 … without gaps");
  if (problems.length > 0) return { ok: false, problems };
  const sortedAreas = [...areas].sort((a, b) => a.number - b.number);
  return { ok: true, instrument: { key: def.key, name: def.name, description: def.description ?? null, areas: sortedAreas } };
}

/** "<parent>.<k>" with k a whole number ≥ 1 without leading zeros; null otherwise. */
function childNumber(id: string, parent: string): number | null {
  if (!id.startsWith(`${parent}.`)) return null;
  const rest = id.slice(parent.length + 1);
  return /^[1-9]\d*$/.test(rest) ? Number(rest) : null;
}

/** Orders "1.10" after "1.9": the file may list elements in any order once numbering is valid. */
function byNumber<T extends { id: string }>(items: T[]): T[] {
  const last = (id: string) => Number(id.slice(id.lastIndexOf(".") + 1));
  return [...items].sort((a, b) => last(a.id) - last(b.id));
}

interface Numbered {
  path: string;
  n: number;
}

/**
 * Numbers must be 1..m, each once. Reported per duplicate and per gap (at the element just
 * after it), so one mistake gives one problem rather than one for every element that follows.
 */
function checkNumbering(problems: DefinitionProblem[], items: Numbered[], name: (n: number) => string, rule: string): void {
  const first = new Map<number, Numbered>();
  for (const item of items) {
    if (first.has(item.n)) problems.push({ path: item.path, message: `${name(item.n)} appears more than once (${rule})` });
    else first.set(item.n, item);
  }
  let previous = 0;
  for (const n of [...first.keys()].sort((a, b) => a - b)) {
    if (n !== previous + 1)
      problems.push({ path: first.get(n)!.path, message: `expected ${name(previous + 1)} (${rule}), found ${name(n)}` });
    previous = n;
  }
}

function isPositiveDecimal(value: number | string): boolean {
  try {
    return points(value).greaterThan(0);
  } catch {
    return false;
  }
}

function checkedMax(problems: DefinitionProblem[], path: string, value: number | string): Points | null {
  let parsed: Points;
  try {
    parsed = points(value);
  } catch {
    problems.push({ path, message: `expected max points as a decimal number (e.g. 15 or "12.5"), found ${found(value)}` });
    return null;
  }
  if (!parsed.greaterThan(0)) {
    problems.push({ path, message: `expected max points greater than 0, found ${pointsText(parsed)}` });
    return null;
  }
  return parsed;
}

// ---------- extending an existing version ----------

export interface ReferencedElements {
  areas: Set<number>;
  subareas: Set<string>;
}

const sameText = (a: string, b: string) => a.trim().toLocaleLowerCase("sv") === b.trim().toLocaleLowerCase("sv");

/**
 * Whether `incoming` may replace `existing` while results refer to parts of it. New areas,
 * sub-areas and questions and new wording are fine; a referenced area or sub-area must keep its
 * number and max points. An area counts as referenced when one of its sub-areas is, since its
 * points and percent are derived from them.
 */
export function checkInstrumentExtension(
  existing: InstrumentVersion,
  incoming: InstrumentVersion,
  referenced: ReferencedElements,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (incoming.key !== existing.key) {
    problems.push({
      path: "key",
      message: `expected key ${found(existing.key)} (the version being extended), found ${found(incoming.key)}`,
    });
  }
  const areaReferenced = (n: number) => referenced.areas.has(n) || [...referenced.subareas].some((id) => id.startsWith(`${n}.`));

  for (const old of existing.areas) {
    if (!areaReferenced(old.number)) continue;
    const index = incoming.areas.findIndex((a) => a.number === old.number);
    const moved = incoming.areas.find((a) => a.number !== old.number && sameText(a.name, old.name));
    if (index < 0) {
      const where = moved ? ` (it appears as area ${moved.number})` : "";
      problems.push({
        path: "areas",
        message: `area ${old.number} "${old.name}" is missing${where}, but results refer to it; expected it to be kept with number ${old.number}`,
      });
      continue;
    }
    const now = incoming.areas[index]!;
    const here = areaPath(index, now.number);
    if (moved && !sameText(now.name, old.name)) {
      problems.push({
        path: `${here}.name`,
        message: `area ${old.number} "${old.name}" appears renumbered as area ${moved.number}, but results refer to area ${old.number}; expected it to keep its number`,
      });
    }
    if (!now.maxPoints.equals(old.maxPoints)) {
      problems.push({
        path: `${here}.maxPoints`,
        message: `max points of area ${old.number} changed from ${pointsText(old.maxPoints)} to ${pointsText(now.maxPoints)}, but results refer to it; expected ${pointsText(old.maxPoints)}`,
      });
    }
  }

  const incomingSubareas = incoming.areas.flatMap((area, i) =>
    area.subareas.map((sub, j) => ({ sub, path: subareaPath(i, area.number, j, sub.id) })),
  );
  for (const old of existing.areas.flatMap((a) => a.subareas)) {
    if (!referenced.subareas.has(old.id)) continue;
    const match = incomingSubareas.find((s) => s.sub.id === old.id);
    const moved = incomingSubareas.find((s) => s.sub.id !== old.id && sameText(s.sub.question, old.question));
    if (!match) {
      const areaIndex = incoming.areas.findIndex((a) => a.number === old.areaNumber);
      const path = areaIndex < 0 ? "areas" : `${areaPath(areaIndex, old.areaNumber)}.subareas`;
      const where = moved ? ` (it appears as ${moved.sub.id})` : "";
      problems.push({
        path,
        message: `sub-area ${old.id} is missing${where}, but results refer to it; expected it to be kept with id ${old.id}`,
      });
      continue;
    }
    if (moved && !sameText(match.sub.question, old.question)) {
      problems.push({
        path: `${match.path}.id`,
        message: `sub-area ${old.id} "${old.question}" appears renumbered as ${moved.sub.id}, but results refer to ${old.id}; expected it to keep its id`,
      });
    }
    if (!match.sub.maxPoints.equals(old.maxPoints)) {
      problems.push({
        path: `${match.path}.maxPoints`,
        message: `max points of sub-area ${old.id} changed from ${pointsText(old.maxPoints)} to ${pointsText(match.sub.maxPoints)}, but results refer to it; expected ${pointsText(old.maxPoints)}`,
      });
    }
  }
  return problems;
}
