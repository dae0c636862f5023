import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import { Fragment } from "react";
import { useT } from "../../i18n.ts";
import type { HandInWindow } from "../../../src/services/evidence/index.server.ts";

/**
 * For the municipality's contact: whether documents and links can be handed in, until when, or
 * since when and why not, and whom to ask. Without it a closed page just lacks its forms.
 */
export function HandInNotice({ handIn }: { handIn: HandInWindow }) {
  const { t, formatDate } = useT();
  const status = t(`status.${handIn.status}`);
  const visitEnd = formatDate(handIn.visitEnd);
  const text = handIn.open
    ? t(handIn.visitEnd ? "workbench.handIn.open" : "workbench.handIn.openNoVisit", { date: visitEnd })
    : handIn.closedOn
      ? t("workbench.handIn.closedOn", { date: formatDate(handIn.closedOn), status })
      : t(handIn.visitEnd ? "workbench.handIn.closedAfterVisit" : "workbench.handIn.closed", { date: visitEnd, status });
  return (
    <Alert data-color={handIn.open ? "info" : "warning"} className="hand-in">
      <Heading level={2} data-size="xs">
        {t(handIn.open ? "workbench.handIn.openTitle" : "workbench.handIn.closedTitle")}
      </Heading>
      <Paragraph>{text}</Paragraph>
      {handIn.evaluators.length > 0 && (
        <Paragraph>
          {t("workbench.handIn.ask")}{" "}
          {handIn.evaluators.map((person, index) => (
            <Fragment key={person.email}>
              {index > 0 && ", "}
              {person.name} (<a href={`mailto:${person.email}`}>{person.email}</a>)
            </Fragment>
          ))}
          .
        </Paragraph>
      )}
    </Alert>
  );
}
