import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { loadCatalog, parseLanguage } from "../src/i18n/index.ts";

// The page was rendered in one language (<html lang>): only that language's messages are
// downloaded, and before hydration, so the first render in the browser matches the server's.
// If the messages cannot be had (a redeploy removed them), the page stays as the server sent it:
// it works without JavaScript.
loadCatalog(parseLanguage(document.documentElement.lang)).then(
  () =>
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <HydratedRouter />
        </StrictMode>,
      );
    }),
  (error: unknown) => console.error("Kommunkompassen: the page's messages could not be loaded; it works without JavaScript.", error),
);
