import { Heading, Link as DsLink, List, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/open-data";
import { PageContents, PagePart } from "../components/PagePart.tsx";
import { pageTitle, useT } from "../i18n.ts";
import { OPEN_DATA_CATALOG_PATH, OPEN_DATA_LICENCE } from "../../src/domain/openData.ts";
import { API_BASE, describeResources, OPENAPI_PATH, resourceAddress, TABLE_FORMATS } from "../../src/api/resources.server.ts";
import { DEFAULT_RATE_LIMITS } from "../../server/rateLimits.ts";

// Resources whose example address needs more than their required parameters to show anything.
const EXAMPLE_PARAMETERS = { compare: ["k1", "k2"], search: ["q"] };

/** The code examples, with the site's real address: what a reader can paste and run. */
function codeExamples(origin: string, instrument: string, year: string) {
  const address = (operationId: string, values: Record<string, string>, format: "json" | "csv" | "xlsx" = "json") =>
    `${origin}${resourceAddress(operationId, values, format)}`;
  return {
    curl: [
      `curl "${address("getRankings", { instrument, limit: "5" })}"`,
      `curl -H "Accept: text/csv" "${address("listResults", { year })}"`,
      `curl -o results.xlsx "${address("listResults", {}, "xlsx")}"`,
    ].join("\n"),
    excel: address("listResults", {}, "xlsx"),
    r: [
      `results <- read.csv("${address("listResults", {}, "csv")}",`,
      `                    encoding = "UTF-8", colClasses = c(municipality = "character"))`,
      "summary(results$total)",
    ].join("\n"),
    python: [
      "import json, urllib.request",
      "",
      `with urllib.request.urlopen("${address("getRankings", { instrument })}") as answer:`,
      "    rankings = json.load(answer)",
      'print(rankings[0]["name"], rankings[0]["total"])',
      "",
      "# With pandas:",
      `# pandas.read_csv("${address("getRankings", { instrument }, "csv")}", dtype={"municipality": str})`,
    ].join("\n"),
  };
}

// No interactive part: the page ships no JavaScript (see RouteHandle in app/root.tsx).
export const handle = { hydrate: false };

export async function loader({ request }: Route.LoaderArgs) {
  const origin = new URL(request.url).origin;
  const resources = describeResources(EXAMPLE_PARAMETERS);
  const exampleOf = (operationId: string, name: string) =>
    resources.find((r) => r.operationId === operationId)?.parameters.find((p) => p.name === name)?.example ?? "";
  return {
    base: `${origin}${API_BASE}`,
    openapi: OPENAPI_PATH,
    catalog: OPEN_DATA_CATALOG_PATH,
    licence: OPEN_DATA_LICENCE,
    rateLimit: DEFAULT_RATE_LIMITS.api,
    resources: resources.map((r) => ({
      operationId: r.operationId,
      summary: r.summary,
      path: `${API_BASE}${r.path}`,
      parameters: r.parameters.map((p) => ({ name: p.name, required: p.required })),
      formats: r.formats.map((format) => TABLE_FORMATS[format].label),
      example: r.example,
    })),
    code: codeExamples(origin, exampleOf("getRankings", "instrument"), exampleOf("listResults", "year")),
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "about.openData.title") }];
}

export function links() {
  return [{ rel: "alternate", type: "application/ld+json", href: OPEN_DATA_CATALOG_PATH, title: "DCAT-AP-SE" }];
}

function Code({ children }: { children: string }) {
  return (
    <pre className="about-code">
      <code>{children}</code>
    </pre>
  );
}

/** /oppna-data: the open data API in words, with examples on the site's own address, the licence and the limits. */
export default function OpenData({ loaderData }: Route.ComponentProps) {
  const { t, formatNumber } = useT();
  const { base, openapi, catalog, licence, rateLimit, resources, code } = loaderData;
  const part = (id: string, key: string) => ({ id, title: t(`about.openData.${key}`) });
  const parts = [
    part("licens", "licenceTitle"),
    part("api", "apiTitle"),
    part("resurser", "resourcesTitle"),
    part("format", "formatsTitle"),
    part("exempel", "examplesTitle"),
    part("begransningar", "limitsTitle"),
    part("metadata", "catalogTitle"),
  ] as const;
  const [licencePart, apiPart, resourcesPart, formatsPart, examplesPart, limitsPart, catalogPart] = parts;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t("about.openData.title")}
      </Heading>
      <Paragraph data-size="lg">{t("about.openData.lead")}</Paragraph>
      <PageContents label={t("about.page.contents")} parts={parts} />
      <PagePart {...licencePart}>
        <Paragraph>{t("about.openData.licence", { licence: licence.name, attribution: licence.attribution })}</Paragraph>
        <Paragraph>
          <DsLink href={licence.url} rel="license">
            {t("about.openData.licenceLink", { licence: licence.name })}
          </DsLink>
        </Paragraph>
      </PagePart>
      <PagePart {...apiPart}>
        <Paragraph>{t("about.openData.api", { base })}</Paragraph>
        <Paragraph>
          <DsLink href={openapi}>{t("about.openData.openapi")}</DsLink>
        </Paragraph>
      </PagePart>
      <PagePart {...resourcesPart}>
        <Paragraph>{t("about.openData.resourcesIntro")}</Paragraph>
        <div className="about-resources">
          {resources.map((resource) => (
            <section key={resource.operationId} aria-labelledby={`resurs-${resource.operationId}`} className="about-resource stack">
              <Heading level={3} data-size="xs" id={`resurs-${resource.operationId}`}>
                {t(`about.openData.resources.${resource.operationId}`, { defaultValue: resource.summary })}
              </Heading>
              <Paragraph>
                <code>{`GET ${resource.path}`}</code>
              </Paragraph>
              <dl className="facts">
                <dt>{t("about.openData.formatsLabel")}</dt>
                <dd>{resource.formats.join(", ")}</dd>
                <dt>{t("about.openData.parametersLabel")}</dt>
                <dd>
                  {resource.parameters.length === 0
                    ? t("about.openData.noParameters")
                    : resource.parameters.map((p) => (p.required ? t("about.openData.required", { name: p.name }) : p.name)).join(", ")}
                </dd>
                <dt>{t("about.openData.exampleLabel")}</dt>
                <dd>
                  <DsLink href={resource.example}>{resource.example}</DsLink>
                </dd>
              </dl>
            </section>
          ))}
        </div>
      </PagePart>
      <PagePart {...formatsPart}>
        <List.Unordered>
          <List.Item>{t("about.openData.json")}</List.Item>
          <List.Item>{t("about.openData.csv")}</List.Item>
          <List.Item>{t("about.openData.xlsx")}</List.Item>
        </List.Unordered>
        <Paragraph>{t("about.openData.pages")}</Paragraph>
        <Paragraph>{t("about.openData.errors")}</Paragraph>
      </PagePart>
      <PagePart {...examplesPart}>
        <Heading level={3} data-size="xs">
          {t("about.openData.curlTitle")}
        </Heading>
        <Code>{code.curl}</Code>
        <Heading level={3} data-size="xs">
          {t("about.openData.excelTitle")}
        </Heading>
        <Paragraph>{t("about.openData.excel")}</Paragraph>
        <Code>{code.excel}</Code>
        <Heading level={3} data-size="xs">
          {t("about.openData.rTitle")}
        </Heading>
        <Code>{code.r}</Code>
        <Heading level={3} data-size="xs">
          {t("about.openData.pythonTitle")}
        </Heading>
        <Code>{code.python}</Code>
      </PagePart>
      <PagePart {...limitsPart}>
        <Paragraph>{t("about.openData.limits", { count: formatNumber(rateLimit) })}</Paragraph>
      </PagePart>
      <PagePart {...catalogPart}>
        <Paragraph>{t("about.openData.catalog")}</Paragraph>
        <Paragraph>
          <DsLink href={catalog} type="application/ld+json">
            {t("about.openData.catalogLink")}
          </DsLink>
        </Paragraph>
      </PagePart>
    </>
  );
}
