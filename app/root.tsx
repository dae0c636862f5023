// First of all: configures zod before any module defines a schema (see the module).
import "./zodConfig.ts";
import "@fontsource/inter/latin-400.css";
import { useNonce } from "./nonce.ts";
import "@fontsource/inter/latin-600.css";
// The same files the two @font-face rules name (Vite gives one asset one address): preloaded below.
import interRegular from "@fontsource/inter/files/inter-latin-400-normal.woff2?url";
import interSemiBold from "@fontsource/inter/files/inter-latin-600-normal.woff2?url";
import "@digdir/designsystemet-css";
import "@digdir/designsystemet-css/theme.css";
import "./app.css";
import "./styles/about.css";
import "./styles/finder.css";
import "./styles/trend.css";
import "./styles/presentation.css";
import "./styles/workbench.css";
import "./styles/questionnaire.css";
import "./styles/gap.css";
import "./styles/action-plan.css";
import "./styles/followup.css";
import "./styles/print.css";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import { Heading, Paragraph, SkipLink } from "@digdir/designsystemet-react";
import type { Route } from "./+types/root";
import { addressInLanguage, languageFromRequest, useT } from "./i18n.ts";
import { headTags } from "./seo.ts";
import { CsrfField } from "./forms.tsx";
import { PrintFooter, todayIso } from "./components/PrintFooter.tsx";
import { printDateScript } from "./printDate.ts";
import { loadCatalog } from "../src/i18n/index.ts";
import { kompass } from "./context.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = kompass(context).actor;
  return {
    language: languageFromRequest(request),
    // The site's own origin (KOMPASS_URL, or the address the request came to): links in the head are absolute.
    origin: new URL(request.url).origin,
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

type RootData = { origin?: string; actor?: { name: string; role: string } | null } | undefined;

/** Description, share tags, canonical and language alternates of the page (app/seo.ts). */
function PageHead({ origin }: { origin: string }) {
  const { language } = useT();
  const location = useLocation();
  const matches = useMatches();
  const head = headTags(matches, { origin, pathname: location.pathname, search: location.search }, language);
  return (
    <>
      {head.meta.map((tag) => (
        <meta key={"name" in tag ? tag.name : tag.property} {...tag} />
      ))}
      {head.links.map((link) => (
        <link key={`${link.rel}-${link.hrefLang ?? ""}`} {...link} />
      ))}
    </>
  );
}

/**
 * The header: the brand with the account and language in a top bar, then the sections in one
 * row. On a phone the sections fold into a menu that opens without JavaScript (<details>).
 */
function SiteHeader() {
  const { t, language } = useT();
  const location = useLocation();
  const actor = (useRouteLoaderData("root") as RootData)?.actor ?? null;
  const other = language === "sv" ? "en" : "sv";
  const sections = (
    [
      ["/resultat", t("nav.results"), true],
      ["/rankning", t("portal.nav.rankings"), true],
      ["/kommuner", t("nav.municipalities"), true],
      ["/jamfor", t("nav.compare"), true],
      ["/utveckling", t("nav.trend"), true],
      ["/sok", t("nav.search"), true],
      ["/om", t("nav.about"), true],
      ["/oppna-data", t("nav.api"), true],
      ["/arbetsyta", t("workspace.nav"), actor !== null],
      ["/admin/anvandare", t("admin.users.nav"), actor?.role === "administrator"],
    ] as const
  ).filter(([, , shown]) => shown);
  return (
    <header className="site-header">
      <div className="site-width site-header__top">
        <Link to="/" className="site-header__brand">
          {t("app.name")}
        </Link>
        <nav aria-label={t("app.accountNav")}>
          <ul className="site-tools">
            {actor && <li className="site-tools__user">{t("auth.signedInAs", { name: actor.name })}</li>}
            <li>
              {actor ? (
                <Form method="post" action="/logga-ut" className="site-nav__signout">
                  <CsrfField />
                  <button type="submit" className="site-nav__button">
                    {t("auth.signOut")}
                  </button>
                </Form>
              ) : (
                <Link to="/logga-in">{t("auth.signIn")}</Link>
              )}
            </li>
            <li>
              {/* A plain link to this page in the other language: shareable, and it works without JavaScript. */}
              <a href={addressInLanguage(location.pathname, location.search, other)} lang={other} hrefLang={other}>
                {t("app.language")}
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <nav aria-label={t("app.mainNav")} className="site-width site-sections">
        {/* Keyed by the page: after a navigation in the browser the phone's menu is closed again. */}
        <details className="site-menu" key={location.pathname}>
          <summary className="site-menu__toggle">{t("app.menu")}</summary>
          <ul className="site-nav">
            {sections.map(([to, label]) => (
              <li key={to}>
                <NavLink to={to}>{label}</NavLink>
              </li>
            ))}
          </ul>
        </details>
      </nav>
    </header>
  );
}

/**
 * A route module says `export const handle = { hydrate: false }` when its page has no interactive
 * part: it works as the server sent it, so when every page in the match says so, the page ships no
 * JavaScript (no <Scripts/>: no module scripts, no modulepreloads, no loader data inlined for
 * hydration). Links from it are plain links: each is a document load, which then hydrates or not.
 * In the browser the app is already running (it came from a page with scripts), and a client-side
 * navigation to such a page keeps it running, so there the scripts always stay.
 */
export interface RouteHandle {
  hydrate?: boolean;
}

function useShipsScripts(): boolean {
  const matches = useMatches();
  if (typeof document !== "undefined") return true;
  const pages = matches.filter((match) => match.id !== "root");
  return pages.length === 0 || pages.some((match) => (match.handle as RouteHandle | undefined)?.hydrate !== false);
}

export function Layout({ children }: { children: React.ReactNode }) {
  const { t, language, formatDate } = useT();
  const origin = (useRouteLoaderData("root") as RootData)?.origin;
  const nonce = useNonce();
  const scripts = useShipsScripts();
  return (
    <html lang={language} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {origin && <PageHead origin={origin} />}
        <Links />
      </head>
      <body>
        <SkipLink href="#innehall">{t("app.skipToContent")}</SkipLink>
        <SiteHeader />
        <main id="innehall" tabIndex={-1} className="site-width site-main">
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-width site-footer__inner">
            <Paragraph data-size="sm">{t("app.tagline")}</Paragraph>
            <ul className="site-footer__links">
              <li>
                <Link to="/om">{t("about.page.title")}</Link>
              </li>
              <li>
                <Link to="/oppna-data">{t("app.footer")}</Link>
              </li>
            </ul>
          </div>
        </footer>
        {/* Outside the footer: print hides the footer, and shows this line (the page's address and date) instead. */}
        <PrintFooter origin={origin ?? ""} />
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: our own script; its only data are JSON-encoded with "<" escaped (app/printDate.ts).
          <script nonce={nonce} dangerouslySetInnerHTML={{ __html: printDateScript(language, formatDate(todayIso())) }} />
        )}
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
  return [
    { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
    { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
    { rel: "apple-touch-icon", href: "/apple-touch-icon.png" },
    // Every page sets text in both weights: fetched beside the stylesheet, not after it, so the
    // first paint has them and the text does not move when they arrive (font-display: swap).
    { rel: "preload", href: interRegular, as: "font", type: "font/woff2", crossOrigin: "anonymous" },
    { rel: "preload", href: interSemiBold, as: "font", type: "font/woff2", crossOrigin: "anonymous" },
  ];
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
