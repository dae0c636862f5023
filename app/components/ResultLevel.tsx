import { useT } from "../i18n.ts";

export function ResultLevel({ level }: { level: "subarea" | "area" | "total" }) {
  const { t } = useT();
  return <>{t(`level.${level}`)}</>;
}
