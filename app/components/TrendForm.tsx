import { Button, Link, Paragraph, Select } from "@digdir/designsystemet-react";
import { Form } from "react-router";
import { useT } from "../i18n.ts";
import { LabelledField } from "./LabelledField.tsx";
import { TrendMunicipalityField } from "./TrendMunicipalityField.tsx";
import { MAX_TREND_MUNICIPALITIES, TOTAL_MEASURE, trendPath } from "../../src/domain/trend.ts";

export interface TrendFormChoices {
  municipalities: readonly { code: string; name: string }[];
  versions: readonly { key: string; name: string; areas: readonly { number: number; name: string }[] }[];
}

/**
 * The trend's choices as a GET form that works without JavaScript: the chosen municipalities go
 * along as hidden fields, each with a link that removes it; the select adds one; the measure is
 * the total or one area of one version.
 */
export function TrendForm({
  choices,
  chosen,
  measure,
  errors,
}: {
  choices: TrendFormChoices;
  chosen: readonly { code: string; name: string }[];
  measure: string;
  /** Problems by field (kommun, matt), in the visitor's language. */
  errors: Partial<Record<"kommun" | "matt", string>>;
}) {
  const { t } = useT();
  const codes = chosen.map((m) => m.code);
  return (
    <Form method="get" className="trend-form" aria-label={t("trend.form")}>
      <fieldset className="trend-chosen">
        <legend>{t("trend.chosen")}</legend>
        {chosen.length === 0 ? (
          <Paragraph data-size="sm">{t("trend.noneChosen")}</Paragraph>
        ) : (
          <ul>
            {chosen.map((m) => (
              <li key={m.code}>
                <input type="hidden" name="kommun" value={m.code} />
                <span>{m.name}</span>{" "}
                <Link
                  href={trendPath(
                    codes.filter((c) => c !== m.code),
                    measure,
                  )}
                  aria-label={t("trend.removeLabel", { name: m.name })}
                >
                  {t("trend.remove")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {chosen.length < MAX_TREND_MUNICIPALITIES ? (
        <TrendMunicipalityField
          id="kommun"
          name="kommun"
          label={t("trend.add")}
          hint={t("trend.addHint")}
          empty={t("trend.addEmpty")}
          error={errors.kommun}
          municipalities={choices.municipalities}
          chosen={codes}
        />
      ) : (
        <Paragraph data-size="sm" id="kommun">
          {t("trend.full")}
        </Paragraph>
      )}
      <LabelledField id="matt" label={t("trend.measure")} hint={t("trend.measureHint")} error={errors.matt}>
        {(describedBy) => (
          <Select id="matt" name="matt" defaultValue={measure} aria-describedby={describedBy} aria-invalid={errors.matt ? true : undefined}>
            <Select.Option value={TOTAL_MEASURE}>{t("trend.total")}</Select.Option>
            {choices.versions.map((version) => (
              <Select.Optgroup key={version.key} label={t("trend.version", { key: version.key })}>
                {version.areas.map((area) => (
                  <Select.Option key={area.number} value={`${version.key}:${area.number}`}>
                    {t("trend.areaOption", { number: area.number, name: area.name })}
                  </Select.Option>
                ))}
              </Select.Optgroup>
            ))}
          </Select>
        )}
      </LabelledField>
      <div>
        <Button type="submit">{t("trend.show")}</Button>
      </div>
    </Form>
  );
}
