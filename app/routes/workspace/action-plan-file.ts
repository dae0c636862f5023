// Built in issue 13 (work in progress on this branch).
export function loader() {
  return new Response(null, { status: 404 });
}
