import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useEffect, useId, useRef, type FormEvent } from "react";
import { CsrfField } from "../forms.tsx";
import { useT } from "../i18n.ts";

export interface ConflictChoiceProps {
  /** What was edited ("Område 1: allmän text"): the heading of the choice. */
  label: string;
  /** The values the user tried to save, by field name. */
  mine: Record<string, string>;
  /** The values someone else saved, by field name. */
  theirs: Record<string, string>;
  /** The saved version's number: "keep mine" saves over it. */
  currentVersion: number;
  /** How the fields are named to the user, when there is more than one. */
  fieldLabels?: Record<string, string>;
  /** The form's intent and hidden fields, posted again with "keep mine". */
  intent: string;
  hiddenFields?: Record<string, string | number>;
  /** Where the forms go (the current route when left out). */
  action?: string;
  /** The element to come back to after "keep the saved one" without JavaScript (reloads the page). */
  anchor?: string;
  /** With JavaScript: handle the choice in the page instead of posting. */
  onKeepMine?: () => void;
  onKeepTheirs?: () => void;
  /** A choice is being saved: further clicks are ignored (the buttons stay focusable). */
  busy?: boolean;
  /** Move the keyboard focus to the choice when it appears (after an autosave). */
  focusOnMount?: boolean;
  headingLevel?: 2 | 3 | 4 | 5;
}

const box = {
  border: "1px solid var(--ds-color-neutral-border-subtle)",
  borderRadius: "var(--ds-border-radius-md, 4px)",
  padding: "var(--ds-size-3, 0.75rem)",
};

function Version({ values, fieldLabels }: { values: Record<string, string>; fieldLabels?: Record<string, string> }) {
  const entries = Object.entries(values);
  const text = (value: string) => (
    <div style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{value.trim() === "" ? "–" : value}</div>
  );
  if (entries.length === 1) return text(entries[0]![1]);
  return (
    <dl>
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>
            <strong>{fieldLabels?.[name] ?? name}</strong>
          </dt>
          <dd style={{ marginInlineStart: 0 }}>{text(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Someone else saved first: both versions side by side, and the user chooses. Both choices are
 * plain forms, so they work without JavaScript: "keep mine" posts my values again with the saved
 * version's number; "keep the saved one" reloads the page, which shows the saved version.
 */
export function ConflictChoice(props: ConflictChoiceProps) {
  const { t } = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const level = props.headingLevel ?? 3;
  useEffect(() => {
    if (props.focusOnMount) heading.current?.focus();
  }, [props.focusOnMount]);

  const intercept = (handler: (() => void) | undefined) => (event: FormEvent<HTMLFormElement>) => {
    if (!handler) return;
    event.preventDefault();
    if (!props.busy) handler();
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="conflict-choice" style={{ display: "grid", gap: "var(--ds-size-4, 1rem)" }}>
      <Alert data-color="warning">
        <Heading level={level} data-size="xs" id={`${id}-heading`} ref={heading} tabIndex={-1}>
          {props.label}
        </Heading>
        <Paragraph>{t("forms.conflict")}</Paragraph>
      </Alert>
      <div
        style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 18rem), 1fr))", gap: "var(--ds-size-4, 1rem)" }}
      >
        <section aria-labelledby={`${id}-mine`} style={box}>
          <Heading level={(level + 1) as 3 | 4 | 5 | 6} data-size="2xs" id={`${id}-mine`}>
            {t("forms.yourVersion")}
          </Heading>
          <Version values={props.mine} fieldLabels={props.fieldLabels} />
        </section>
        <section aria-labelledby={`${id}-theirs`} style={box}>
          <Heading level={(level + 1) as 3 | 4 | 5 | 6} data-size="2xs" id={`${id}-theirs`}>
            {t("forms.theirVersion")}
          </Heading>
          <Version values={props.theirs} fieldLabels={props.fieldLabels} />
        </section>
      </div>
      <div style={{ display: "flex", flexWrap: "wrap", gap: "var(--ds-size-3, 0.75rem)" }}>
        <form method="post" action={props.action} onSubmit={intercept(props.onKeepMine)}>
          <CsrfField />
          <input type="hidden" name="intent" value={props.intent} />
          {Object.entries(props.hiddenFields ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={String(value)} />
          ))}
          {Object.entries(props.mine).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="version" value={props.currentVersion} />
          <Button type="submit" aria-disabled={props.busy || undefined}>
            {t("forms.keepMine")}
          </Button>
        </form>
        <form method="get" action={props.anchor ? `#${props.anchor}` : undefined} onSubmit={intercept(props.onKeepTheirs)}>
          <Button type="submit" variant="secondary" aria-disabled={props.busy || undefined}>
            {t("forms.keepTheirs")}
          </Button>
        </form>
      </div>
    </section>
  );
}
