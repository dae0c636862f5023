import { Button, Details, Field, Fieldset, Heading, Input, Label, Paragraph, Tag, Textarea } from "@digdir/designsystemet-react";
import { Fragment } from "react";
import { Form } from "react-router";
import { CsrfField } from "../../forms.tsx";
import { LabelledField } from "../LabelledField.tsx";
import { useT } from "../../i18n.ts";
import { localeOf } from "../../../src/i18n/index.ts";
import type { Problem } from "../../../src/services/errors.ts";
import type { InterviewItem, SubareaOption } from "../../../src/services/evidence/index.server.ts";

/** What the evidence page and its interview plan share: the failed form, formats and small form parts. */
export type Values = Record<string, string>;
export type Failure = { form: string; values: Values; problems: Problem[]; conflict?: { current: InterviewItem; currentVersion: number } };

/** The formatters of a locale, made once: making one costs more than formatting with it, and every evidence card asks. */
const formatters = new Map<string, { when: Intl.DateTimeFormat; local: Intl.DateTimeFormat; number: Intl.NumberFormat }>();
function formattersOf(locale: string) {
  let known = formatters.get(locale);
  if (!known) {
    known = {
      when: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Stockholm" }),
      local: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
      number: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
    };
    formatters.set(locale, known);
  }
  return known;
}

export function useFormats() {
  const { t, language } = useT();
  const { when, local, number } = formattersOf(localeOf(language));
  return {
    t,
    when: (date: Date | string) => when.format(new Date(date)),
    /** "2031-03-12T09:30" is already Swedish wall-clock time. */
    localTime: (value: string | null) => (value ? local.format(new Date(`${value}:00Z`)) : t("evidence.notScheduled")),
    size: (bytes: number | null) =>
      bytes === null
        ? ""
        : bytes < 1024 * 1024
          ? t("evidence.size_kb", { size: number.format(Math.max(0.1, bytes / 1024)) })
          : t("evidence.size_mb", { size: number.format(bytes / (1024 * 1024)) }),
  };
}

/** Which form failed, its values and problems: forms read their defaults and errors from here. */
export function failureFor(actionData: Failure | undefined, key: string) {
  const failed = actionData?.form === key ? actionData : undefined;
  return {
    failed,
    value: (name: string, fallback: string | number | null = "") => failed?.values[name] ?? (fallback === null ? "" : String(fallback)),
    error: (field: string) => failed?.problems.find((p) => p.field === field)?.message,
  };
}

export type TextProps = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  rows?: number;
  type?: "text" | "url" | "file" | "number" | "datetime-local";
  required?: boolean;
  defaultValue?: string;
  accept?: string;
  min?: number;
  max?: number;
};

/** A labelled field whose label, hint and error are tied to it in the HTML itself, so also without JavaScript. */
export function TextField({ id, label, hint, error, rows, ...input }: TextProps) {
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) => {
        const common = { id, "aria-describedby": describedBy, "aria-invalid": invalid };
        return rows ? (
          <Textarea {...common} rows={rows} name={input.name} required={input.required} defaultValue={input.defaultValue} />
        ) : (
          <Input {...common} {...input} />
        );
      }}
    </LabelledField>
  );
}

/** The form's CSRF token and its hidden fields: what it does and to what. */
export function Hidden({ values }: { values: Record<string, string | number> }) {
  return (
    <>
      <CsrfField />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="stack">
      <Heading level={2} data-size="md" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** "Ta bort", named for a screen reader by what it removes. */
export function RemoveButton({ title }: { title: string }) {
  const { t } = useT();
  return (
    <Button type="submit" variant="tertiary" data-color="danger" data-size="sm">
      {t("evidence.remove")}
      <span className="ds-sr-only"> {title}</span>
    </Button>
  );
}

export function Ties({ ids }: { ids: string[] }) {
  const { t } = useT();
  if (ids.length === 0) return null;
  return (
    <Paragraph data-size="sm">
      {t("evidence.tiedTo")}
      {ids.map((tie) => (
        <Fragment key={tie}>
          {" "}
          <Tag data-size="sm" data-color="info">
            {tie}
          </Tag>
        </Fragment>
      ))}
    </Paragraph>
  );
}

export function SubareaTies(props: {
  sourceKind: "evidence" | "interview";
  sourceId: number;
  title: string;
  section: string;
  chosen: string[];
  subareas: SubareaOption[];
  failure: Failure | undefined;
}) {
  const { t } = useT();
  const key = `tag-${props.sourceKind}-${props.sourceId}`;
  const { failed, error } = failureFor(props.failure, key);
  const areas = [...new Map(props.subareas.map((s) => [s.areaNumber, s.areaName])).entries()];
  return (
    <Details defaultOpen={!!failed}>
      <Details.Summary>{t("evidence.subareasSummary", { count: props.chosen.length })}</Details.Summary>
      <Details.Content>
        <Form method="post" className="stack">
          <Hidden values={{ intent: "tag", sourceKind: props.sourceKind, sourceId: props.sourceId, section: props.section }} />
          <Fieldset id={`${key}-subareaIds`} aria-invalid={error("subareaIds") ? true : undefined}>
            <Fieldset.Legend>{t("evidence.subareasLegend", { title: props.title })}</Fieldset.Legend>
            {areas.map(([number, name]) => {
              const options = props.subareas.filter((s) => s.areaNumber === number);
              const box = (s: SubareaOption) => (
                <Field key={s.id}>
                  <Input
                    type="checkbox"
                    id={`${key}-${s.id}`}
                    name="subareaIds"
                    value={s.id}
                    defaultChecked={props.chosen.includes(s.id)}
                  />
                  <Label htmlFor={`${key}-${s.id}`} weight="regular">
                    {s.id === String(number) ? t("evidence.area", { number, name }) : `${s.id} ${s.text}`}
                  </Label>
                </Field>
              );
              // A version without sub-areas: the areas themselves, without a group each.
              if (options.length === 1 && options[0]!.id === String(number)) return box(options[0]!);
              return (
                <Fieldset key={number} data-size="sm">
                  <Fieldset.Legend>{t("evidence.area", { number, name })}</Fieldset.Legend>
                  {options.map(box)}
                </Fieldset>
              );
            })}
          </Fieldset>
          <Button type="submit" variant="secondary" data-size="sm">
            {t("evidence.saveSubareas")}
          </Button>
        </Form>
      </Details.Content>
    </Details>
  );
}
