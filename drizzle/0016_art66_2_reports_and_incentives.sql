CREATE TABLE "report_incentives" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"incentive_type" text NOT NULL,
	"government_body" text DEFAULT '' NOT NULL,
	"eligible_entities" text DEFAULT '' NOT NULL,
	"beneficiary_codes" text[] DEFAULT '{}' NOT NULL,
	"sectors" text[] DEFAULT '{}' NOT NULL,
	"technology_transferred" text DEFAULT '' NOT NULL,
	"mode_and_terms" text DEFAULT '' NOT NULL,
	"ldc_specificity" text NOT NULL,
	"amount" numeric(16, 2),
	"currency" text,
	"enterprises" integer,
	"people_trained" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "report_incentives_position_key" UNIQUE("report_id","position")
);
--> statement-breakpoint
ALTER TABLE "reports" DROP CONSTRAINT "reports_party_period_revision_key";--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "kind" text DEFAULT 'art67' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "format" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "is_sample" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "report_incentives" ADD CONSTRAINT "report_incentives_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_incentives_type_idx" ON "report_incentives" USING btree ("incentive_type");--> statement-breakpoint
CREATE INDEX "report_incentives_beneficiaries_idx" ON "report_incentives" USING gin ("beneficiary_codes");--> statement-breakpoint
CREATE INDEX "report_incentives_sectors_idx" ON "report_incentives" USING gin ("sectors");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_party_period_revision_key" UNIQUE("reporting_party_code","kind","period_start","period_end","revision_kind","revision_number");