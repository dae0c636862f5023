/**
 * Reading a printed report back: on which page each contents entry's heading landed, and
 * adding the author and subject Chromium leaves out. pdf-lib only reads here; the metadata is
 * appended as an incremental update, so Chromium's bytes (structure tree, tags) stay untouched.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, ParseSpeeds, type PDFObject } from "pdf-lib";
import type { ContentsEntry, ReportModel } from "../domain/report/model.ts";
import { headingText } from "./htmlParts.server.ts";

/** Parsed without yielding (the default parses 100 objects per event-loop tick, which is slow). */
export function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

// Without any white space: Chromium drops the space where a heading wraps onto a second line
// when it writes the outline ("… en sammanfattning" becomes "… ensammanfattning").
const normalise = (text: string) => text.replace(/[\s\u00a0]+/g, "");

function textOf(value: PDFObject | undefined): string | null {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
}

/** Page index (0-based) of a destination: an explicit array, or a name in the catalog's /Dests. */
function destinationPage(doc: PDFDocument, pages: ReadonlyMap<string, number>, dest: PDFObject | undefined): number | undefined {
  let target = dest instanceof PDFRef ? doc.context.lookup(dest) : dest;
  if (target instanceof PDFName || target instanceof PDFString || target instanceof PDFHexString) {
    target = doc.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict)?.lookup(PDFName.of(target.decodeText()));
  }
  if (target instanceof PDFDict) target = target.lookup(PDFName.of("D"));
  if (!(target instanceof PDFArray)) return undefined;
  const page = target.get(0);
  return page instanceof PDFRef ? pages.get(page.toString()) : undefined;
}

interface OutlineItem {
  title: string;
  page: number | undefined;
}

/** The outline in document order (depth first), each item with its decoded title and page. */
function outlineItems(doc: PDFDocument, pages: ReadonlyMap<string, number>): OutlineItem[] {
  const items: OutlineItem[] = [];
  const seen = new Set<PDFDict>();
  const walk = (first: PDFDict | undefined) => {
    for (let item = first; item && !seen.has(item); item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
      seen.add(item);
      const action = item.lookupMaybe(PDFName.of("A"), PDFDict);
      const dest = item.get(PDFName.of("Dest")) ?? action?.get(PDFName.of("D"));
      items.push({ title: normalise(textOf(item.lookup(PDFName.of("Title"))) ?? ""), page: destinationPage(doc, pages, dest) });
      walk(item.lookupMaybe(PDFName.of("First"), PDFDict));
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict)?.lookupMaybe(PDFName.of("First"), PDFDict));
  return items;
}

/**
 * Contents entry id → 1-based page number. Chromium names a destination after each linked
 * element's id (the contents links to every heading), which is exact; an entry without one is
 * matched in the outline by its heading text ("3 Områdena", or the title alone), in order, so
 * a repeated title takes the next heading. An entry found neither way is left without a number.
 */
export function pageNumbersIn(doc: PDFDocument, contents: readonly ContentsEntry[]): Map<string, number> {
  const pages = new Map(doc.getPages().map((page, index) => [page.ref.toString(), index] as const));
  const named = doc.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  const outline = outlineItems(doc, pages);
  const numbers = new Map<string, number>();
  let from = 0;
  for (const entry of contents) {
    const byId = named ? destinationPage(doc, pages, named.get(PDFName.of(entry.id))) : undefined;
    const wanted = [normalise(headingText(entry.number, entry.title)), normalise(entry.title)];
    const at = outline.findIndex((item, index) => index >= from && wanted.includes(item.title));
    if (at >= 0) from = at + 1;
    const page = byId ?? (at >= 0 ? outline[at]?.page : undefined);
    // Pages are counted from 1, as the footer prints them.
    if (page !== undefined) numbers.set(entry.id, page + 1);
  }
  return numbers;
}

export async function contentsPageNumbers(pdf: Uint8Array, contents: readonly ContentsEntry[]): Promise<Map<string, number>> {
  return pageNumbersIn(await loadPdf(pdf), contents);
}

/**
 * Adds /Author and /Subject to the document information (Chromium sets only the title) as an
 * incremental update: a new version of the Info object, an xref section for it and a trailer
 * pointing back to Chromium's. Left as printed when the file is not laid out as expected.
 */
export async function addInfo(pdf: Buffer, model: ReportModel, parsed?: PDFDocument): Promise<Buffer> {
  const tail = pdf.subarray(Math.max(0, pdf.length - 64)).toString("latin1");
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const previous = startxref ? Number(startxref[1]) : NaN;
  // Only a classic xref table is extended here (Chromium's Skia writes one).
  if (!Number.isInteger(previous) || pdf.subarray(previous, previous + 4).toString("latin1") !== "xref") return pdf;
  const doc = parsed ?? (await loadPdf(pdf));
  const { Root, Info, ID } = doc.context.trailerInfo;
  if (!(Root instanceof PDFRef)) return pdf;
  const ref = Info instanceof PDFRef ? Info : PDFRef.of(doc.context.largestObjectNumber + 1);
  const info = (Info instanceof PDFRef ? doc.context.lookupMaybe(Info, PDFDict)?.clone() : undefined) ?? doc.context.obj({});
  info.set(PDFName.of("Title"), PDFHexString.fromText(model.title));
  if (model.author.trim() !== "") info.set(PDFName.of("Author"), PDFHexString.fromText(model.author));
  if (model.subject.trim() !== "") info.set(PDFName.of("Subject"), PDFHexString.fromText(model.subject));

  const separator = pdf[pdf.length - 1] === 0x0a ? "" : "\n";
  const objectAt = pdf.length + separator.length;
  const object = `${ref.objectNumber} ${ref.generationNumber} obj\n${info.toString()}\nendobj\n`;
  const xrefAt = objectAt + Buffer.byteLength(object, "latin1");
  const size = Math.max(doc.context.largestObjectNumber, ref.objectNumber) + 1;
  const id = ID ? `/ID ${ID.toString()}\n` : "";
  const update =
    `${separator}${object}xref\n${ref.objectNumber} 1\n${String(objectAt).padStart(10, "0")} ${String(ref.generationNumber).padStart(5, "0")} n \n` +
    `trailer\n<</Size ${size}\n/Root ${Root.toString()}\n/Info ${ref.toString()}\n${id}/Prev ${previous}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, "latin1")]);
}
