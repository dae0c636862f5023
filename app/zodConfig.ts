import { config } from "zod/v4/core";

/**
 * Imported first by app/root.tsx, so that it runs before any module builds a schema: zod would
 * otherwise probe `new Function("")` (for its faster object parser) while defining schemas, and
 * the page's Content-Security-Policy, which allows no eval, reports that probe as a violation in
 * every visitor's console. The pages parse little in the browser; the plain parser is enough.
 */
config({ jitless: true });
