import type { NextFunction, Request, Response } from "express";
import { MAX_QUESTIONNAIRE_BYTES } from "../src/domain/cycle/questionnaireFile.ts";
import { MAX_UPLOAD_BYTES } from "../src/domain/evidence.ts";
import type { PageReason } from "../app/refusalPage.ts";
import { refuse as answer } from "./refuse.ts";

/**
 * The first checks every request meets, before a session is looked up, a CSRF token compared or
 * a body read: cheap refusals for what no page of ours can use. A hostile request costs little
 * and never reaches code that could fail on it with a 500.
 */

/** Control characters no URL of ours carries (tab, LF and CR are left to the pages: they ignore or strip them). */
const CONTROL_ESCAPE = /%(?:0[0-8bcef]|1[0-9a-f]|7f)/i;
// Raw control characters or bytes outside ASCII cannot come from a browser (it escapes them).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const RAW_CONTROL = /[\u0000-\u001f\u007f]/;

/** A URL with a NUL or another control character in its path or query: 400, never passed on. */
export function urlHygiene(request: Request, response: Response, next: NextFunction) {
  const url = request.originalUrl;
  if (CONTROL_ESCAPE.test(url) || RAW_CONTROL.test(url) || !decodable(url)) {
    return refuse(request, response, 400, "badUrl");
  }
  next();
}

function decodable(url: string): boolean {
  try {
    decodeURIComponent(url.replaceAll("+", " "));
    return true;
  } catch {
    return false;
  }
}

/** Pages are read with GET and HEAD and changed with POST; the API is read-only. */
export function methodGuard(request: Request, response: Response, next: NextFunction) {
  const api = request.path.startsWith("/api/");
  const allowed = api ? ["GET", "HEAD"] : ["GET", "HEAD", "POST"];
  if (allowed.includes(request.method)) return next();
  response.setHeader("Allow", allowed.join(", "));
  refuse(request, response, 405, "method");
}

/** The site's own origin: KOMPASS_URL when set, else the one the request was addressed to. */
export function ownOrigin(request: Request): string {
  const configured = process.env.KOMPASS_URL;
  if (configured) return new URL(configured).origin;
  // A Host header is the client's to choose: one that is not a plain host[:port] is not used.
  const host = request.headers.host ?? "";
  return `${request.protocol}://${/^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i.test(host) ? host : "localhost"}`;
}

/**
 * A form posted from another site is refused before its body is read: browsers say where a
 * request comes from (Origin, Sec-Fetch-Site). Clients that send neither (curl, scripts) still
 * need the CSRF token, which only our pages hand out.
 */
export function originGuard(request: Request, response: Response, next: NextFunction) {
  if (request.method !== "POST") return next();
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return refuse(request, response, 403, "crossSite");
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== ownOrigin(request)) return refuse(request, response, 403, "crossSite");
  next();
}

/** Form bodies: what a browser posts. Anything else (JSON, text) is not a form of ours. */
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export const BODY_LIMITS = {
  /** E-mail, password, return address and token fit in far less. */
  signIn: 1024,
  form: 64 * 1024,
  /** One file of at most MAX_UPLOAD_BYTES with its form fields and multipart framing. */
  upload: MAX_UPLOAD_BYTES + 64 * 1024,
  /** An administrator's questionnaire file (docs/questionnaire-format.md) with its form fields. */
  questionnaire: MAX_QUESTIONNAIRE_BYTES + 64 * 1024,
} as const;

// Routes that take files: the evidence page (its .data twin too, as React Router posts with JavaScript).
const UPLOAD_PATH = /^\/arbetsyta\/[^/]+\/underlag(?:\.data)?$/;
const SIGN_IN_PATH = /^\/logga-in(?:\.data)?$/;
const QUESTIONNAIRE_PATH = /^\/admin\/sjalvvardering(?:\.data)?$/;

function bodyLimitFor(path: string): number {
  if (SIGN_IN_PATH.test(path)) return BODY_LIMITS.signIn;
  if (UPLOAD_PATH.test(path)) return BODY_LIMITS.upload;
  if (QUESTIONNAIRE_PATH.test(path)) return BODY_LIMITS.questionnaire;
  return BODY_LIMITS.form;
}

class BodyRefused extends Error {
  constructor(readonly reason: "tooLarge" | "contentType" | "badBody") {
    super(reason);
  }
}

/**
 * Reads a body into memory, counting while it streams, chunked or not: past the bound it stops
 * at once (no draining of the rest, which a hostile client could make endless), and a declared
 * Content-Length above it is refused before a byte is read. Compressed bodies are refused: no
 * browser sends them, and inflating would let a small body grow past the bound.
 */
function readBounded(request: Request, limit: number): Promise<Buffer> {
  const encoding = (request.headers["content-encoding"] ?? "identity").toLowerCase();
  if (encoding !== "identity") return Promise.reject(new BodyRefused("contentType"));
  if (Number(request.headers["content-length"] ?? 0) > limit) return Promise.reject(new BodyRefused("tooLarge"));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: Buffer | BodyRefused) => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onFailure);
      request.off("close", onFailure);
      if (outcome instanceof BodyRefused) {
        request.pause();
        reject(outcome);
      } else resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(new BodyRefused("tooLarge"));
      chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks, size));
    const onFailure = () => finish(new BodyRefused("badBody"));
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onFailure);
    request.on("close", onFailure);
  });
}

/**
 * Reads a POST's body into memory, bounded by its route's limit, so that the pages get it whole
 * and no bound can be passed by streaming. Wrong content types answer 415.
 */
export function boundedBody(request: Request, response: Response, next: NextFunction) {
  if (request.method !== "POST") return next();
  const type = (request.headers["content-type"] ?? "").split(";", 1)[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) return refuse(request, response, 415, "contentType");
  const limit = bodyLimitFor(request.path);
  readBounded(request, limit).then(
    (body) => {
      request.body = body;
      next();
    },
    (error: BodyRefused) => {
      if (error.reason === "tooLarge") refuse(request, response, 413, limit === BODY_LIMITS.upload ? "fileTooLarge" : "tooLarge");
      else if (error.reason === "contentType") refuse(request, response, 415, "contentType");
      // An aborted body: nobody may be listening, but if someone is, it was the sender's fault.
      else if (!response.destroyed) refuse(request, response, 400, "badBody");
    },
  );
}

/**
 * Answers a refused request (server/refuse.ts). After a refused body the rest of it is never
 * read: the connection is dropped a second after the answer. Not at once, nor with "Connection:
 * close": closing a socket with unread data resets it, and the reset can throw the answer away
 * at the client before it has read it.
 */
function refuse(request: Request, response: Response, status: number, reason: PageReason) {
  if (request.method === "POST" && !request.complete) response.on("finish", () => setTimeout(() => request.destroy(), 1000).unref());
  answer(request, response, status, reason, { values: { mb: Math.round(MAX_UPLOAD_BYTES / 1024 / 1024) } });
}
