import { Heading, Tag } from "@digdir/designsystemet-react";
import { Fragment } from "react";
import { useT } from "../../i18n.ts";
import type { WritingArea } from "../../../src/services/writing/getWriting.server.ts";
import { areaAnchor, INDEX_ANCHOR } from "./anchors.ts";

/** Which texts hold something, by key: from the page's data, kept up to date by saves as you type. */
export type Written = Record<string, boolean>;

function Status({ label, done }: { label: string; done: boolean }) {
  const { t } = useT();
  return (
    <Tag data-size="sm" data-color={done ? "success" : "neutral"}>
      {t(done ? "workbench.texts.written" : "workbench.texts.missing", { label })}
    </Tag>
  );
}

/**
 * The top of the long texts page: a link to the summary and to every area, with what is written
 * in each (general text, strengths, improvements, and how many sub-area texts).
 */
export function AreaIndex({ areas, summaryKey, written }: { areas: WritingArea[]; summaryKey: string; written: Written }) {
  const { t } = useT();
  return (
    <nav aria-labelledby={INDEX_ANCHOR} className="text-index">
      <Heading level={2} data-size="sm" id={INDEX_ANCHOR}>
        {t("workbench.texts.indexTitle")}
      </Heading>
      <ul>
        <li>
          <a href="#summary-heading">{t("writing.summaryTitle")}</a>
          <span className="text-index-status">
            <Status label={t("workbench.texts.summary")} done={!!written[summaryKey]} />
          </span>
        </li>
        {areas.map((area) => {
          const subareasWritten = area.subareas.filter((s) => written[s.text.key]).length;
          return (
            <li key={area.number}>
              <a href={`#${areaAnchor(area.number)}`}>{t("writing.areaTitle", { number: area.number, name: area.name })}</a>
              <span className="text-index-status">
                {[
                  [t("workbench.texts.general"), area.general.key],
                  [t("writing.strengths"), area.strengths.key],
                  [t("writing.improvements"), area.improvements.key],
                ].map(([label, key]) => (
                  <Fragment key={key}>
                    <Status label={label!} done={!!written[key!]} />{" "}
                  </Fragment>
                ))}
                {area.subareas.length > 0 && (
                  <Tag data-size="sm" data-color={subareasWritten === area.subareas.length ? "success" : "neutral"}>
                    {t("workbench.texts.subareas", { written: subareasWritten, count: area.subareas.length })}
                  </Tag>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
