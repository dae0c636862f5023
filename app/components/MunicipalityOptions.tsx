import { Select } from "@digdir/designsystemet-react";

/** The options of a municipality select: an empty choice first, then the register (already in Swedish order). */
export function MunicipalityOptions({
  municipalities,
  empty,
  emptyDisabled,
}: {
  municipalities: readonly { code: string; name: string }[];
  empty: string;
  emptyDisabled?: boolean;
}) {
  return (
    <>
      <Select.Option value="" disabled={emptyDisabled}>
        {empty}
      </Select.Option>
      {municipalities.map((m) => (
        <Select.Option key={m.code} value={m.code}>
          {m.name}
        </Select.Option>
      ))}
    </>
  );
}
