-- A draft's edits of an already public activity wait here until the report is published; the
-- activities row stays the public record (see docs/reporting.md, "Pending edits").
CREATE TABLE "draft_activity_edits" (
	"report_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	"values" jsonb NOT NULL,
	"based_on_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "draft_activity_edits_report_id_activity_id_pk" PRIMARY KEY("report_id","activity_id")
);
--> statement-breakpoint
ALTER TABLE "draft_activity_edits" ADD CONSTRAINT "draft_activity_edits_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_activity_edits" ADD CONSTRAINT "draft_activity_edits_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "draft_activity_edits_activity_idx" ON "draft_activity_edits" USING btree ("activity_id");