/**
 * "Something public changed": a publication, an import, a correction, new reference data.
 * Listeners (the page cache) drop what they hold.
 *
 * The listeners live on globalThis because the server build bundles its own copy of the
 * services: an action in the bundle and the server started from src must share one registry.
 */
type Listener = () => void;

const REGISTRY = Symbol.for("kommunkompassen.publicDataListeners");
const store = globalThis as typeof globalThis & { [REGISTRY]?: Set<Listener> };
const listeners: Set<Listener> = (store[REGISTRY] ??= new Set());

export function publicDataChanged(): void {
  for (const listener of [...listeners]) listener();
}

/** Returns a function that removes the listener again. */
export function onPublicDataChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
