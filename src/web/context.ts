import type { Db } from "../db/client.ts";

/** What the server hands every loader and action. */
export type KompassContext = {
  db: Db;
};

declare module "react-router" {
  interface AppLoadContext {
    db: Db;
  }
}
