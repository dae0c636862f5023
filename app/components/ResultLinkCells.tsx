import { Table } from "@digdir/designsystemet-react";

/**
 * The municipality and year cells of a result row, linking to the municipality and (where given) the evaluation.
 * Plain links with Designsystemet's class: a ranking has 580 of them, and React Router's Link
 * (path resolution per link) with Designsystemet's asChild (props merged per link) was a quarter
 * of its render. The next page then loads as a whole document, which the page cache answers.
 */
export function ResultLinkCells({ name, year, municipalityHref, evaluationHref }: { name: string; year: number; municipalityHref: string; evaluationHref?: string }) {
  return (
    <>
      <Table.Cell>
        <a className="ds-link" href={municipalityHref}>
          {name}
        </a>
      </Table.Cell>
      <Table.Cell>
        {/* Named with the municipality: a column of bare years says little to a screen reader. */}
        {evaluationHref === undefined ? (
          year
        ) : (
          <a className="ds-link" href={evaluationHref} aria-label={`${name} ${year}`}>
            {year}
          </a>
        )}
      </Table.Cell>
    </>
  );
}
