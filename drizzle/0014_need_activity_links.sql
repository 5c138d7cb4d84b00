CREATE TABLE "need_activity_links" (
	"need_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	"report_id" integer NOT NULL,
	"linked_by" integer,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_activity_links_need_id_activity_id_report_id_pk" PRIMARY KEY("need_id","activity_id","report_id")
);
--> statement-breakpoint
ALTER TABLE "need_activity_links" ADD CONSTRAINT "need_activity_links_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_activity_links" ADD CONSTRAINT "need_activity_links_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_activity_links" ADD CONSTRAINT "need_activity_links_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_activity_links" ADD CONSTRAINT "need_activity_links_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_activity_links_activity_idx" ON "need_activity_links" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "need_activity_links_report_idx" ON "need_activity_links" USING btree ("report_id");