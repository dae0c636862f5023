import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { PublicFollowup } from "../../../src/services/followup/publicFollowup.server.ts";
import { useT } from "../../i18n.ts";

/**
 * "Sedan förra utvärderingen" on the public evaluation page: the previous evaluation's improvement
 * opportunities the team followed up, under their areas as the previous version named them, each
 * with its verdict and comment. A list rather than a table, so that it reads on a phone. The
 * opportunities, comments and area names are Swedish whatever the page's language (lang="sv").
 */
export function FollowupSection({ followup }: { followup: PublicFollowup }) {
  const { t } = useT();
  return (
    <section aria-labelledby="sedan-forra" className="followup-public">
      <Heading level={2} data-size="md" id="sedan-forra">
        {t("followup.public.title")}
      </Heading>
      <Paragraph>{t("followup.public.lead", { year: followup.year })}</Paragraph>
      {!followup.sameVersion && (
        <Paragraph>{t("followup.public.otherVersion", { year: followup.year, instrument: followup.instrumentKey })}</Paragraph>
      )}
      {followup.areas.map((area) => (
        <section key={area.number} aria-labelledby={`sedan-forra-${area.number}`}>
          <Heading level={3} data-size="sm" id={`sedan-forra-${area.number}`}>
            {t(followup.sameVersion ? "followup.public.area" : "followup.public.areaOtherVersion", {
              number: area.number,
              name: area.name,
              instrument: followup.instrumentKey,
            })}
          </Heading>
          <ul className="followup-public__list">
            {area.entries.map((entry) => (
              <li key={entry.improvementIndex} id={`sedan-forra-${area.number}-${entry.improvementIndex + 1}`}>
                <span lang="sv">{entry.text}</span>
                {": "}
                <strong className={`followup-verdict followup-verdict--${entry.verdict}`}>
                  {t(`followup.public.verdict.${entry.verdict}`)}
                </strong>
                {entry.comment.trim() !== "" && (
                  <>
                    {". "}
                    <span lang="sv">{entry.comment}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
