import { data } from "react-router";

// Being built (issue 12): answers 404 until it lands.
export function loader() {
  throw data("Not Found", { status: 404 });
}
