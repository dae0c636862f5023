import { createContext, useContext } from "react";

/**
 * The nonce of the page being rendered, for the inline scripts React Router writes (hydration
 * data, scroll restoration). Only the server knows it; in the browser it is "" (the scripts
 * have run by then, and browsers hide a nonce from the page anyway).
 */
export const NonceContext = createContext("");

export function useNonce(): string {
  return useContext(NonceContext);
}
