import type { IncomingMessage } from "node:http";

/** A Node request's headers as Fetch Headers (repeated headers kept), for code written to the Fetch API. */
export function nodeHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return headers;
}
