import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A minimal browser for tests: keeps cookies, reads the CSRF token from pages, posts forms. */
export class TestClient {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  /** The same visitor (a copy of the cookies it has now) at another address: another server of the same site. */
  at(base: string): TestClient {
    const other = new TestClient(base);
    other.cookies = new Map(this.cookies);
    return other;
  }

  /** The cookies kept so far, as a Cookie header (the mixed benchmark sends a signed-in visitor's). */
  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      if (/Max-Age=0/i.test(cookie)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join("="));
    }
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(this.base + path, { headers: { cookie: this.cookieHeader() }, redirect: "manual" });
    this.keep(response);
    return response;
  }

  async csrfToken(path = "/logga-in"): Promise<string> {
    const html = await (await this.get(path)).text();
    const match = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!match) throw new Error(`no CSRF token on ${path}`);
    return match[1]!;
  }

  async post(path: string, fields: Record<string, string>, token?: string): Promise<Response> {
    const body = new URLSearchParams({ ...fields, ...(token === undefined ? {} : { _csrf: token }) });
    const response = await fetch(this.base + path, {
      method: "POST",
      headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded", origin: this.base },
      body,
      redirect: "manual",
    });
    this.keep(response);
    return response;
  }

  async signIn(email: string, password: string): Promise<void> {
    const token = await this.csrfToken();
    const response = await this.post("/logga-in", { email, password, tillbaka: "/arbetsyta" }, token);
    if (response.status !== 302) throw new Error(`sign-in as ${email} failed: ${response.status}`);
  }
}

export function baseUrl(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
