import { Heading, Link as DsLink, List } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";

/** A part of a long explaining page: a section named by its heading, which the contents link to by id. */
export function PagePart({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="page-part stack">
      <Heading level={2} data-size="md" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** The contents of a long page: a link to each part. */
export function PageContents({ label, parts }: { label: string; parts: readonly { id: string; title: string }[] }) {
  return (
    <nav aria-label={label} className="page-contents">
      <List.Unordered>
        {parts.map((part) => (
          <List.Item key={part.id}>
            <DsLink href={`#${part.id}`}>{part.title}</DsLink>
          </List.Item>
        ))}
      </List.Unordered>
    </nav>
  );
}
