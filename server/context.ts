import type { Db } from "../src/db/client.server.ts";
import type { Actor } from "../src/domain/workflow.ts";

/** What the server hands every loader and action. */
export type KompassContext = {
  db: Db;
  /** The signed-in user, or null. */
  actor: Actor;
  /** The token every form must carry (see src/web/csrf.ts). */
  csrfToken: string;
};

declare module "react-router" {
  interface AppLoadContext {
    db: Db;
    actor: Actor;
    csrfToken: string;
  }
}
