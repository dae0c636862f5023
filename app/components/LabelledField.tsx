import { Field, Input, Label, ValidationMessage } from "@digdir/designsystemet-react";
import type { ComponentProps, ReactNode } from "react";

/** A labelled field that stays labelled without JavaScript: label, hint and problem tied by id. */
export function LabelledField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {hint && <Field.Description id={`${id}-hint`}>{hint}</Field.Description>}
      {children(describedBy)}
      {error && <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage>}
    </Field>
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
