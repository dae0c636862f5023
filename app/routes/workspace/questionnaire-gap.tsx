// Built in issue 13 (work in progress on this branch).
export default function Page() {
  return null;
}
