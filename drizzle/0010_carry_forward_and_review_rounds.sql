CREATE TABLE "report_submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"round" integer NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" integer,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "report_submissions_round_key" UNIQUE("report_id","round")
);
--> statement-breakpoint
ALTER TABLE "report_activities" ADD COLUMN "carried_undated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "report_comments" ADD COLUMN "reply" text;--> statement-breakpoint
ALTER TABLE "report_comments" ADD COLUMN "replied_by" integer;--> statement-breakpoint
ALTER TABLE "report_comments" ADD COLUMN "replied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_comments" ADD CONSTRAINT "report_comments_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;