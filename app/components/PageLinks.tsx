import { Link as DsLink, Paragraph } from "@digdir/designsystemet-react";
import { Link } from "react-router";
import { useT } from "../i18n.ts";

/**
 * Previous and next page of a long list, as plain links that keep the page's filters and work
 * without JavaScript; `status` says where in the list the page is.
 */
export function PageLinks({
  page,
  pages,
  href,
  label,
  status,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  label: string;
  status: string;
}) {
  const { t } = useT();
  return (
    <nav aria-label={label} className="page-links">
      <Paragraph>{status}</Paragraph>
      {page > 1 && (
        <DsLink asChild>
          <Link to={href(page - 1)} rel="prev">
            {t("pager.previous")}
          </Link>
        </DsLink>
      )}
      {page < pages && (
        <DsLink asChild>
          <Link to={href(page + 1)} rel="next">
            {t("pager.next")}
          </Link>
        </DsLink>
      )}
    </nav>
  );
}
