import { z } from "zod";
import { isoDate, municipalityCode, type Column } from "./table.ts";

export const municipalitySchema = z.strictObject({
  code: municipalityCode,
  name: z.string(),
  officialName: z.string().nullable(),
  county: z.strictObject({ code: z.string().meta({ example: "18" }), name: z.string() }),
  groups: z.array(
    z.strictObject({
      grouping: z.string().meta({ example: "skl-2011" }),
      groupingName: z.string(),
      validFrom: isoDate.meta({ description: "From when the grouping applies" }),
      code: z.string(),
      name: z.string(),
    }),
  ),
});

export type Municipality = z.infer<typeof municipalitySchema>;

const fixed: readonly Column<Municipality>[] = [
  { key: "code", header: { sv: "Kommunkod", en: "Municipality code" }, type: "code", value: (m) => m.code },
  { key: "name", header: { sv: "Kommun", en: "Municipality" }, type: "text", value: (m) => m.name },
  { key: "official_name", header: { sv: "Officiellt namn", en: "Official name" }, type: "text", value: (m) => m.officialName },
  { key: "county_code", header: { sv: "Länskod", en: "County code" }, type: "code", value: (m) => m.county.code },
  { key: "county", header: { sv: "Län", en: "County" }, type: "text", value: (m) => m.county.name },
];

/** The fixed columns, then a group and group name column per grouping (`skl-2011_group`, `skl-2011_group_name`). */
export function municipalityColumns(list: readonly Municipality[]): Column<Municipality>[] {
  const groupings = [...new Set(list.flatMap((m) => m.groups.map((g) => g.grouping)))].sort();
  const group = (m: Municipality, grouping: string) => m.groups.find((g) => g.grouping === grouping);
  return [
    ...fixed,
    ...groupings.flatMap((g): Column<Municipality>[] => [
      {
        key: `${g}_group`,
        header: { sv: `Kommungrupp (${g})`, en: `Municipality group (${g})` },
        type: "code",
        value: (m) => group(m, g)?.code,
      },
      {
        key: `${g}_group_name`,
        header: { sv: `Kommungruppens namn (${g})`, en: `Group name (${g})` },
        type: "text",
        value: (m) => group(m, g)?.name,
      },
    ]),
  ];
}
municipalityColumns.fixed = fixed;
municipalityColumns.note = "then `GROUPING_group` and `GROUPING_group_name` for each grouping";
