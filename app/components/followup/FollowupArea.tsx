import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { CurrentPoints, FollowupArea as Area, FollowupOpportunity } from "../../../src/services/followup/getFollowup.server.ts";
import { useT } from "../../i18n.ts";
import type { AutosaveFailure } from "../AutosaveForm.tsx";
import { AreaPoints } from "../RunningPoints.tsx";
import { FollowupActions } from "./FollowupActions.tsx";
import { MarkForm, markIds } from "./MarkForm.tsx";

/** What a follow-up area needs from its page. */
export interface FollowupPageState {
  mayMark: boolean;
  failure: AutosaveFailure | undefined;
  maxComment: number;
  /** The previous evaluation's version, named when it differs from this evaluation's. */
  otherVersion: string | null;
}

/** No points given yet: AreaPoints shows a dash (and says so to screen readers). */
const NONE = { points: 0, max: 0, scored: 0, items: 0 };

/** This evaluation's points on the area so far: the actor's own, and the team's agreed when there are any. */
export function CurrentAreaPoints({ points }: { points: CurrentPoints }) {
  const { t } = useT();
  return (
    <dl className="facts followup-points">
      <dt>{t("followup.ownPoints")}</dt>
      <dd>
        <AreaPoints area={points.own ?? NONE} kind="own" />
      </dd>
      <dt>{t("followup.agreedPoints")}</dt>
      <dd>
        <AreaPoints area={points.agreed ?? NONE} kind="agreed" />
      </dd>
    </dl>
  );
}

/** The team's verdict as text, for those who may read but not mark. */
function ReadOnlyMark({ opportunity }: { opportunity: FollowupOpportunity }) {
  const { t } = useT();
  const mark = opportunity.mark;
  if (!mark) return <Paragraph data-size="sm">{t("followup.notMarked")}</Paragraph>;
  return (
    <Paragraph>
      <strong>{t(`followup.verdict.${mark.verdict}`)}</strong>
      {mark.comment && (
        <>
          {" – "}
          <span lang="sv">{mark.comment}</span>
        </>
      )}
    </Paragraph>
  );
}

function Opportunity({ opportunity, page }: { opportunity: FollowupOpportunity; page: FollowupPageState }) {
  const { t } = useT();
  const number = opportunity.index + 1;
  const headingId = `${markIds(opportunity).anchor}-heading`;
  const label = t("followup.markLabel", { number, area: opportunity.areaNumber });
  return (
    <article aria-labelledby={headingId} className="followup-opportunity">
      <Heading level={3} data-size="xs" id={headingId}>
        {t("followup.opportunity", { number })}
      </Heading>
      <blockquote className="followup-opportunity__text" lang="sv">
        {opportunity.text}
      </blockquote>
      <Heading level={4} data-size="2xs">
        {t("followup.actionsTitle")}
      </Heading>
      <FollowupActions actions={opportunity.actions} empty={t("followup.noActions")} />
      {opportunity.mark?.markedText && (
        <Paragraph data-size="sm">{t("followup.markedText", { text: opportunity.mark.markedText })}</Paragraph>
      )}
      {page.mayMark ? (
        <MarkForm opportunity={opportunity} label={label} failure={page.failure} maxComment={page.maxComment} />
      ) : (
        <ReadOnlyMark opportunity={opportunity} />
      )}
    </article>
  );
}

/**
 * One area of the previous evaluation: its improvement opportunities with the municipality's
 * actions and the team's verdicts, and (same version) the same area's points in this evaluation.
 */
export function FollowupArea({ area, page }: { area: Area; page: FollowupPageState }) {
  const { t } = useT();
  const headingId = `uppfoljning-${area.number}`;
  return (
    <section aria-labelledby={headingId} className="followup-area stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {page.otherVersion
          ? t("followup.areaTitleOtherVersion", { number: area.number, name: area.name, instrument: page.otherVersion })
          : t("followup.areaTitle", { number: area.number, name: area.name })}
      </Heading>
      {area.current && (
        <div>
          <Paragraph data-size="sm">
            <strong>{t("followup.currentPoints")}</strong>
          </Paragraph>
          <CurrentAreaPoints points={area.current} />
        </div>
      )}
      {area.opportunities.map((o) => (
        <Opportunity key={o.index} opportunity={o} page={page} />
      ))}
    </section>
  );
}
