import { en } from "./en.ts";
import { registerCatalog } from "./index.ts";
import { sv } from "./sv.ts";

// The server speaks both languages: importing this module registers both catalogs.
registerCatalog("sv", sv);
registerCatalog("en", en);
