import { useT } from "../i18n.ts";

/** An area's (or the total's) points as they stand: the rounded exact sum, how many of its items have points. */
export interface PointsSoFar {
  points: number;
  max: number;
  scored: number;
  items: number;
}

/** Whose points are counted: the team's agreed points, or my own. */
export type PointsKind = "agreed" | "own";

/**
 * An area's points while scoring or agreement is under way: "–" until any of its items has
 * points (an area nobody has agreed on is not "0 of 100"), marked preliminary until all have.
 */
export function AreaPoints({ area, kind }: { area: PointsSoFar; kind: PointsKind }) {
  const { t, formatNumber } = useT();
  if (area.scored === 0)
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="ds-sr-only">{t(`workbench.points.none.${kind}`)}</span>
      </>
    );
  const text = t("scoring.areaPoints", { points: formatNumber(area.points), max: formatNumber(area.max) });
  return <>{area.scored < area.items ? t("workbench.points.areaPreliminary", { text }) : text}</>;
}

/**
 * The total: the rounded sum of the exact points given so far, marked preliminary with how many
 * areas are complete until every area is ("preliminär: 5 av 8 områden överenskomna").
 */
export function TotalPoints({ total, areas, kind }: { total: PointsSoFar; areas: PointsSoFar[]; kind: PointsKind }) {
  const { t, formatNumber } = useT();
  const complete = areas.filter((area) => area.scored === area.items).length;
  const points = total.scored === 0 ? "–" : formatNumber(total.points);
  return (
    <>
      <strong>{t(kind === "agreed" ? "scoring.agreement.total" : "scoring.total", { points, max: formatNumber(total.max) })}</strong>
      {complete < areas.length && (
        <>
          {" "}
          <span className="preliminary">({t(`workbench.points.preliminary.${kind}`, { complete, areas: areas.length })})</span>
        </>
      )}
    </>
  );
}
