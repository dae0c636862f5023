// Written by the engineer who owns this page (see docs/workspace.md).
export default function Page() {
  return null;
}
