import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("kommuner", "routes/municipalities.tsx"),
  route("kommuner/:code", "routes/municipality.tsx"),
  route("sprak", "routes/language.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
