import { Field, Input, Label } from "@digdir/designsystemet-react";
import type { ComponentProps } from "react";

/**
 * A checkbox or radio button whose label is tied to it in the server-rendered HTML
 * (Designsystemet's Checkbox ties them only once JavaScript runs). The input's own attributes
 * (name, value, checked, onChange) pass through.
 */
export function Choice({
  id,
  label,
  type = "checkbox",
  ...input
}: { id: string; label: string; type?: "checkbox" | "radio" } & Omit<ComponentProps<typeof Input>, "type" | "id">) {
  return (
    <Field>
      <Input type={type} id={id} {...input} />
      <Label htmlFor={id} weight="regular">
        {label}
      </Label>
    </Field>
  );
}
