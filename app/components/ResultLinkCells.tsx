import { Link as DsLink, Table } from "@digdir/designsystemet-react";
import { Link } from "react-router";

/** The municipality and year cells of a result row, linking to the municipality and the evaluation. */
export function ResultLinkCells({ name, year, municipalityHref, evaluationHref }: { name: string; year: number; municipalityHref: string; evaluationHref: string }) {
  return (
    <>
      <Table.Cell>
        <DsLink asChild>
          <Link to={municipalityHref}>{name}</Link>
        </DsLink>
      </Table.Cell>
      <Table.Cell>
        {/* Named with the municipality: a column of bare years says little to a screen reader. */}
        <DsLink asChild>
          <Link to={evaluationHref} aria-label={`${name} ${year}`}>
            {year}
          </Link>
        </DsLink>
      </Table.Cell>
    </>
  );
}
