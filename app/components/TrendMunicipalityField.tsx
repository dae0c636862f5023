import { Select } from "@digdir/designsystemet-react";
import { LabelledField } from "./LabelledField.tsx";
import { MunicipalityOptions } from "./MunicipalityOptions.tsx";

/**
 * The trend form's field for adding a municipality: a plain select of the municipalities that
 * have results (only they have a trend), without those already chosen. Kept on its own so that
 * a type-ahead picker can take its place.
 */
export function TrendMunicipalityField({
  id,
  name,
  label,
  hint,
  empty,
  error,
  municipalities,
  chosen,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  /** The empty choice: adds nothing. */
  empty: string;
  error?: string;
  municipalities: readonly { code: string; name: string }[];
  chosen: readonly string[];
}) {
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <Select id={id} name={name} defaultValue="" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
          <MunicipalityOptions municipalities={municipalities.filter((m) => !chosen.includes(m.code))} empty={empty} />
        </Select>
      )}
    </LabelledField>
  );
}
