CREATE TABLE "report_files" (
	"evaluation_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"format" text NOT NULL,
	"language" text NOT NULL,
	"compare" integer NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"sha256" text NOT NULL,
	"model_hash" text NOT NULL,
	"body" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_files_pk" PRIMARY KEY("evaluation_id","revision","format","language","compare")
);
--> statement-breakpoint
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;