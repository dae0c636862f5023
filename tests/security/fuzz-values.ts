import fc from "fast-check";
import type { z } from "zod";

/**
 * What the fuzz suites send: hostile text, hostile percent-encodings for addresses, and values
 * of the right shape read from the zod schemas that parse them (so that a request gets past the
 * first check and reaches what lies behind it).
 */

/** Text that has broken parsers elsewhere: control characters, odd numbers, odd Unicode, injections. */
export const HOSTILE_TEXT = [
  "\u0000",
  "a\u0000b",
  "\u0000\u0000\u0000",
  "\u0001\u0002\u0008\u000b\u000c\u001b\u001f\u007f",
  "\u0080\u0085\u009f",
  "\r\n",
  "\n",
  "\r",
  "\t",
  "text\r\nSet-Cookie: x=1",
  "\u2028\u2029",
  "\uFEFF",
  "\u202Eevil\u202C",
  "\u200B\u200D",
  "e\u0301\u0301\u0301",
  "😀👩‍👩‍👧‍👦",
  "\uD800",
  "\uDFFF",
  "\uFFFF\uFFFE",
  "Örebro Åsa Ängel",
  "",
  " ",
  "   \t  ",
  "-1",
  "0",
  "-0",
  "00",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "-1e309",
  "1e-400",
  "9".repeat(400),
  "9007199254740993",
  "2147483648",
  "-2147483649",
  "1.5",
  "12,5",
  "12.345,67",
  "1 000",
  "0x10",
  "0b11",
  "1_000",
  "١٢٣",
  "½",
  "+5",
  " 3 ",
  "true",
  "false",
  "null",
  "undefined",
  "[]",
  "{}",
  "[object Object]",
  "__proto__",
  "constructor",
  "toString",
  "' OR '1'='1",
  "'; drop table users; --",
  "\\",
  "\\'",
  "%",
  "%00",
  "%C3%28",
  "../../../../etc/passwd",
  "/\\evil.example",
  "//evil.example",
  "/%5Cevil.example",
  "/\tevil",
  "javascript:alert(1)",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example")',
  "$" + "{7*7}", // a template placeholder, as text
  "{{7*7}}",
  "0000-00-00",
  "2024-02-30",
  "99999-01-01",
  "x@y",
  "a@b.c",
];

const controlChar = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));
const awkward = fc.constantFrom(
  "\u0000",
  "\u007f",
  "\uD800",
  "\uDC00",
  "\uFFFD",
  "\u0301",
  "\u202E",
  "%",
  "&",
  "=",
  "+",
  "\\",
  '"',
  "'",
  "<",
);

/** Hostile text of every kind, long text up to beyond the 64 KB form bound included. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.oneof(controlChar, awkward, fc.constantFrom("a", "ö", " ")), maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("x", "å", "\u0000", "😀", "a\n"), fc.integer({ min: 1_000, max: 70_000 }))
      .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length))),
  },
);

/** Numbers at the edges: of PostgreSQL's integer and bigint, of JavaScript's safe integers, and not quite numbers. */
export const NUMBER_EDGES = ["0", "-1", "2147483647", "2147483648", "9007199254740993", "99999999999999999999", "1e3", "1.5", "0x10", "+1"];

/** A number as a form or query sends it, including the ones that are not numbers. */
export const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -5, max: 100 }).map(String),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(...NUMBER_EDGES, "-2147483649", "1e21"),
  fc.constantFrom("NaN", "Infinity", "-Infinity", "1e309", "1e-309", "0x1F", "1,5", "", " 7", "07", "7.0"),
);

// ---------------------------------------------------------------------------------------------
// Percent-encoding for addresses: exact bytes, and what no encoder would make.

/** Percent-encodes every byte outside the unreserved set: what a careful client sends. */
export function encodeBytes(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Encodings that are wrong or dangerous once decoded: NUL, newlines, backslashes, invalid UTF-8, lone %. */
export const RAW_ESCAPES = [
  "%00",
  "%2Fe%00",
  "%0A",
  "%0D%0A",
  "%2F%0Aenv%3B",
  "%09",
  "%5C",
  "%2F%5Cevil.example",
  "%2F%2Fevil.example",
  "%C3%28",
  "%C3",
  "%FF",
  "%FE%FF",
  "%C0%AF",
  "%E0%80%80",
  "%ED%A0%80",
  "%F4%90%80%80",
  "%EF%BB%BF",
  "%",
  "%%",
  "%2",
  "%zz",
  "%u0000",
  "%25",
  "%2525",
  "+",
  "%2B",
  "%26",
  "%3D",
  "%3F",
  "%23",
  "%2F..%2F..%2Fetc%2Fpasswd",
  "..%2F..%2F",
  "%7F",
  "%1B%5B31m",
];

/** One query or path value as sent: raw escapes, numbers at the edges, hostile text encoded, or long. */
export const rawValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...RAW_ESCAPES) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBER_EDGES) },
  {
    weight: 2,
    arbitrary: fc.array(fc.constantFrom(...RAW_ESCAPES, "a", "1", "2010", "x"), { minLength: 2, maxLength: 5 }).map((p) => p.join("")),
  },
  { weight: 3, arbitrary: hostileText.filter((t) => t.length < 2_000).map(encodeBytes) },
  { weight: 1, arbitrary: fc.integer({ min: 500, max: 20_000 }).map((n) => "9".repeat(n)) },
);

/** A fitting value with one hostile character put in: it passes a check of its shape more often than random text does. */
export function injected(value: string): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.oneof(
        // NUL first: PostgreSQL refuses it in text, so it is what reaches furthest and breaks most.
        { weight: 4, arbitrary: fc.constant("\u0000") },
        { weight: 3, arbitrary: controlChar },
        {
          weight: 3,
          arbitrary: fc.constantFrom("\u007f", "\u0085", "\uD800", "\uDFFF", "\uFFFE", "\u202E", "\r\n", "\n", "\\", "%00", "'", '"', "<"),
        },
      ),
      fc.nat(),
    )
    .map(([c, n]) => {
      const at = n % (value.length + 1);
      return value.slice(0, at) + c + value.slice(at);
    });
}

/** A fitting value for an address, encoded, with one raw escape (NUL, newline, invalid UTF-8…) put in. */
export function spliced(value: string): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...RAW_ESCAPES), fc.nat()).map(([raw, n]) => {
    const at = n % (value.length + 1);
    return encodeBytes(value.slice(0, at)) + raw + encodeBytes(value.slice(at));
  });
}

// ---------------------------------------------------------------------------------------------
// Values of the right shape, read from a zod schema.

type Def = { type: string; [key: string]: any };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional, default, catch, pipe and the like: what the value is checked as first. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"].includes(def.type)) current = def.innerType;
    else if (def.type === "pipe") current = def.in;
    else return current;
  }
}

/** The example given in a schema's metadata (the API's parameters carry one), under any wrapper. */
export function exampleOf(schema: z.ZodType): string | undefined {
  let current: z.ZodType | undefined = schema;
  while (current) {
    const example = (current as unknown as { meta(): { example?: unknown } | undefined }).meta?.()?.example;
    if (example !== undefined) return String(example);
    const def = defOf(current);
    current = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
  }
  return undefined;
}

/** What a schema accepts, as text: literals, enum options, strings matching its patterns, numbers. */
export function shapedValue(schema: z.ZodType): fc.Arbitrary<string | string[]> {
  const inner = unwrap(schema);
  const def = defOf(inner);
  const example = exampleOf(schema);
  const withExample = (arbitrary: fc.Arbitrary<string | string[]>) =>
    example === undefined ? arbitrary : fc.oneof(fc.constant(example), arbitrary);
  switch (def.type) {
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]).map(String));
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>).map(String));
    case "number":
    case "int":
    case "bigint":
      return withExample(fc.oneof(fc.integer({ min: 0, max: 20 }).map(String), numberText));
    case "boolean":
      return fc.constantFrom("true", "false", "on");
    case "array":
      return fc.array(
        shapedValue(def.element).map((v) => (Array.isArray(v) ? v.join("") : v)),
        { maxLength: 4 },
      );
    case "union":
      return fc.oneof(...(def.options as z.ZodType[]).map(shapedValue));
    case "string": {
      const patterns: RegExp[] = [
        ...(def.pattern ? [def.pattern as RegExp] : []),
        ...((def.checks ?? []) as { _zod: { def: { format?: string; pattern?: RegExp } } }[])
          .map((check) => check._zod.def.pattern)
          .filter((p): p is RegExp => p instanceof RegExp),
      ];
      if (def.format === "email") return withExample(fc.emailAddress());
      if (def.format === "url") return withExample(fc.webUrl());
      if (patterns.length > 0) return withExample(fc.oneof(...patterns.map((p) => fc.stringMatching(p))));
      return withExample(fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom("2010", "1880", "1", "Syntetisk text.")));
    }
    default:
      return withExample(fc.string({ maxLength: 20 }));
  }
}

/** Whether a field holds one fixed value (a form's intent): changing it is another kind of case. */
export function isLiteral(schema: z.ZodType): boolean {
  return defOf(unwrap(schema)).type === "literal";
}

/** Whether a field is a file (uploads): those are posted as multipart. */
export function isFileField(schema: z.ZodType): boolean {
  const def = defOf(unwrap(schema));
  return def.type === "custom" || def.type === "file";
}

/** The options of a form's schema: each intent's object of a discriminated union, or the one object. */
export function formShapes(schema: z.ZodType): Record<string, z.ZodType>[] {
  const def = defOf(unwrap(schema));
  if (def.type === "union") return (def.options as z.ZodType[]).flatMap(formShapes);
  if (def.type === "object") return [def.shape as Record<string, z.ZodType>];
  if (def.type === "intersection") {
    const [left, right] = [formShapes(def.left), formShapes(def.right)];
    return left.flatMap((l) => right.map((r) => ({ ...l, ...r })));
  }
  return [{}];
}
