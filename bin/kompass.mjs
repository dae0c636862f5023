#!/usr/bin/env node
// The kompass CLI: runs the TypeScript sources through tsx, like the server does.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
