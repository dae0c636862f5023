import { Paragraph } from "@digdir/designsystemet-react";
import { Link } from "react-router";
import { useT } from "../i18n.ts";
import { municipalityPath } from "../../src/domain/paths.ts";

/** "Did you mean": links to the municipalities nearest to a text that named none. */
export function MunicipalitySuggestions({ suggestions }: { suggestions: readonly { code: string; name: string }[] }) {
  const { t } = useT();
  return (
    <Paragraph>
      {t("finder.notFound.didYouMean")}{" "}
      {suggestions.map((m, i) => (
        <span key={m.code}>
          {i > 0 && ", "}
          <Link to={municipalityPath(m.code, m.name)}>{m.name}</Link>
        </span>
      ))}
    </Paragraph>
  );
}
