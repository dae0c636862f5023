import { Fieldset, Input, Paragraph } from "@digdir/designsystemet-react";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { useT } from "../i18n.ts";
import { Choice } from "./Choice.tsx";
import { LabelledField } from "./LabelledField.tsx";
import { findMunicipalities, MAX_TEXT_LENGTH, resolveFirst, resolveMunicipality } from "../../src/domain/municipalityMatch.ts";
import { withoutControlCharacters } from "../../src/domain/text.ts";

/** One municipality a picker offers; evaluated when it has published results. */
export interface PickerOption {
  code: string;
  name: string;
  /** Has published results (only a picker that offers to narrow to these needs it). */
  evaluated?: boolean;
}

/** A submitted text that named no municipality, or several: the picker offers the choices. */
export interface PickerProblem {
  text: string;
  status: "choose" | "none";
  choices: { code: string; name: string }[];
  /** How many more matched than are offered. */
  more: number;
}

/** At most this many choices after a submitted text (the type-ahead shows them all). */
const MAX_CHOICES = 10;

/**
 * What the picker's field holds after a submission, as the page's loader or action reads it: the
 * municipality's code, or the problem to show. The field may hold the text typed and a choice
 * made after a first try (a radio button of the same name): the first that names one wins. With
 * `onlyEvaluated`, choices are narrowed to municipalities with results when any match.
 */
export function pickMunicipality(
  values: readonly string[],
  options: readonly PickerOption[],
  { onlyEvaluated = false }: { onlyEvaluated?: boolean } = {},
): { code: string | null; text: string; problem: PickerProblem | null } {
  const resolution = resolveFirst(values, options, onlyEvaluated ? { preferred: (m) => m.evaluated === true } : {});
  // Shown back as typed, but never a page of text nor a control character.
  const typed = values.find((v) => v.trim() !== "" && !/^\d{4}$/.test(v.trim())) ?? values.find((v) => v.trim() !== "") ?? "";
  const text = withoutControlCharacters(typed).trim().slice(0, MAX_TEXT_LENGTH);
  switch (resolution.status) {
    case "empty":
      return { code: null, text: "", problem: null };
    case "found":
      return { code: resolution.municipality.code, text: resolution.municipality.name, problem: null };
    default: {
      const all = resolution.status === "choose" ? resolution.matches : resolution.suggestions;
      const choices = all.slice(0, MAX_CHOICES).map(({ code, name }) => ({ code, name }));
      return { code: null, text, problem: { text, status: resolution.status, choices, more: all.length - choices.length } };
    }
  }
}

export interface MunicipalityPickerProps {
  /** The field's name, also the input's id (so that a problem summary can link to it) unless `id` is given. */
  name: string;
  /** The input's id, where a page has several pickers of the same name (one in each of its forms). */
  id?: string;
  label: ReactNode;
  /** The label in words, for the list of matches, when `label` is more than a string. */
  listLabel?: string;
  /**
   * The id of a MunicipalityDatalist the page renders once for all its pickers (without
   * JavaScript): a page with eight pickers then sends one list of the 290, not eight.
   */
  list?: string;
  description?: string;
  /** A municipality code (shown as its name) or text as typed. */
  defaultValue?: string;
  options: readonly PickerOption[];
  /** Whether to offer only municipalities with results (at first); without it, all are offered and no such filter. */
  onlyEvaluated?: boolean;
  /**
   * Whether the picker shows its own "only with results" checkbox (by default, when
   * onlyEvaluated is given). A page with several pickers shows one EvaluatedFilter instead and
   * passes its state as onlyEvaluated.
   */
  showFilter?: boolean;
  /** After a submitted text named none or several (see pickMunicipality). */
  problem?: PickerProblem | null;
  /** A problem with the field in words (such as from the form's validation). */
  error?: string;
  required?: boolean;
  /** Told the municipality the text names as it changes (null: none, or not one). */
  onChange?: (choice: PickerOption | null) => void;
}

/**
 * Choosing one of Sweden's 290 municipalities by typing. Without JavaScript a text input (with a
 * datalist) in the page's form: the server resolves the text (pickMunicipality). Once the page
 * runs, an ARIA 1.2 combobox: a listbox of matches as one types, ignoring case and diacritics,
 * arrows to move, Enter to choose, Escape to close, the number of matches announced. Choosing
 * fills in the name as the register spells it, so the same field is submitted either way.
 */
export function MunicipalityPicker({
  name,
  id = name,
  label,
  listLabel = typeof label === "string" ? label : undefined,
  list,
  description,
  defaultValue = "",
  options,
  onlyEvaluated,
  showFilter = onlyEvaluated !== undefined,
  problem,
  error,
  required,
  onChange,
}: MunicipalityPickerProps) {
  const { t } = useT();
  const uid = useId();
  const listId = `${id}-${uid}-list`;
  const input = useRef<HTMLInputElement>(null);
  const initial = options.find((o) => o.code === defaultValue)?.name ?? defaultValue;
  const [enhanced, setEnhanced] = useState(false);
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [evaluatedOnly, setEvaluatedOnly] = useState(onlyEvaluated ?? false);
  useEffect(() => setEvaluatedOnly(onlyEvaluated ?? false), [onlyEvaluated]);
  const [announcement, setAnnouncement] = useState("");
  // The page's latest callback and options, for the effect below (which runs when the value given changes, not these).
  const latest = useRef({ onChange, options });
  latest.current = { onChange, options };
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      setEnhanced(true);
      // Text typed before the page became interactive counts.
      const typed = input.current?.value ?? initial;
      if (typed !== initial) {
        setText(typed);
        const resolution = resolveMunicipality(typed, latest.current.options);
        latest.current.onChange?.(resolution.status === "found" ? resolution.municipality : null);
      }
      return;
    }
    // The page came back with another value (a navigation to the same page): show it.
    if (input.current) input.current.value = initial;
    setText(initial);
    setOpen(false);
  }, [initial]);

  const pool = useMemo(() => (evaluatedOnly ? options.filter((o) => o.evaluated) : options), [options, evaluatedOnly]);
  const found = useMemo(
    () => (text.trim() === "" ? { matches: [...pool], suggested: false } : findMunicipalities(text, pool)),
    [text, pool],
  );
  const matches = found.matches;
  const optionId = (code: string) => `${listId}-${code}`;
  const shown = open && matches.length > 0;

  // Said after a pause in typing, so that a screen reader is not interrupted at every letter.
  useEffect(() => {
    if (!enhanced) return;
    const message = !open
      ? ""
      : matches.length === 0
        ? t(
            evaluatedOnly && findMunicipalities(text, options).matches.length > 0
              ? "finder.picker.nothingEvaluated"
              : "finder.picker.nothing",
          )
        : found.suggested
          ? t("finder.picker.suggested", { count: matches.length })
          : t("finder.picker.count", { count: matches.length });
    const timer = setTimeout(() => setAnnouncement(message), 400);
    return () => clearTimeout(timer);
  }, [enhanced, open, matches, found.suggested, evaluatedOnly, text, options, t]);

  useEffect(() => {
    if (shown && active >= 0) document.getElementById(optionId(matches[active]!.code))?.scrollIntoView({ block: "nearest" });
  });

  const changed = (value: string) => {
    setText(value);
    setOpen(true);
    setActive(-1);
    const resolution = resolveMunicipality(value, options);
    onChange?.(resolution.status === "found" ? resolution.municipality : null);
  };
  const choose = (option: PickerOption) => {
    if (input.current) input.current.value = option.name;
    setText(option.name);
    setOpen(false);
    setActive(-1);
    onChange?.(option);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = matches.length - 1;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setOpen(true);
        if (!event.altKey) setActive(open ? Math.min(active + 1, last) : 0);
        break;
      case "ArrowUp":
        event.preventDefault();
        setOpen(true);
        setActive(open ? Math.max(active - 1, 0) : last);
        break;
      case "Enter":
        // Enter chooses the highlighted option, or the only one; with the list closed, it submits the form as typed.
        if (shown && (active >= 0 || matches.length === 1)) {
          event.preventDefault();
          choose(matches[Math.max(active, 0)]!);
        } else setOpen(false);
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text !== "") {
          event.preventDefault();
          if (input.current) input.current.value = "";
          changed("");
          setOpen(false);
        }
        break;
      case "Tab":
        setOpen(false);
        break;
    }
  };

  return (
    <div className="municipality-picker">
      <LabelledField id={id} label={label} hint={description} error={error}>
        {(describedBy) => (
          <div className="municipality-picker__box">
            <Input
              ref={input}
              id={id}
              name={name}
              type="text"
              autoComplete="off"
              spellCheck={false}
              required={required}
              defaultValue={initial}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              {...(enhanced
                ? {
                    role: "combobox",
                    "aria-autocomplete": "list",
                    "aria-expanded": shown,
                    "aria-controls": listId,
                    "aria-activedescendant": shown && active >= 0 ? optionId(matches[active]!.code) : undefined,
                    onInput: (e: FormEvent<HTMLInputElement>) => changed(e.currentTarget.value),
                    onKeyDown,
                    onBlur: () => setOpen(false),
                    onClick: () => setOpen(true),
                  }
                : { list: list ?? `${listId}-data` })}
            />
            {enhanced && (
              <div role="listbox" id={listId} aria-label={listLabel} className="municipality-picker__list" hidden={!shown}>
                {shown &&
                  matches.map((option, i) => (
                    // biome-ignore lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: the combobox pattern: focus stays in the input, which moves among the options with the arrow keys (aria-activedescendant) and chooses with Enter.
                    <div
                      key={option.code}
                      id={optionId(option.code)}
                      role="option"
                      aria-selected={i === active}
                      className="municipality-picker__option"
                      // Pressing keeps the focus in the input; the click chooses.
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => choose(option)}
                    >
                      {option.name}
                    </div>
                  ))}
              </div>
            )}
          </div>
        )}
      </LabelledField>
      {enhanced && shown && found.suggested && (
        <Paragraph data-size="sm" className="municipality-picker__note" aria-hidden="true">
          {t("finder.picker.didYouMean")}
        </Paragraph>
      )}
      {enhanced && showFilter && <EvaluatedFilter id={`${id}-${uid}-evaluated`} checked={evaluatedOnly} onChange={setEvaluatedOnly} />}
      <div role="status" className="ds-sr-only">
        {announcement}
      </div>
      {!enhanced && !list && <MunicipalityDatalist id={`${listId}-data`} options={pool} />}
      {problem && <PickerChoices id={id} name={name} problem={problem} />}
    </div>
  );
}

/** After a submitted text named none or several: radio buttons of the same field, or what to do. */
function PickerChoices({ id, name, problem }: { id: string; name: string; problem: PickerProblem }) {
  const { t } = useT();
  if (problem.choices.length === 0) {
    return (
      <Paragraph data-size="sm" className="municipality-picker__problem">
        {t("finder.picker.noneWithout", { text: problem.text })}
      </Paragraph>
    );
  }
  return (
    <Fieldset className="municipality-picker__choices">
      <Fieldset.Legend>
        {t(problem.status === "choose" ? "finder.picker.choose" : "finder.picker.none", { text: problem.text })}
      </Fieldset.Legend>
      {problem.choices.map((c) => (
        <Choice key={c.code} id={`${id}-choice-${c.code}`} type="radio" name={name} value={c.code} label={c.name} />
      ))}
      {problem.more > 0 && <Paragraph data-size="sm">{t("finder.picker.more", { count: problem.more })}</Paragraph>}
    </Fieldset>
  );
}

/** The names a picker's input suggests without JavaScript (the browser's own list, filtered as one types). */
export function MunicipalityDatalist({ id, options }: { id: string; options: readonly { code: string; name: string }[] }) {
  return (
    <datalist id={id}>
      {options.map((o) => (
        <option key={o.code} value={o.name} />
      ))}
    </datalist>
  );
}

/**
 * "Only municipalities with results": narrows what the type-ahead offers. It needs JavaScript,
 * so it shows once the page runs (without, the datalist holds the municipalities the page chose).
 */
export function EvaluatedFilter({ id, checked, onChange }: { id: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useT();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  return <Choice id={id} label={t("finder.picker.onlyEvaluated")} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />;
}
