import { Button, Input, Paragraph, Select } from "@digdir/designsystemet-react";
import { Form } from "react-router";
import { useT } from "../i18n.ts";
import { LabelledField } from "./LabelledField.tsx";
import { DEFAULT_COMPARE, MAX_COMPARE, MIN_AVERAGED } from "../../src/domain/report/compare.ts";

/** What the report's profile is compared with (the reports service's ReportComparison). */
export interface ComparisonFacts {
  mayChoose: boolean;
  used: number;
  averaged: boolean;
  instrument: string;
}

/**
 * Which version of the report, and (for the team only: reportPolicy.chooseComparison) how many
 * evaluations the profile is compared with: a GET form. Nothing to choose, no form.
 */
export function ReportOptions({
  action,
  editions,
  edition,
  compare,
  chooseCompare,
}: {
  action: string;
  editions: string[];
  edition: string;
  compare: number;
  chooseCompare: boolean;
}) {
  const { t } = useT();
  if (editions.length < 2 && !chooseCompare) return null;
  const word = (e: string) => (e === "published" ? "publicerad" : "arbete");
  return (
    <Form method="get" action={action} className="report-options" aria-label={t("report.options")}>
      {editions.length > 1 && (
        <LabelledField id="report-version" label={t("report.edition")}>
          {() => (
            <Select id="report-version" name="version" defaultValue={word(edition)}>
              {editions.map((e) => (
                <Select.Option key={e} value={word(e)}>
                  {t(`report.editions.${e}`)}
                </Select.Option>
              ))}
            </Select>
          )}
        </LabelledField>
      )}
      {chooseCompare && (
        <LabelledField
          id="report-compare"
          label={t("report.compare")}
          hint={t("report.compareHint", { min: MIN_AVERAGED, max: MAX_COMPARE, default: DEFAULT_COMPARE })}
        >
          {(describedBy) => (
            <Input
              id="report-compare"
              name="jamfor"
              type="number"
              inputMode="numeric"
              min={MIN_AVERAGED}
              max={MAX_COMPARE}
              defaultValue={compare}
              aria-describedby={describedBy}
            />
          )}
        </LabelledField>
      )}
      <Button type="submit" variant="secondary">
        {t("report.show")}
      </Button>
    </Form>
  );
}

/**
 * The sentence naming the comparison the report's profile shows: what it is, how many
 * evaluations, which version, and whether it is the published one. Everyone sees it.
 */
export function ReportComparison({ name, compare, comparison }: { name: string; compare: number; comparison: ComparisonFacts }) {
  const { t } = useT();
  const values = { name, count: comparison.used, instrument: comparison.instrument, min: MIN_AVERAGED };
  const what = comparison.averaged
    ? t("presentation.reportComparison.averaged", values)
    : comparison.used > 0
      ? t("presentation.reportComparison.tooFew", values)
      : t("presentation.reportComparison.none", values);
  const which =
    compare === DEFAULT_COMPARE
      ? t("presentation.reportComparison.published", { default: DEFAULT_COMPARE })
      : t("presentation.reportComparison.chosen", { compare, default: DEFAULT_COMPARE });
  return (
    <Paragraph data-size="sm" className="report-comparison">
      {what} {which}
    </Paragraph>
  );
}
