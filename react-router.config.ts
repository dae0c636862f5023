import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // Route middleware: the workspace checks its actor and evaluation once, on the arbetsyta/:id layout.
  future: { v8_middleware: true },
  // `npm start` builds into a folder of its own and moves it into place (server/build.js).
  buildDirectory: process.env.KOMPASS_BUILD_DIR ?? "build",
} satisfies Config;
