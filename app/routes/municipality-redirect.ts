import { redirect } from "react-router";
import type { Route } from "./+types/municipality-redirect";

/** The first address of a municipality page (/kommuner/1880) leads to its lasting one (/kommun/1880-orebro). */
export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/kommun/${params.code}`, 301);
}
