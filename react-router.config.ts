import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // `npm start` builds into a folder of its own and moves it into place (server/build.js).
  buildDirectory: process.env.KOMPASS_BUILD_DIR ?? "build",
} satisfies Config;
