import { Link, Paragraph } from "@digdir/designsystemet-react";
import { useT } from "../../i18n.ts";

export interface PlanDownload {
  format: "xlsx" | "docx" | "pdf";
  href: string;
  fileName: string;
}

/** "Ladda ned planen: Excel · Word · PDF", each link named by its format and file. */
export function PlanDownloads({ downloads }: { downloads: readonly PlanDownload[] }) {
  const { t } = useT();
  if (downloads.length === 0) return null;
  return (
    <Paragraph className="action-downloads">
      {t("actionPlan.downloads.title")}:{" "}
      {downloads.map((d, i) => (
        <span key={d.format}>
          {i > 0 && " · "}
          <Link href={d.href} download={d.fileName}>
            {t(`actionPlan.downloads.${d.format}`)}
            <span className="ds-sr-only"> ({d.fileName})</span>
          </Link>
        </span>
      ))}
    </Paragraph>
  );
}
