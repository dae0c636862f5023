import { Heading, Link, List, Paragraph } from "@digdir/designsystemet-react";
import { useState, type MouseEvent } from "react";
import { useT } from "../i18n.ts";

export interface DownloadLink {
  format: "pdf" | "docx" | "xlsx";
  href: string;
  fileName: string;
}

/**
 * Links to the report's files. Without JavaScript they are plain downloads; with it, the page
 * says that a file is being made (a PDF takes a moment) and when it is ready or failed.
 */
export function ReportDownloads({
  links,
  headingId,
  headingLevel = 2,
}: {
  links: DownloadLink[];
  headingId: string;
  headingLevel?: 2 | 3;
}) {
  const { t } = useT();
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState<string | null>(null);

  async function download(event: MouseEvent<HTMLAnchorElement>, link: DownloadLink) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (busy) return;
    const format = t(`report.formats.${link.format}`);
    setBusy(link.format);
    setStatus(t("report.making", { format }));
    try {
      const response = await fetch(link.href, { headers: { Accept: "application/octet-stream" } });
      if (!response.ok) {
        const message = response.headers.get("Content-Type")?.startsWith("text/plain") ? await response.text() : response.statusText;
        setStatus(t("report.failed", { format, message }));
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = link.fileName;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus(t("report.ready", { format }));
    } catch {
      setStatus(t("report.failed", { format, message: "" }));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby={headingId} className="report-downloads">
      <Heading level={headingLevel} data-size="sm" id={headingId}>
        {t("report.downloads")}
      </Heading>
      <List.Unordered>
        {links.map((link) => (
          <List.Item key={link.format}>
            <Link
              href={link.href}
              download={link.fileName}
              onClick={(event) => download(event, link)}
              aria-busy={busy === link.format || undefined}
            >
              {t("report.download", { format: t(`report.formats.${link.format}`), name: link.fileName })}
            </Link>{" "}
            <span className="hint">{t(`report.formatHints.${link.format}`)}</span>
          </List.Item>
        ))}
      </List.Unordered>
      <Paragraph role="status" aria-live="polite" className="report-status">
        {busy && <span className="spinner" aria-hidden="true" />}
        {status}
      </Paragraph>
    </section>
  );
}
