import { Details, Paragraph } from "@digdir/designsystemet-react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useT } from "../../i18n.ts";

/** The address parameter that opens one form of the action plan page by its key ("update-12", "add-3-1", "note-12", "add-own"). */
export const OPEN_PARAM = "oppna";

/** The form the page's address asks to open (`?oppna=<key>`, or the older `?andra=<action id>` for an action's edit form). */
export function openFormOf(search: URLSearchParams): string | undefined {
  const edit = search.get("andra");
  return search.get(OPEN_PARAM) ?? (edit ? `update-${edit}` : undefined);
}

/**
 * A form behind a disclosure, rendered only once it is opened. A plan has several forms of seven
 * fields for every action and improvement opportunity, nearly all of them closed: rendering them
 * all made the contact's page the slowest of the workspace (hundreds of fields on every load).
 * With JavaScript, opening the disclosure renders the form in the same moment, as before. Without,
 * the closed disclosure holds a link that loads the page again with this form open at its place
 * (`?oppna=<key>`); a refused post opens it too (`open`).
 */
export function FormDisclosure({
  formKey,
  open,
  summary,
  className,
  children,
}: {
  formKey: string;
  open: boolean;
  summary: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useT();
  const [opened, setOpened] = useState(open);
  const details = useRef<HTMLDetailsElement>(null);
  // Opened before the page became interactive: the form, instead of the link meant for pages without JavaScript.
  useEffect(() => {
    if (details.current?.open) setOpened(true);
  }, []);
  const id = `${formKey}-form`;
  return (
    <Details ref={details} id={id} defaultOpen={open} className={className} onToggle={() => setOpened(true)}>
      {/* The click comes before the browser opens the disclosure: the form is there when it shows. */}
      <Details.Summary onClick={() => setOpened(true)}>{summary}</Details.Summary>
      <Details.Content>
        {opened || open ? (
          children
        ) : (
          <Paragraph data-size="sm">
            <a href={`?${OPEN_PARAM}=${encodeURIComponent(formKey)}#${id}`}>{t("actionPlan.openForm")}</a>
          </Paragraph>
        )}
      </Details.Content>
    </Details>
  );
}
