import type { Route } from "./+types/evidence-file";
import { languageFromRequest } from "../../i18n.ts";
import { translator } from "../../../src/i18n/index.ts";
import { ForbiddenError, NotFoundError } from "../../../src/services/errors.ts";
import { getDocumentFile } from "../../../src/services/evidence/documents.server.ts";
import { workspaceContext } from "../../workspace.server.ts";

/** RFC 5987/6266: the name in UTF-8 for browsers, and a plain ASCII one for the rest. */
function contentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const ascii =
    fileName
      .normalize("NFD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\%;]/g, "_")
      .trim() || "dokument";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A handed-in document, as a download, for whoever may see the evaluation's documents; 404 for everyone else. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db, actor, evaluationId: id } = context.get(workspaceContext);
  try {
    const file = await getDocumentFile(db, actor, id, { evidenceId: params.evidenceId });
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": file.mediaType,
        "Content-Length": String(file.bytes.length),
        "Content-Disposition": contentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) {
      return new Response(translator(languageFromRequest(request))("error.notFound"), {
        status: 404,
        headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
      });
    }
    throw error;
  }
}
