import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server.ts";
import { evidence } from "../../db/schema.server.ts";
import { evidencePolicy } from "../../domain/policies.ts";
import type { Actor } from "../../domain/workflow.ts";
import { ForbiddenError, NotFoundError, problemsFromZod, ValidationError, type Problem } from "../errors.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { loadEvaluation } from "../evaluations/evaluationContext.server.ts";
import { checkUpload, cleanFileName } from "./fileChecks.server.ts";
import { evidenceColumns, idOf, mayDeleteEvidence, removeTies } from "./shared.server.ts";
import { plainText } from "../../domain/text.ts";

const title = plainText({ error: "evidence.problem.title_required" })
  .trim()
  .min(1, "evidence.problem.title_required")
  .max(300, "evidence.problem.title_too_long");

const webAddress = plainText({ error: "evidence.problem.url_invalid" })
  .trim()
  .max(2000, "evidence.problem.url_invalid")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, "evidence.problem.url_invalid");

export const linkSchema = z.object({ title, url: webAddress });
export const noteSchema = z.object({
  title,
  body: plainText({ error: "evidence.problem.body_required" })
    .trim()
    .min(1, "evidence.problem.body_required")
    .max(20000, "evidence.problem.body_too_long"),
  url: z.union([z.literal(""), webAddress]).nullish(),
});

export interface UploadInput {
  fileName: string;
  mediaType: string;
  bytes: Buffer | Uint8Array | null;
  /** Empty: the file's name is used. */
  title?: string | null;
}
export type LinkInput = z.input<typeof linkSchema>;
export type NoteInput = z.input<typeof noteSchema>;

/** What the audit log keeps of a piece of evidence: everything but the file's bytes. */
function described(
  row: Pick<typeof evidence.$inferSelect, "kind" | "title" | "url" | "body" | "fileName" | "mediaType" | "size">,
  sha256?: string,
) {
  return {
    kind: row.kind,
    title: row.title,
    url: row.url,
    body: row.body,
    fileName: row.fileName,
    mediaType: row.mediaType,
    size: row.size,
    ...(sha256 ? { sha256 } : {}),
  };
}

/** The municipality (or the team) hands in a document: PDF, Word, Excel, OpenDocument or an image. */
export async function uploadDocument(db: Db, actor: Actor, evaluationId: number, input: UploadInput): Promise<{ id: number }> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!evidencePolicy.uploadDocument(actor, evaluation.access)) throw new ForbiddenError("upload documents");
  const problems: Problem[] = [];
  const fileName = cleanFileName(input.fileName ?? "");
  const check = checkUpload(fileName, input.mediaType ?? "", input.bytes);
  if (!check.ok) problems.push({ field: "file", message: check.message });
  const parsedTitle = title.safeParse(input.title?.trim() ? input.title : fileName || "–");
  if (!parsedTitle.success) problems.push(...problemsFromZod(parsedTitle.error.issues).map((p) => ({ ...p, field: "title" })));
  if (!check.ok || !parsedTitle.success) throw new ValidationError("the document was not stored", problems);
  const bytes = Buffer.from(input.bytes!.buffer, input.bytes!.byteOffset, input.bytes!.byteLength);
  const row = {
    evaluationId,
    kind: "document",
    title: parsedTitle.data,
    url: null,
    body: null,
    fileName,
    mediaType: check.mediaType,
    size: bytes.length,
  };
  return db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(evidence)
      .values({ ...row, content: bytes, createdBy: actor!.id })
      .returning({ id: evidence.id });
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await appendAudit(tx, { evaluationId, actor, action: "evidence", target: `evidence ${stored!.id}`, after: described(row, sha256) });
    return { id: stored!.id };
  });
}

/** A link to something on the web: a policy, a page on the municipality's website. */
export async function addLink(db: Db, actor: Actor, evaluationId: number, input: LinkInput): Promise<{ id: number }> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!evidencePolicy.uploadDocument(actor, evaluation.access)) throw new ForbiddenError("add links");
  const parsed = linkSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("the link was not stored", problemsFromZod(parsed.error.issues));
  const row = {
    evaluationId,
    kind: "link",
    title: parsed.data.title,
    url: parsed.data.url,
    body: null,
    fileName: null,
    mediaType: null,
    size: null,
  };
  return insertEvidence(db, actor, row);
}

/** The evaluators' note, e.g. on what the website or intranet shows. */
export async function addNote(db: Db, actor: Actor, evaluationId: number, input: NoteInput): Promise<{ id: number }> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!evidencePolicy.addNote(actor, evaluation.access)) throw new ForbiddenError("add notes");
  const parsed = noteSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("the note was not stored", problemsFromZod(parsed.error.issues));
  const row = {
    evaluationId,
    kind: "note",
    title: parsed.data.title,
    url: parsed.data.url || null,
    body: parsed.data.body,
    fileName: null,
    mediaType: null,
    size: null,
  };
  return insertEvidence(db, actor, row);
}

async function insertEvidence(
  db: Db,
  actor: Actor,
  row: Omit<typeof evidence.$inferInsert, "content" | "createdBy">,
): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(evidence)
      .values({ ...row, createdBy: actor!.id })
      .returning({ id: evidence.id });
    await appendAudit(tx, {
      evaluationId: row.evaluationId,
      actor,
      action: "evidence",
      target: `evidence ${stored!.id}`,
      after: described(row as typeof evidence.$inferSelect),
    });
    return { id: stored!.id };
  });
}

/** The row of a piece of evidence the actor may see, without its bytes; NotFoundError otherwise. */
async function visibleEvidence(db: Db, actor: Actor, evaluationId: number, evidenceId: unknown) {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  const id = idOf(evidenceId);
  const [row] =
    id > 0
      ? await db
          .select({
            ...evidenceColumns,
            createdBy: evidence.createdBy,
          })
          .from(evidence)
          .where(and(eq(evidence.id, id), eq(evidence.evaluationId, evaluation.id)))
      : [];
  const visible =
    row &&
    (row.kind === "note" ? evidencePolicy.viewNotes(actor, evaluation.access) : evidencePolicy.viewDocuments(actor, evaluation.access));
  if (!row || !visible) throw new NotFoundError("evidence", String(evidenceId));
  return { evaluation, row };
}

/** Removes a document, link or note (and its ties to sub-areas) before publication. */
export async function deleteEvidence(db: Db, actor: Actor, evaluationId: number, input: { evidenceId: number | string }): Promise<void> {
  const { evaluation, row } = await visibleEvidence(db, actor, evaluationId, input.evidenceId);
  if (!mayDeleteEvidence(actor, evaluation.access, row.createdBy)) throw new ForbiddenError("remove evidence");
  await db.transaction(async (tx) => {
    await removeTies(tx, evaluation.id, "evidence", row.id);
    await tx.delete(evidence).where(and(eq(evidence.id, row.id), eq(evidence.evaluationId, evaluation.id)));
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "evidence",
      target: `evidence ${row.id}`,
      before: described(row),
      after: null,
    });
  });
}

export interface DocumentFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

/** A document's file, for download by whoever may see the evaluation's documents. */
export async function getDocumentFile(
  db: Db,
  actor: Actor,
  evaluationId: number,
  input: { evidenceId: number | string },
): Promise<DocumentFile> {
  const { row } = await visibleEvidence(db, actor, evaluationId, input.evidenceId);
  if (row.kind !== "document") throw new NotFoundError("document", String(input.evidenceId));
  const [file] = await db.select({ content: evidence.content }).from(evidence).where(eq(evidence.id, row.id));
  if (!file?.content) throw new NotFoundError("document", String(input.evidenceId));
  return { fileName: row.fileName ?? `dokument-${row.id}`, mediaType: row.mediaType ?? "application/octet-stream", bytes: file.content };
}
