import { Button, Input, Select } from "@digdir/designsystemet-react";
import { Form } from "react-router";
import { useT } from "../i18n.ts";
import { LabelledField } from "./LabelledField.tsx";
import { MAX_COMPARE } from "../../src/domain/report/compare.ts";

/** Which version of the report, and how many evaluations the profile is compared with (a GET form). */
export function ReportOptions({
  action,
  editions,
  edition,
  compare,
}: {
  action: string;
  editions: string[];
  edition: string;
  compare: number;
}) {
  const { t } = useT();
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
      <LabelledField id="report-compare" label={t("report.compare")} hint={t("report.compareHint")}>
        {(describedBy) => (
          <Input
            id="report-compare"
            name="jamfor"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_COMPARE}
            defaultValue={compare}
            aria-describedby={describedBy}
          />
        )}
      </LabelledField>
      <Button type="submit" variant="secondary">
        {t("report.show")}
      </Button>
    </Form>
  );
}
