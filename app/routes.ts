import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("kommuner", "routes/municipalities.tsx"),
  route("kommuner/:code", "routes/municipality.tsx"),
  route("sprak", "routes/language.ts"),
  route("logga-in", "routes/auth/sign-in.tsx"),
  route("logga-ut", "routes/auth/sign-out.ts"),
  route("losenord/:token", "routes/auth/password.tsx"),
  route("arbetsyta", "routes/workspace/index.tsx"),
  route("arbetsyta/ny", "routes/workspace/new.tsx"),
  route("arbetsyta/:id", "routes/workspace/evaluation.tsx", [
    index("routes/workspace/overview.tsx"),
    route("underlag", "routes/workspace/evidence.tsx"),
    route("underlag/:evidenceId/fil", "routes/workspace/evidence-file.ts"),
    route("poang", "routes/workspace/scoring.tsx"),
    route("samsyn", "routes/workspace/agreement.tsx"),
    route("texter", "routes/workspace/writing.tsx"),
    route("logg", "routes/workspace/audit.tsx"),
    route("logg.csv", "routes/workspace/audit-csv.ts"),
    route("versioner", "routes/workspace/revisions.tsx"),
    route("rapport", "routes/workspace/report.tsx"),
  ]),
  route("rapport/:id", "routes/report/view.tsx"),
  route("rapport/:id/:file", "routes/report/file.ts"),
  route("admin/anvandare", "routes/admin/users.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
