import { NavLink } from "react-router";
import { useT } from "../i18n.ts";

/**
 * The administrator's pages, side by side under their heading: the header's main menu keeps one
 * link to them (Användare), so that it stays one row at 1280 px.
 */
export function AdminNav() {
  const { t } = useT();
  const pages: [string, string][] = [
    ["/admin/anvandare", t("admin.users.nav")],
    ["/admin/sjalvvardering", t("questionnaireAdmin.nav")],
  ];
  return (
    <nav aria-label={t("admin.sectionNav")} className="tabs-nav">
      <ul>
        {pages.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
