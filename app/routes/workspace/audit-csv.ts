// Written by the engineer who owns this route (see docs/workspace.md).
export async function loader() {
  return new Response(null, { status: 404 });
}
