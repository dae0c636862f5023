/** RFC 9457 problem details. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { parameter?: string; field?: string; message: string }[];
}

export function problemResponse(problem: ProblemDocument): Response {
  return new Response(JSON.stringify(problem, null, 2), {
    status: problem.status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export function badRequest(instance: string, errors: { parameter: string; message: string }[]): Response {
  return problemResponse({
    type: "about:blank",
    title: "Bad Request",
    status: 400,
    detail: errors.map((e) => `${e.parameter}: ${e.message}`).join("; "),
    instance,
    errors,
  });
}

export function notFound(instance: string, detail: string): Response {
  return problemResponse({ type: "about:blank", title: "Not Found", status: 404, detail, instance });
}
