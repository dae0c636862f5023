/**
 * How Chromium is started here, for the PDFs and for the browser tests: as root in a sandboxed
 * machine (no sandbox of its own), without a GPU, and without reaching out to the network on its
 * own (a closed network refuses those connections, many at a time).
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
