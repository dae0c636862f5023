import { Button, Heading, Input, Paragraph } from "@digdir/designsystemet-react";
import { Form, Link } from "react-router";
import { useT } from "../i18n.ts";
import { LabelledField } from "./LabelledField.tsx";
import { MunicipalitySuggestions } from "./MunicipalitySuggestions.tsx";

/**
 * The 404 page of a municipality address that names none (/kommun/orebo): the municipalities it
 * suggests and a search of the list of municipalities, already holding the address's words.
 */
export function MunicipalityNotFoundPage({
  slug,
  query,
  suggestions,
}: {
  slug: string;
  query: string;
  suggestions: readonly { code: string; name: string }[];
}) {
  const { t } = useT();
  return (
    <>
      <Heading level={1} data-size="lg">
        {t("error.notFoundTitle")}
      </Heading>
      <Paragraph>{t("finder.notFound.text", { slug })}</Paragraph>
      {suggestions.length > 0 && <MunicipalitySuggestions suggestions={suggestions} />}
      <search>
        <Form method="get" action="/kommuner" className="directory-form">
          <LabelledField id="saknad-q" label={t("finder.notFound.search")} hint={t("finder.directory.searchHint")}>
            {(describedBy) => (
              <Input id="saknad-q" name="q" type="search" autoComplete="off" defaultValue={query} aria-describedby={describedBy} />
            )}
          </LabelledField>
          <Button type="submit">{t("finder.directory.submit")}</Button>
        </Form>
      </search>
      <Paragraph>
        <Link to="/kommuner">{t("finder.notFound.all")}</Link> · <Link to="/">{t("error.home")}</Link>
      </Paragraph>
    </>
  );
}
