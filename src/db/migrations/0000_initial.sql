CREATE TABLE "counties" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grouping_groups" (
	"grouping_key" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "grouping_groups_grouping_key_code_pk" PRIMARY KEY("grouping_key","code")
);
--> statement-breakpoint
CREATE TABLE "groupings" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"valid_from" date,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "instrument_areas" (
	"instrument_key" text NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"role" text,
	"rubric_headings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_points" numeric NOT NULL,
	CONSTRAINT "instrument_areas_instrument_key_number_pk" PRIMARY KEY("instrument_key","number")
);
--> statement-breakpoint
CREATE TABLE "instrument_questions" (
	"instrument_key" text NOT NULL,
	"subarea_id" text NOT NULL,
	"id" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"max_points" numeric,
	CONSTRAINT "instrument_questions_instrument_key_id_pk" PRIMARY KEY("instrument_key","id")
);
--> statement-breakpoint
CREATE TABLE "instrument_subareas" (
	"instrument_key" text NOT NULL,
	"id" text NOT NULL,
	"area_number" integer NOT NULL,
	"position" integer NOT NULL,
	"question" text NOT NULL,
	"max_points" numeric NOT NULL,
	CONSTRAINT "instrument_subareas_instrument_key_id_pk" PRIMARY KEY("instrument_key","id")
);
--> statement-breakpoint
CREATE TABLE "instrument_versions" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"official_name" text,
	"county_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipality_groups" (
	"grouping_key" text NOT NULL,
	"municipality_code" text NOT NULL,
	"group_code" text NOT NULL,
	CONSTRAINT "municipality_groups_grouping_key_municipality_code_pk" PRIMARY KEY("grouping_key","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "result_area_points" (
	"result_id" integer NOT NULL,
	"area_number" integer NOT NULL,
	"points" numeric NOT NULL,
	CONSTRAINT "result_area_points_result_id_area_number_pk" PRIMARY KEY("result_id","area_number")
);
--> statement-breakpoint
CREATE TABLE "result_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"result_id" integer NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_subarea_points" (
	"result_id" integer NOT NULL,
	"subarea_id" text NOT NULL,
	"points" numeric NOT NULL,
	CONSTRAINT "result_subarea_points_result_id_subarea_id_pk" PRIMARY KEY("result_id","subarea_id")
);
--> statement-breakpoint
CREATE TABLE "results" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_code" text NOT NULL,
	"instrument_key" text NOT NULL,
	"year" integer NOT NULL,
	"date" date,
	"source" text,
	"level" text NOT NULL,
	"published_total" numeric,
	"derived_total" numeric,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_municipality_instrument_year" UNIQUE("municipality_code","instrument_key","year"),
	CONSTRAINT "results_year_range" CHECK ("results"."year" between 1990 and 2100)
);
--> statement-breakpoint
ALTER TABLE "grouping_groups" ADD CONSTRAINT "grouping_groups_grouping_key_groupings_key_fk" FOREIGN KEY ("grouping_key") REFERENCES "public"."groupings"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_areas" ADD CONSTRAINT "instrument_areas_instrument_key_instrument_versions_key_fk" FOREIGN KEY ("instrument_key") REFERENCES "public"."instrument_versions"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_groups" ADD CONSTRAINT "municipality_groups_grouping_key_groupings_key_fk" FOREIGN KEY ("grouping_key") REFERENCES "public"."groupings"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_groups" ADD CONSTRAINT "municipality_groups_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_area_points" ADD CONSTRAINT "result_area_points_result_id_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_revisions" ADD CONSTRAINT "result_revisions_result_id_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_subarea_points" ADD CONSTRAINT "result_subarea_points_result_id_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_instrument_key_instrument_versions_key_fk" FOREIGN KEY ("instrument_key") REFERENCES "public"."instrument_versions"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "municipality_groups_group_idx" ON "municipality_groups" USING btree ("grouping_key","group_code");--> statement-breakpoint
CREATE INDEX "result_revisions_result_idx" ON "result_revisions" USING btree ("result_id");--> statement-breakpoint
CREATE INDEX "results_instrument_idx" ON "results" USING btree ("instrument_key","year");