import { data } from "react-router";

// No interactive part: the page ships no JavaScript (see RouteHandle in app/root.tsx).
export const handle = { hydrate: false };

// Any path without a page: a real 404, rendered by the root error boundary.
export async function loader() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
