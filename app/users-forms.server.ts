import { z } from "zod";
import { newUserSchema } from "../src/services/auth/users.server.ts";

const user = { userId: z.string({ error: "user_unknown" }) };

/** The forms of the users page: add someone (the service's schema), and one button per user and action. */
export const usersForms = z.discriminatedUnion(
  "intent",
  [
    newUserSchema.safeExtend({ intent: z.literal("create") }),
    z.object({ intent: z.literal("link"), ...user }),
    z.object({ intent: z.literal("disable"), ...user }),
    z.object({ intent: z.literal("enable"), ...user }),
  ],
  { error: "unknown_intent" },
);
