import { data, redirect, useRouteLoaderData, type RouterContextProvider } from "react-router";
import { ErrorSummary } from "@digdir/designsystemet-react";
import { kompass } from "./context.ts";
import { csrfMatches, CSRF_FIELD } from "./csrf.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type Problem } from "../src/services/errors.ts";
import type { Actor } from "../src/domain/workflow.ts";
import { translator } from "../src/i18n/index.ts";
import { languageFromRequest, useT } from "./i18n.ts";

/** Every form carries the CSRF token of the page it came from. */
export function CsrfField() {
  const root = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  return <input type="hidden" name={CSRF_FIELD} value={root?.csrfToken ?? ""} />;
}

/** Reads a posted form and refuses it, changing nothing, when its CSRF token is missing or wrong. */
export async function readForm(request: Request, context: Readonly<RouterContextProvider>): Promise<FormData> {
  // The body was bounded and its type checked before (server/requestGuard.ts); one that still
  // cannot be read as a form (a broken multipart boundary) is the sender's fault: 400.
  const form = await request.formData().catch(() => {
    throw data(translator(languageFromRequest(request))("error.refusal.badBody.text"), { status: 400 });
  });
  if (!csrfMatches(kompass(context).csrfToken, form.get(CSRF_FIELD))) {
    throw data(translator(languageFromRequest(request))("forms.csrf"), { status: 403 });
  }
  return form;
}

/** The signed-in user, or a redirect to the sign-in page that comes back here. */
export function requireActor(context: Readonly<RouterContextProvider>, request: Request): NonNullable<Actor> {
  const { actor } = kompass(context);
  if (actor) return actor;
  const url = new URL(request.url);
  // A very long query is not worth a header larger than clients accept: the page is enough.
  const back = url.pathname + url.search;
  throw redirect(`/logga-in?tillbaka=${encodeURIComponent(back.length > 1024 ? url.pathname.slice(0, 1024) : back)}`);
}

/**
 * A problem in words, in the page's language. Its message is a code ("points_range") or a full
 * key ("evidence.problem.url_invalid"): the page's catalog (`<page>.problem.<code>`) first, then
 * the shared one (`problem.<code>`), then the key itself; the values fill in the field or person.
 */
export function problemText(t: (key: string, options?: Record<string, unknown>) => string, problem: Problem, page?: string): string {
  const values = problem.values ?? {};
  const shared = t(`problem.${problem.message}`, {
    ...values,
    defaultValue: t(problem.message, { ...values, defaultValue: problem.message }),
  });
  return page ? t(`${page}.problem.${problem.message}`, { ...values, defaultValue: shared }) : shared;
}

export type FormProblems = { problems: Problem[]; conflict?: { current: unknown; currentVersion: number } };

/**
 * Turns a use-case's typed error into what a page shows: problems for the form (400), a 403 or
 * 404 page, or a conflict with the version someone else saved.
 */
export function failureOf(error: unknown, request: Request) {
  const t = translator(languageFromRequest(request));
  if (error instanceof ValidationError) return data<FormProblems>({ problems: error.problems }, { status: 400 });
  if (error instanceof ConflictError)
    return data<FormProblems>(
      { problems: [{ message: t("forms.conflict") }], conflict: { current: error.current, currentVersion: error.currentVersion } },
      { status: 409 },
    );
  if (error instanceof ForbiddenError) throw data(t("forms.forbidden"), { status: 403 });
  if (error instanceof NotFoundError) throw data(t("error.notFound"), { status: 404 });
  throw error;
}

/** The problems of a failed submission, listed at the top of the form with links to the fields. */
export function Problems({ problems, fieldIds = {} }: { problems: Problem[] | undefined; fieldIds?: Record<string, string> }) {
  const { t } = useT();
  if (!problems || problems.length === 0) return null;
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{t("forms.problemsHeading")}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {problems.map((problem, index) => {
          const target = problem.field ? (fieldIds[problem.field] ?? problem.field) : undefined;
          const message = problemText(t, problem);
          return (
            <ErrorSummary.Item key={index}>
              {target ? <ErrorSummary.Link href={`#${target}`}>{message}</ErrorSummary.Link> : message}
            </ErrorSummary.Item>
          );
        })}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
