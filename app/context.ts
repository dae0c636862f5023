import { createContext, RouterContextProvider } from "react-router";
import type { Db } from "../src/db/client.server.ts";
import type { Actor } from "../src/domain/workflow.ts";

/** What the server hands every loader, action and middleware (set in server/app.ts's getLoadContext). */
export type KompassContext = {
  db: Db;
  /** The signed-in user, or null. */
  actor: Actor;
  /** The token every form must carry (see server/csrf.ts). */
  csrfToken: string;
  /** The nonce of this page's inline scripts, named in its Content Security Policy (app/csp.ts). */
  cspNonce: string;
  /**
   * The client's address as Express sees it (req.ip): the connection's peer, or the address a
   * trusted proxy forwarded when KOMPASS_TRUST_PROXY is set. Never a header the client chose.
   */
  clientAddress: string;
};

/** The key of the server's values in React Router's context (middleware is on: see react-router.config.ts). */
export const kompassContext = createContext<KompassContext>();

/** The context a request starts with: the server's values under their key. */
export function routerContextOf(values: KompassContext): RouterContextProvider {
  const context = new RouterContextProvider();
  context.set(kompassContext, values);
  return context;
}

/** The server's values, as a loader, action or middleware reads them. */
export function kompass(context: Readonly<RouterContextProvider>): KompassContext {
  return context.get(kompassContext);
}
