import { data } from "react-router";

// Being built (issue 12): answers 404 until its page lands.
export function loader() {
  throw data("Not Found", { status: 404 });
}

export default function Page() {
  return null;
}
