import { Details } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useT } from "../i18n.ts";

/**
 * A list page's filters behind one control on a phone: a native disclosure ("Filter (2 valda)"),
 * closed unless `open` (a problem to correct), so the list comes first and the count says
 * that filters narrow it. On a wider screen the CSS (app/styles/phone.css) shows the
 * filters whatever its state and hides the control. No JavaScript: details and a GET form.
 */
export function FilterDisclosure({ active, open = false, children }: { active: number; open?: boolean; children: ReactNode }) {
  const { t } = useT();
  return (
    <Details className="filter-disclosure" defaultOpen={open}>
      <Details.Summary>{active > 0 ? t("layout.filterActive", { count: active }) : t("layout.filter")}</Details.Summary>
      <Details.Content>{children}</Details.Content>
    </Details>
  );
}
