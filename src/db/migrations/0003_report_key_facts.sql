CREATE TABLE "evaluation_key_facts" (
	"evaluation_id" integer PRIMARY KEY NOT NULL,
	"population" integer,
	"population_change" integer,
	"population_change_period" text,
	"employees" integer,
	"ruling_parties" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_key_facts" ADD CONSTRAINT "evaluation_key_facts_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_key_facts" ADD CONSTRAINT "evaluation_key_facts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;