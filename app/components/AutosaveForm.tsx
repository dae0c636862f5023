import { Button, Paragraph } from "@digdir/designsystemet-react";
import { useEffect, useRef, useState, type FocusEvent as ReactFocusEvent, type FormEvent, type ReactNode } from "react";
import { data, Form, useFetcher } from "react-router";
import { CsrfField, failureOf, problemText, Problems, type FormProblems } from "../forms.tsx";
import { languageFromRequest, useT } from "../i18n.ts";
import { translator } from "../../src/i18n/index.ts";
import { ConflictChoice } from "./ConflictChoice.tsx";
import { FieldProblems } from "./FieldProblems.tsx";
import type { Problem } from "../../src/services/errors.ts";

/** Set on submissions made by an AutosaveForm with JavaScript: the action answers with data, not a redirect. */
export const AUTOSAVE_FIELD = "autosave";
export const AUTOSAVE_DELAY_MS = 800;

/** What an action answers an autosave that succeeded. */
export type AutosaveSaved = { saved: { version: number } };

/** A conflict as the page hands it back: my values and the saved ones. */
export interface AutosaveConflict {
  mine: Record<string, string>;
  current: unknown;
  currentVersion: number;
}

export interface AutosaveFormProps {
  /** Posted as "intent": tells the route's action what to do. */
  intent: string;
  /** Posted as they are (for example the text's key or the item's id). */
  hiddenFields?: Record<string, string | number>;
  /** The version the fields were loaded with, posted as "version". */
  version: number;
  /** What the fields are, in words: names the Save button and the conflict. */
  label: string;
  /** The editable fields (labelled, named). */
  children: ReactNode;
  /** The id of the wrapper: where a page without JavaScript comes back to. */
  id?: string;
  /** Where to post (the current route when left out). */
  action?: string;
  /** The conflict of a submission made without JavaScript (from the action's data). */
  conflict?: AutosaveConflict | null;
  /** The saved version's values by field name, from a ConflictError's `current` (default: see fieldValues). */
  toFields?: (current: unknown) => Record<string, string>;
  /** Field names in words, for the conflict when there are several fields. */
  fieldLabels?: Record<string, string>;
  /** Field name → element id, for the problem links. */
  fieldIds?: Record<string, string>;
  /** With JavaScript: the fields' values are now the stored ones (a save went through, or the saved version was kept). */
  onStored?: (values: Record<string, string>) => void;
  /** The problems of this form's submission without JavaScript (the page lists them at its top): its fields are marked with them. */
  problems?: Problem[];
  headingLevel?: 2 | 3 | 4 | 5;
}

/** A string is the value of the only field ("body"); an object's properties are the fields' values. */
export function fieldValues(current: unknown, fieldNames: string[]): Record<string, string> {
  if (current === null || typeof current !== "object") return { [fieldNames[0] ?? "body"]: current == null ? "" : String(current) };
  const record = current as Record<string, unknown>;
  return Object.fromEntries(fieldNames.map((name) => [name, record[name] == null ? "" : String(record[name])]));
}

/** Does a submission come from an AutosaveForm with JavaScript? (Actions answer it with data; pages need not revalidate.) */
export function isAutosave(form: FormData | undefined): boolean {
  return form?.get(AUTOSAVE_FIELD) === "1";
}

/**
 * A page's shouldRevalidate when its autosaves change one field each: the rest of the page need
 * not be loaded again after one (after anything else, as React Router would).
 */
export function revalidateUnlessAutosave({ formData, defaultShouldRevalidate }: { formData?: FormData; defaultShouldRevalidate: boolean }) {
  return isAutosave(formData) ? false : defaultShouldRevalidate;
}

/** What an action hands back when a submission fails, so that nothing typed is lost: which form, and its values. */
export type Submitted = { form: string; values: Record<string, string> };
export type AutosaveFailure = FormProblems & { submitted?: Submitted };

/**
 * An action's answer to a failed submission: failureOf's problems (or conflict) with the submitted
 * form's values attached, and problems that are codes ("text_too_long") put into words from the
 * page's catalog (`page`: "writing", "scoring"), for every way the page shows them.
 */
export function failureWithValues(
  error: unknown,
  request: Request,
  submitted: Submitted,
  page: string,
  options: { conflictField?: string } = {},
) {
  const failure = failureOf(error, request);
  const t = translator(languageFromRequest(request));
  const problems = failure.data.problems.map((p) => ({
    ...p,
    // A conflict's problem may point at the version, so that the page can link it to the form.
    field: p.field ?? (failure.data.conflict ? options.conflictField : undefined),
    message: problemText(t, p, page),
  }));
  return data<AutosaveFailure>({ ...failure.data, problems, submitted }, failure.init ?? undefined);
}

/**
 * For one form of the page: the values of its failed submission without JavaScript, its conflict,
 * if any, its problems and the message of each field's.
 */
export function failedSubmission(
  failure: AutosaveFailure | undefined,
  form: string,
): {
  values?: Record<string, string>;
  conflict: AutosaveConflict | null;
  problems?: Problem[];
  error: (field: string) => string | undefined;
} {
  const values = failure?.submitted?.form === form ? failure.submitted.values : undefined;
  const conflict =
    values && failure?.conflict
      ? { mine: values, current: failure.conflict.current, currentVersion: failure.conflict.currentVersion }
      : null;
  const problems = values ? failure?.problems : undefined;
  const error = (field: string) => {
    const found = problems?.filter((p) => p.field === field).map((p) => p.message) ?? [];
    return found.length ? found.join(" ") : undefined;
  };
  return { values, conflict, problems, error };
}

type Controls = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const controlsOf = (fieldset: HTMLFieldSetElement | null) =>
  [...(fieldset?.elements ?? [])].filter(
    (e): e is Controls => "name" in e && !!(e as Controls).name && (e as Controls).type !== "hidden" && (e as Controls).type !== "submit",
  );

/** The values of the editable fields, by name. */
function valuesOf(fieldset: HTMLFieldSetElement | null): Record<string, string> {
  const values: Record<string, string> = {};
  for (const control of controlsOf(fieldset)) {
    if (control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio") && !control.checked) continue;
    values[control.name] = control.value;
  }
  return values;
}

function setValues(fieldset: HTMLFieldSetElement | null, values: Record<string, string>) {
  for (const control of controlsOf(fieldset)) {
    if (!(control.name in values)) continue;
    if (control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio"))
      control.checked = control.value === values[control.name];
    else control.value = values[control.name]!;
  }
}

type SaveState = "idle" | "unsaved" | "saving" | "saved" | "problem" | "conflict";

/**
 * A form for one group of fields that works without JavaScript (Save button, full POST, the
 * action redirects) and, with it, saves as you type: debounced, one save at a time, with the
 * state announced. On a conflict (409) it stops saving and lets the user choose a version.
 */
export function AutosaveForm(props: AutosaveFormProps) {
  const { t } = useT();
  const fetcher = useFetcher<AutosaveSaved | FormProblems>();
  const formRef = useRef<HTMLFormElement>(null);
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [version, setVersion] = useState(props.version);
  const versionRef = useRef(props.version);
  const [state, setState] = useState<SaveState>("idle");
  const [conflict, setConflict] = useState<AutosaveConflict | null>(props.conflict ?? null);
  const [conflictFromAutosave, setConflictFromAutosave] = useState(false);
  const [problems, setProblems] = useState<FormProblems["problems"]>();
  /** What marks the fields: the problems of a post without JavaScript until a save as you type answers. */
  const [fieldProblems, setFieldProblems] = useState<Problem[] | undefined>(props.problems);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const busy = useRef(false);
  const changedSinceSubmit = useRef(false);
  const submitted = useRef<{ values: Record<string, string>; keepingMine: boolean; explicit: boolean } | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  /** Where the user was when a save they did not ask for failed: the problems must not take the focus from there. */
  const keepFocus = useRef<HTMLElement | null>(null);
  /** After a conflict is settled the focus goes back to the fields, once they are enabled again. */
  const focusFields = useRef(false);

  useEffect(() => setHydrated(true), []);
  useEffect(() => () => clearTimeout(timer.current), []);
  // Designsystemet's error summary focuses itself when it appears. That is right after the Save
  // button, but a save made while typing would take the focus (and the next keystrokes) away:
  // then the focus goes back where it was. (A native listener: React ignores focus events while
  // it commits, which is when the summary appears.)
  useEffect(() => {
    const box = problemsRef.current;
    if (!box) return;
    const back = (event: FocusEvent) => {
      const target = event.target as Element;
      if (target.localName === "ds-error-summary" && keepFocus.current?.isConnected) keepFocus.current.focus();
    };
    const clicked = () => (keepFocus.current = null);
    box.addEventListener("focusin", back);
    box.addEventListener("pointerdown", clicked);
    return () => {
      box.removeEventListener("focusin", back);
      box.removeEventListener("pointerdown", clicked);
    };
  }, []);
  useEffect(() => {
    if (conflict || !focusFields.current) return;
    focusFields.current = false;
    controlsOf(fieldsetRef.current)[0]?.focus();
  }, [conflict]);
  // Leaving the page with an edit not yet saved asks first.
  const pending = state === "unsaved" || state === "saving" || state === "conflict" || state === "problem";
  useEffect(() => {
    if (!pending) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [pending]);

  const adoptVersion = (next: number) => {
    versionRef.current = next;
    setVersion(next);
  };

  function submit(values?: Record<string, string>, explicit = false) {
    const form = formRef.current;
    if (!form) return;
    clearTimeout(timer.current);
    // One save at a time: a second one sent before the first returns would carry a stale version.
    if (busy.current) return;
    const data = new FormData(form);
    const own = values ?? valuesOf(fieldsetRef.current);
    for (const [name, value] of Object.entries(own)) data.set(name, value);
    data.set("version", String(versionRef.current));
    data.set(AUTOSAVE_FIELD, "1");
    busy.current = true;
    changedSinceSubmit.current = false;
    submitted.current = { values: own, keepingMine: !!values, explicit };
    setState("saving");
    void fetcher.submit(data, { method: "post", action: props.action });
  }
  const submitRef = useRef(submit);
  submitRef.current = submit;

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a save settles; adoptVersion only writes a ref and state setter, the same whichever render's copy is called, and onStored is the page's to read then.
  useEffect(() => {
    if (fetcher.state !== "idle" || !busy.current) return;
    busy.current = false;
    const result = fetcher.data;
    const sent = submitted.current;
    submitted.current = null;
    if (result && "saved" in result) {
      adoptVersion(result.saved.version);
      keepFocus.current = null;
      setProblems(undefined);
      setFieldProblems(undefined);
      if (sent) props.onStored?.(sent.values);
      if (sent?.keepingMine) {
        setValues(fieldsetRef.current, sent.values);
        setConflict(null);
        focusFields.current = true;
      }
      if (changedSinceSubmit.current) {
        setState("unsaved");
        timer.current = setTimeout(() => submitRef.current(), AUTOSAVE_DELAY_MS);
      } else setState("saved");
    } else if (result && "conflict" in result && result.conflict) {
      // "Mine" is what the fields hold now (typing may have gone on during the save), unless the
      // refused save was itself "keep mine" from an earlier conflict.
      const mine = sent?.keepingMine ? sent.values : valuesOf(fieldsetRef.current);
      setConflict({ mine, current: result.conflict.current, currentVersion: result.conflict.currentVersion });
      setConflictFromAutosave(true);
      setProblems(undefined);
      setFieldProblems(undefined);
      setState("conflict");
    } else if (result && "problems" in result) {
      const active = document.activeElement;
      keepFocus.current = !sent?.explicit && active instanceof HTMLElement && active !== document.body ? active : null;
      setProblems(result.problems);
      setFieldProblems(result.problems);
      setState("problem");
    } else setState("unsaved");
  }, [fetcher.state, fetcher.data]);

  function onInput() {
    if (!hydrated || conflict) return;
    changedSinceSubmit.current = true;
    setState("unsaved");
    clearTimeout(timer.current);
    if (!busy.current) timer.current = setTimeout(() => submitRef.current(), AUTOSAVE_DELAY_MS);
  }

  /**
   * Leaving the fields saves at once instead of after the pause; going to the Save button leaves
   * it to the button, so that the save counts as asked for (its problems then take the focus).
   */
  function onBlur(event: ReactFocusEvent<HTMLFieldSetElement>) {
    const next = event.relatedTarget;
    if (next instanceof HTMLButtonElement && next.type === "submit" && next.form === formRef.current) return;
    if (hydrated && !conflict && !busy.current && changedSinceSubmit.current) submit();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // With JavaScript the Save button saves in place; without it the browser posts the form.
    event.preventDefault();
    if (!conflict && !busy.current) submit(undefined, true);
  }

  const fieldNames = () => Object.keys(valuesOf(fieldsetRef.current));
  const theirs = conflict
    ? (props.toFields ?? ((current: unknown) => fieldValues(current, Object.keys(conflict.mine))))(conflict.current)
    : {};

  function keepTheirs() {
    if (!conflict) return;
    const stored = props.toFields ? props.toFields(conflict.current) : fieldValues(conflict.current, fieldNames());
    setValues(fieldsetRef.current, stored);
    props.onStored?.(stored);
    adoptVersion(conflict.currentVersion);
    setConflict(null);
    setState("saved");
    focusFields.current = true;
  }

  function keepMine() {
    if (!conflict) return;
    adoptVersion(conflict.currentVersion);
    submit(conflict.mine, true);
  }

  const status: Record<SaveState, string> = {
    idle: "",
    unsaved: t("forms.unsaved"),
    saving: t("forms.saving"),
    saved: t("forms.saved"),
    problem: t("forms.unsaved"),
    conflict: t("forms.unsaved"),
  };

  return (
    <div id={props.id} className="autosave-form">
      <Form
        method="post"
        action={props.action}
        ref={formRef}
        onInput={onInput}
        onSubmit={hydrated ? onSubmit : undefined}
        style={{ display: "grid", gap: "var(--ds-size-3, 0.75rem)" }}
      >
        <CsrfField />
        <input type="hidden" name="intent" value={props.intent} />
        {Object.entries(props.hiddenFields ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={String(value)} />
        ))}
        <input type="hidden" name="version" value={version} />
        <div ref={problemsRef} style={{ display: "contents" }}>
          <Problems problems={problems} fieldIds={props.fieldIds} />
        </div>
        <fieldset
          ref={fieldsetRef}
          disabled={!!conflict}
          onBlur={onBlur}
          style={{ border: 0, margin: 0, padding: 0, minInlineSize: 0, display: "grid", gap: "var(--ds-size-3, 0.75rem)" }}
        >
          <FieldProblems.Provider value={fieldProblems}>{props.children}</FieldProblems.Provider>
        </fieldset>
        <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "var(--ds-size-4, 1rem)" }}>
          <Button type="submit" variant="secondary" data-size="sm" disabled={!!conflict}>
            {t("forms.save")}
            <span className="ds-sr-only">: {props.label}</span>
          </Button>
          <Paragraph data-size="sm" role="status" aria-live="polite" aria-atomic="true" style={{ margin: 0 }}>
            {status[state]}
            {/* The problems are not announced by taking the focus after a save while typing: here they are. */}
            {state === "problem" && problems?.length ? (
              <span className="ds-sr-only">: {problems.map((p) => t(`problem.${p.message}`, { defaultValue: p.message })).join(" ")}</span>
            ) : null}
          </Paragraph>
        </div>
      </Form>
      {conflict && (
        <ConflictChoice
          label={props.label}
          mine={conflict.mine}
          theirs={theirs}
          currentVersion={conflict.currentVersion}
          fieldLabels={props.fieldLabels}
          intent={props.intent}
          hiddenFields={props.hiddenFields}
          action={props.action}
          anchor={props.id}
          onKeepMine={hydrated ? keepMine : undefined}
          onKeepTheirs={hydrated ? keepTheirs : undefined}
          busy={state === "saving"}
          focusOnMount={conflictFromAutosave}
          headingLevel={props.headingLevel}
        />
      )}
    </div>
  );
}
