import { Button, Heading, Input, Paragraph, Select } from "@digdir/designsystemet-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/municipalities";
import { Choice } from "../components/Choice.tsx";
import { DeclaredTable } from "../components/DeclaredTable.tsx";
import { LabelledField } from "../components/LabelledField.tsx";
import { MunicipalitySuggestions } from "../components/MunicipalitySuggestions.tsx";
import { TableDownloads } from "../components/TableDownloads.tsx";
import { languageFromRequest, pageTitle, useT } from "../i18n.ts";
import { translator } from "../../src/i18n/index.ts";
import { filterMunicipalities, findMunicipalities, MAX_TEXT_LENGTH, type MunicipalityFilter } from "../../src/domain/municipalityMatch.ts";
import { municipalityPath } from "../../src/domain/paths.ts";
import { municipalityColumns } from "../../src/domain/tables/municipalities.ts";
import { pick } from "../../src/domain/tables/table.ts";
import { municipalityDirectory } from "../../src/services/portal/municipalityDirectory.server.ts";
import { kompass } from "../context.ts";

/** The page's query words, the same as the API's (/api/v1/municipalities), so that its downloads hold the rows shown. */
const query = z.object({
  q: z
    .string()
    .max(MAX_TEXT_LENGTH * 2)
    .default(""),
  county: z.union([z.literal(""), z.string().regex(/^\d{2}$/)]).default(""),
  evaluated: z.enum(["true", "false"]).optional(),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const parsed = query.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    // A hand-edited address: the page names the field in the visitor's language.
    const t = translator(languageFromRequest(request));
    const labels: Record<string, string> = {
      q: "finder.directory.search",
      county: "finder.directory.county",
      evaluated: "finder.directory.evaluated",
    };
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
    throw data(fields.map((field) => t("finder.directory.badField", { field: t(labels[field] ?? labels.q!) })).join(" "), { status: 400 });
  }
  const directory = await municipalityDirectory(kompass(context).db);
  const counties = new Map<string, { code: string; name: string; count: number; evaluated: number }>();
  for (const m of directory) {
    const county = counties.get(m.county.code) ?? { ...m.county, count: 0, evaluated: 0 };
    county.count++;
    if (m.evaluations > 0) county.evaluated++;
    counties.set(m.county.code, county);
  }
  return {
    filter: { q: parsed.data.q, county: parsed.data.county, evaluated: parsed.data.evaluated === "true" },
    // Every municipality: the page filters them as the visitor types, with the rules the server used.
    municipalities: directory.map((m) => ({ ...m, groups: m.groups.filter((g) => g.grouping === GROUPING) })),
    counties: [...counties.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}

const GROUPING = "skl-2011";

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "municipalities.title") }];
}

/** The filter the form's fields hold. */
function filterOf(form: HTMLFormElement): Required<MunicipalityFilter> {
  const fields = new FormData(form);
  return { q: String(fields.get("q") ?? ""), county: String(fields.get("county") ?? ""), evaluated: fields.get("evaluated") === "true" };
}

type Row = Route.ComponentProps["loaderData"]["municipalities"][number];

/** The declared columns the page shows; the files hold them all (official name, county code, groups). */
const shownColumns = (rows: readonly Row[]) => pick(municipalityColumns(rows), ["name", "code", "county", `${GROUPING}_group_name`]);

export default function Municipalities({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { municipalities, counties } = loaderData;
  // The form filters as the visitor types; submitting it (also without JavaScript) makes the address.
  const [filter, setFilter] = useState<Required<MunicipalityFilter>>(loaderData.filter);
  const form = useRef<HTMLFormElement>(null);
  const mounted = useRef(false);
  useEffect(() => {
    const fields = form.current;
    if (!fields) return;
    if (!mounted.current) {
      // What was typed before the page became interactive counts.
      mounted.current = true;
      setFilter(filterOf(fields));
      return;
    }
    // Another address of the page (a link, the search submitted): the fields show its filter.
    (fields.elements.namedItem("q") as HTMLInputElement).value = loaderData.filter.q;
    (fields.elements.namedItem("county") as HTMLSelectElement).value = loaderData.filter.county;
    (fields.elements.namedItem("evaluated") as HTMLInputElement).checked = loaderData.filter.evaluated;
    setFilter(loaderData.filter);
  }, [loaderData.filter]);
  const rows = useMemo(() => filterMunicipalities(municipalities, filter, (m) => m.evaluations > 0), [municipalities, filter]);
  // A text that matches no name well ("orebo" is only inside Töreboda): the near misses are suggested.
  const suggestions = useMemo(() => {
    const found = findMunicipalities(filter.q, municipalities);
    return found.suggested ? found.matches.filter((m) => !rows.includes(m)).slice(0, 5) : [];
  }, [rows, filter.q, municipalities]);
  const filtered = filter.q.trim() !== "" || filter.county !== "" || filter.evaluated;
  const downloadQuery = { q: filter.q.trim(), county: filter.county, evaluated: filter.evaluated ? "true" : "" };
  return (
    <>
      <Heading level={1} data-size="xl">
        {t("municipalities.title")}
      </Heading>
      <Paragraph>{t("municipalities.intro")}</Paragraph>
      <search>
        <Form
          ref={form}
          method="get"
          className="directory-form"
          // Every change (React's onChange is the input event: each letter typed) filters the list at once.
          onChange={(event) => setFilter(filterOf(event.currentTarget))}
        >
          <LabelledField id="kommun-q" label={t("finder.directory.search")} hint={t("finder.directory.searchHint")}>
            {(describedBy) => (
              <Input
                id="kommun-q"
                name="q"
                type="search"
                autoComplete="off"
                spellCheck={false}
                defaultValue={loaderData.filter.q}
                aria-describedby={describedBy}
              />
            )}
          </LabelledField>
          <LabelledField id="kommun-county" label={t("finder.directory.county")}>
            {() => (
              <Select id="kommun-county" name="county" defaultValue={loaderData.filter.county}>
                <Select.Option value="">{t("finder.directory.anyCounty")}</Select.Option>
                {counties.map((c) => (
                  <Select.Option key={c.code} value={c.code}>
                    {c.name}
                  </Select.Option>
                ))}
              </Select>
            )}
          </LabelledField>
          <Choice
            id="kommun-evaluated"
            name="evaluated"
            value="true"
            label={t("finder.directory.evaluated")}
            defaultChecked={loaderData.filter.evaluated}
          />
          <Button type="submit">{t("finder.directory.submit")}</Button>
        </Form>
      </search>

      {filtered ? (
        <Paragraph>
          <Link to="/kommuner">{t("finder.directory.showAll")}</Link>
        </Paragraph>
      ) : (
        <nav aria-labelledby="lan">
          <Heading level={2} data-size="sm" id="lan">
            {t("finder.directory.countiesTitle")}
          </Heading>
          <ul className="directory-counties">
            {counties.map((c) => (
              <li key={c.code}>
                <Link to={`/kommuner?county=${c.code}`}>
                  {t(c.evaluated > 0 ? "finder.directory.countyLinkEvaluated" : "finder.directory.countyLink", {
                    county: c.name,
                    count: c.count,
                    evaluated: c.evaluated,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <Paragraph role="status">{t("finder.directory.count", { count: rows.length, total: municipalities.length })}</Paragraph>
      {suggestions.length > 0 && <MunicipalitySuggestions suggestions={suggestions} />}
      {rows.length === 0 ? (
        <Paragraph>{t("finder.directory.noMatch")}</Paragraph>
      ) : (
        <DeclaredTable
          zebra
          rows={rows}
          rowKey={(m) => m.code}
          rowHeader="name"
          caption={t("municipalities.caption")}
          columns={shownColumns(rows)}
          headers={{ [`${GROUPING}_group_name`]: () => t("table.group") }}
          cells={{
            // Plain links with Designsystemet's class, as in ResultTable: 290 router links with asChild cost a render dearly.
            name: (m) => (
              <a className="ds-link" href={municipalityPath(m.code, m.name)}>
                {m.name}
              </a>
            ),
          }}
          extra={[
            {
              key: "evaluations",
              header: t("table.results"),
              cell: (m) => (m.evaluations > 0 ? t("municipalities.evaluated", { count: m.evaluations }) : t("municipalities.notEvaluated")),
            },
            {
              key: "latest",
              header: t("finder.directory.latest"),
              cell: (m) =>
                m.latest ? (
                  <a href={m.latest.path} aria-label={t("finder.directory.latestLink", { name: m.name, year: m.latest.year })}>
                    {m.latest.year}
                  </a>
                ) : (
                  <>
                    <span aria-hidden="true">–</span>
                    <span className="ds-sr-only">{t("municipalities.notEvaluated")}</span>
                  </>
                ),
            },
          ]}
        />
      )}
      <TableDownloads api="municipalities" query={downloadQuery} label={t("finder.directory.tableLabel")} />
    </>
  );
}
