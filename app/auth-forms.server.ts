import { z } from "zod";

/**
 * The sign-in and password pages have one form each, posted also by scripts and older pages
 * without an intent: a plain object each. An empty field is an empty string (the services say why
 * it does not do).
 */
const typed = z.string().default("");

export const signInForm = z.object({ email: typed, password: typed, tillbaka: z.string().optional() });

export const passwordForm = z.object({ password: typed });
