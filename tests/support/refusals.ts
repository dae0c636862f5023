import { expect } from "vitest";
import type { TestClient } from "./http.ts";

/** A form post to a part of an evaluation's workspace ("/underlag", "?index" …) with its fields. */
export type FormAction = [part: string, fields: Record<string, string>];

/**
 * Posts every form, each with a valid CSRF token, as `client` (signed in as `role`, or not at
 * all): each must get one of `statuses`, and the evaluation's audit log (which every change
 * writes to), read by the administrator's `auditor`, must stay as it was.
 */
export async function expectRefusedAndUnchanged(
  client: TestClient,
  auditor: TestClient,
  evaluation: number,
  role: string,
  actions: readonly FormAction[],
  statuses: readonly number[],
): Promise<void> {
  const auditLog = async () => (await auditor.get(`/arbetsyta/${evaluation}/logg.csv`)).text();
  const before = await auditLog();
  const token = role === "anonymous" ? await client.csrfToken("/logga-in") : await client.csrfToken("/arbetsyta");
  for (const [part, fields] of actions) {
    const response = await client.post(`/arbetsyta/${evaluation}${part}`, fields, token);
    expect(statuses, `${role} ${part} ${fields.intent}: ${response.status}`).toContain(response.status);
  }
  expect(await auditLog()).toBe(before);
}
