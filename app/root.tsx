import "@fontsource/inter/latin-400.css";
import { useNonce } from "./nonce.ts";
import "@fontsource/inter/latin-600.css";
import "@digdir/designsystemet-css";
import "@digdir/designsystemet-css/theme.css";
import "./app.css";
import "./styles/about.css";
import "./styles/finder.css";
import "./styles/trend.css";
import "./styles/presentation.css";
import "./styles/workbench.css";
import "./styles/print.css";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import { Heading, Paragraph, SkipLink } from "@digdir/designsystemet-react";
import type { Route } from "./+types/root";
import { languageFromRequest, useT } from "./i18n.ts";
import { CsrfField } from "./forms.tsx";
import { loadCatalog } from "../src/i18n/index.ts";
import { kompass } from "./context.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = kompass(context).actor;
  return {
    language: languageFromRequest(request),
    csrfToken: kompass(context).csrfToken,
    actor: actor ? { name: actor.name, role: actor.role } : null,
  };
}

/**
 * In the browser, the root's data can come back in another language than the page was first
 * rendered in (the language was switched in another tab): its messages are loaded before the
 * page renders with it.
 */
export async function clientLoader({ serverLoader }: Route.ClientLoaderArgs) {
  const data = await serverLoader();
  await loadCatalog(data.language);
  return data;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const { t, language } = useT();
  const location = useLocation();
  const root = useRouteLoaderData("root") as { actor?: { name: string; role: string } | null } | undefined;
  const actor = root?.actor ?? null;
  const nonce = useNonce();
  const back = encodeURIComponent(location.pathname + location.search);
  return (
    <html lang={language} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SkipLink href="#innehall">{t("app.skipToContent")}</SkipLink>
        <header className="site-header">
          <div className="site-width site-header__inner">
            <Link to="/" className="site-header__brand">
              {t("app.name")}
            </Link>
            <nav aria-label={t("app.mainNav")}>
              <ul className="site-nav">
                <li>
                  <Link to="/resultat">{t("nav.results")}</Link>
                </li>
                <li>
                  <Link to="/rankning">{t("portal.nav.rankings")}</Link>
                </li>
                <li>
                  <Link to="/kommuner">{t("nav.municipalities")}</Link>
                </li>
                <li>
                  <Link to="/jamfor">{t("nav.compare")}</Link>
                </li>
                <li>
                  <Link to="/sok">{t("nav.search")}</Link>
                </li>
                <li>
                  <a href="/api/v1/openapi.json">{t("nav.api")}</a>
                </li>
                {actor && (
                  <li>
                    <Link to="/arbetsyta">{t("workspace.nav")}</Link>
                  </li>
                )}
                {actor?.role === "administrator" && (
                  <li>
                    <Link to="/admin/anvandare">{t("admin.users.nav")}</Link>
                  </li>
                )}
                <li>
                  <a href={`/sprak?lang=${language === "sv" ? "en" : "sv"}&return=${back}`} lang={language === "sv" ? "en" : "sv"}>
                    {t("app.language")}
                  </a>
                </li>
                <li>
                  {actor ? (
                    <Form method="post" action="/logga-ut" className="site-nav__signout">
                      <CsrfField />
                      <span className="site-nav__user">{t("auth.signedInAs", { name: actor.name })}</span>{" "}
                      <button type="submit" className="site-nav__button">
                        {t("auth.signOut")}
                      </button>
                    </Form>
                  ) : (
                    <Link to="/logga-in">{t("auth.signIn")}</Link>
                  )}
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="innehall" tabIndex={-1} className="site-width site-main">
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-width">
            <Paragraph data-size="sm">
              {t("app.tagline")} · <a href="/api/v1/openapi.json">{t("app.footer")}</a>
            </Paragraph>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function meta() {
  return [{ title: "Kommunkompassen" }];
}

export function links() {
  return [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <>
      <title>{`${notFound ? t("error.notFoundTitle") : t("error.title")} – Kommunkompassen`}</title>
      <Heading level={1} data-size="lg">
        {notFound ? t("error.notFoundTitle") : t("error.title")}
      </Heading>
      <Paragraph>
        {isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : notFound ? t("error.notFound") : t("error.generic")}
      </Paragraph>
      <Paragraph>
        <Link to="/">{t("error.home")}</Link>
      </Paragraph>
    </>
  );
}
