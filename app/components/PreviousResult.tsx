import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useId } from "react";
import type { PreviousResult as PreviousResultData } from "../../src/services/scoring/previous.server.ts";
import { useT } from "../i18n.ts";

export interface PreviousResultProps {
  /** From previousResultFor(); null when the municipality has no earlier result. */
  previous: PreviousResultData | null;
  /** Beside one area: its earlier points, only when made with the same instrument version. */
  areaNumber?: number;
  /** Beside one sub-area: its earlier exact points, where known and the version is the same. */
  subareaId?: string;
  /** For the whole evaluation (neither area nor sub-area given). */
  headingLevel?: 2 | 3 | 4;
}

/**
 * The municipality's earlier result beside this evaluation. A result made with another version
 * of the instrument is shown as a whole, marked so, and never paired area by area.
 */
export function PreviousResult({ previous, areaNumber, subareaId, headingLevel = 2 }: PreviousResultProps) {
  const { t, formatNumber } = useT();
  const headingId = useId();
  if (subareaId !== undefined) {
    const value = previous?.sameInstrument ? previous.subareas[subareaId] : undefined;
    if (value === undefined || !previous) return null;
    return (
      <Paragraph data-size="sm" className="previous-result">
        {t("scoring.previous.subarea", { year: previous.year, points: formatNumber(value) })}
      </Paragraph>
    );
  }
  if (areaNumber !== undefined) {
    const area = previous?.sameInstrument ? previous.areas.find((a) => a.number === areaNumber) : undefined;
    if (!area || !previous) return null;
    return (
      <Paragraph data-size="sm" className="previous-result">
        {t("scoring.previous.area", { year: previous.year, points: formatNumber(area.points), max: formatNumber(area.max) })}
        {area.derived && <> ({t("scoring.previous.derived")})</>}
      </Paragraph>
    );
  }
  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={headingLevel} data-size="xs" id={headingId}>
        {t("scoring.previous.title")}
      </Heading>
      {!previous ? (
        <Paragraph>{t("scoring.previous.none")}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {previous.total === null
              ? t("scoring.previous.summaryNoTotal", { year: previous.year, instrument: previous.instrumentName })
              : t("scoring.previous.summary", {
                  year: previous.year,
                  points: formatNumber(previous.total),
                  max: formatNumber(previous.maxTotal),
                  instrument: previous.instrumentName,
                })}
          </Paragraph>
          {!previous.sameInstrument && (
            <Alert data-color="info">{t("scoring.previous.otherVersion", { instrument: previous.instrumentName })}</Alert>
          )}
        </>
      )}
    </section>
  );
}
