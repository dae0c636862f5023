import { Field, Input, Label, ValidationMessage } from "@digdir/designsystemet-react";
import { useSyncExternalStore, type ComponentProps, type ReactNode } from "react";
import { useFieldProblem } from "./FieldProblems.tsx";

/**
 * A labelled field that stays labelled without JavaScript: label, hint and problem tied by id
 * (Designsystemet's pattern: the control gets aria-invalid and aria-describedby, the
 * ValidationMessage below it). Inside an AutosaveForm, `name` finds the field's problem of a save
 * as you type as well; `children` gets the ids that describe the control and whether it is invalid.
 */
export function LabelledField({
  id,
  label,
  hint,
  error,
  name,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: string;
  error?: string;
  /** The control's name, for its problem in a surrounding AutosaveForm. */
  name?: string;
  children: (describedBy: string | undefined, invalid: true | undefined) => ReactNode;
}) {
  const autosaveError = useFieldProblem(name);
  error ??= autosaveError;
  const hydrated = useHydrated();
  // The server's page ties the message to the control itself. Once JavaScript runs,
  // Designsystemet's field element ties a message that appears (and unties it again): React
  // adding the id as well would name the message twice.
  const describedBy = [hint ? `${id}-hint` : "", error && !hydrated ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {hint && <Field.Description id={`${id}-hint`}>{hint}</Field.Description>}
      {children(describedBy, error ? true : undefined)}
      {error && <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage>}
    </Field>
  );
}

const noSubscription = () => () => {};
/** False on the server and while hydrating, true for every render after. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** A label and its input, tied by id; the input's own attributes pass through. */
export function LabelledInput({ label, ...input }: { label: string; id: string } & ComponentProps<typeof Input>) {
  return (
    <Field>
      <Label htmlFor={input.id}>{label}</Label>
      <Input {...input} />
    </Field>
  );
}
