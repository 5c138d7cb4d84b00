CREATE TABLE "etrips_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"content_hash" text NOT NULL,
	"file" text NOT NULL,
	"hub_state" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "period_precision" text DEFAULT 'year' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "narrative_outline" jsonb;--> statement-breakpoint
ALTER TABLE "etrips_imports" ADD CONSTRAINT "etrips_imports_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "etrips_imports_hash_idx" ON "etrips_imports" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "etrips_imports_report_idx" ON "etrips_imports" USING btree ("report_id");--> statement-breakpoint
UPDATE "reports" SET "period_precision" = 'day' WHERE to_char("period_start", 'MM-DD') <> '01-01' OR to_char("period_end", 'MM-DD') <> '12-31';
