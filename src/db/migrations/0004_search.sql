-- Custom: pg_trgm for name search. PGlite is opened with it loaded (pgliteExtensions in src/db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "search_passages" (
	"id" serial PRIMARY KEY NOT NULL,
	"evaluation_id" integer NOT NULL,
	"municipality_code" text NOT NULL,
	"municipality_name" text NOT NULL,
	"county_code" text NOT NULL,
	"group_code" text,
	"instrument_key" text NOT NULL,
	"year" integer NOT NULL,
	"area_number" integer,
	"subarea_id" text,
	"kind" text NOT NULL,
	"anchor" text NOT NULL,
	"position" integer NOT NULL,
	"body" text NOT NULL,
	"example_municipality_code" text,
	"example_municipality_name" text,
	"document" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('swedish'::regconfig, body), 'A') || setweight(to_tsvector('swedish'::regconfig, coalesce(example_municipality_name, '')), 'B') || setweight(to_tsvector('swedish'::regconfig, municipality_name), 'D') || array_to_tsvector(array_remove(array['=county:' || county_code, '=group:' || group_code, '=instrument:' || instrument_key, '=area:' || area_number::text], null))) STORED NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_passages" ADD CONSTRAINT "search_passages_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_passages_document_idx" ON "search_passages" USING gin ("document") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "search_passages_evaluation_idx" ON "search_passages" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "search_passages_recent_idx" ON "search_passages" USING btree ("year","id");--> statement-breakpoint
-- Custom: name search by trigrams (searchMunicipalities).
CREATE INDEX IF NOT EXISTS "municipalities_name_trgm_idx" ON "municipalities" USING gin (lower("name") gin_trgm_ops);
