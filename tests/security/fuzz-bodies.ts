import fc from "fast-check";
import { encodeBytes, RAW_ESCAPES } from "./fuzz-values.ts";

/**
 * Request bodies for the form fuzz: the fields as a browser posts them (URL-encoded or
 * multipart), and bodies of the wrong kind (empty, JSON, plain text, broken multipart, binary).
 */

export interface FileValue {
  file: { name: string; type: string; bytes: Uint8Array };
}
export type FieldValue = string | FileValue;
export type Fields = [name: string, value: FieldValue][];

export const BODY_KINDS = [
  "urlencoded",
  "urlencoded raw escapes",
  "multipart",
  "empty",
  "empty urlencoded",
  "json",
  "text/plain",
  "multipart without boundary",
  "multipart wrong boundary",
  "multipart truncated",
  "urlencoded utf-16",
  "binary",
  "many fields",
  "xml",
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** How often each kind is drawn: mostly real forms, so that the fields reach the actions' parsing. */
export const bodyKind: fc.Arbitrary<BodyKind> = fc.oneof(
  { weight: 30, arbitrary: fc.constant("urlencoded" as const) },
  { weight: 4, arbitrary: fc.constant("urlencoded raw escapes" as const) },
  { weight: 10, arbitrary: fc.constant("multipart" as const) },
  { weight: 6, arbitrary: fc.constantFrom(...BODY_KINDS.slice(3)) },
);

const text = (value: FieldValue) => (typeof value === "string" ? value : value.file.name);

export interface Body {
  contentType?: string;
  body?: Uint8Array | string;
}

/** The body of a request of the given kind carrying the fields (as far as that kind can). */
export async function encodeBody(kind: BodyKind, fields: Fields, rawEscape: string): Promise<Body> {
  const urlencoded = fields.map(([name, value]) => `${encodeBytes(name)}=${encodeBytes(text(value))}`).join("&");
  switch (kind) {
    case "urlencoded":
      return { contentType: "application/x-www-form-urlencoded", body: urlencoded };
    case "urlencoded raw escapes": {
      // One field's value replaced by escapes no encoder makes (%C3%28, %00, a lone %).
      const [first, ...rest] = urlencoded.split("&");
      const broken = first ? `${first.split("=")[0]}=${rawEscape}` : `x=${rawEscape}`;
      return { contentType: "application/x-www-form-urlencoded", body: [broken, ...rest].join("&") };
    }
    case "multipart": {
      const form = new FormData();
      for (const [name, value] of fields) {
        if (typeof value === "string") form.append(name, value);
        else form.append(name, new File([value.file.bytes as Uint8Array<ArrayBuffer>], value.file.name, { type: value.file.type }));
      }
      const request = new Request("http://fuzz.invalid/", { method: "POST", body: form });
      return { contentType: request.headers.get("content-type")!, body: new Uint8Array(await request.arrayBuffer()) };
    }
    case "empty":
      return {};
    case "empty urlencoded":
      return { contentType: "application/x-www-form-urlencoded", body: "" };
    case "json":
      return { contentType: "application/json", body: JSON.stringify(Object.fromEntries(fields.map(([n, v]) => [n, text(v)]))) };
    case "text/plain":
      return { contentType: "text/plain;charset=UTF-8", body: fields.map(([n, v]) => `${n}=${text(v)}`).join("\r\n") };
    case "multipart without boundary":
      return { contentType: "multipart/form-data", body: urlencoded };
    case "multipart wrong boundary":
      return {
        contentType: "multipart/form-data; boundary=fuzzboundary",
        body: `--otherboundary\r\nContent-Disposition: form-data; name="intent"\r\n\r\nx\r\n--otherboundary--\r\n`,
      };
    case "multipart truncated": {
      const whole = await encodeBody("multipart", fields.length > 0 ? fields : [["intent", "x"]], rawEscape);
      const bytes = whole.body as Uint8Array;
      return { contentType: whole.contentType, body: bytes.slice(0, Math.max(10, Math.floor(bytes.length / 2))) };
    }
    case "urlencoded utf-16":
      return { contentType: "application/x-www-form-urlencoded; charset=utf-16", body: Buffer.from(urlencoded, "utf16le") };
    case "binary":
      return { contentType: "application/x-www-form-urlencoded", body: Uint8Array.from({ length: 512 }, (_, i) => (i * 151 + 7) % 256) };
    case "many fields":
      return { contentType: "application/x-www-form-urlencoded", body: `${urlencoded}&${"a=1&".repeat(20_000)}` };
    case "xml":
      return {
        contentType: "application/xml",
        body: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>`,
      };
  }
}

export const rawEscape = fc.constantFrom(...RAW_ESCAPES);

/** A file for an upload field: real and fake types, hostile names, empty and odd bytes. */
export const fileValue: fc.Arbitrary<FileValue> = fc
  .record({
    name: fc.constantFrom(
      "rapport.pdf",
      "a\u0000b.pdf",
      "../../etc/passwd",
      `${"x".repeat(400)}.pdf`,
      "",
      ".pdf",
      "noter.docx",
      "bild.svg",
      "ö\n.txt",
    ),
    type: fc.constantFrom("application/pdf", "text/html", "", "application/x-msdownload", "image/svg+xml", "text/plain"),
    bytes: fc.oneof(
      fc.constant(new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")),
      fc.uint8Array({ maxLength: 256 }),
      fc.constant(new Uint8Array(0)),
      fc.constant(new TextEncoder().encode("<svg onload=alert(1)></svg>")),
    ),
  })
  .map((file) => ({ file }));
