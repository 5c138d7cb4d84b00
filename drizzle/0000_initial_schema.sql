CREATE TABLE "activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"donor_party_code" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"original_language" text NOT NULL,
	"start_date" date,
	"start_precision" text,
	"end_date" date,
	"end_precision" text,
	"level" text,
	"activity_type" text,
	"ip_areas" text[] DEFAULT '{}' NOT NULL,
	"budget_amount" numeric(16, 2),
	"budget_currency" text,
	"funding_source" text,
	"funding_shares" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"delivery_languages" text[] DEFAULT '{}' NOT NULL,
	"delivery_mode" text,
	"website" text,
	"contact_name" text,
	"contact_email" text,
	"status" text,
	"source" text NOT NULL,
	"search_vector" "tsvector",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_agencies" (
	"activity_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "activity_agencies_activity_id_agency_id_role_pk" PRIMARY KEY("activity_id","agency_id","role")
);
--> statement-breakpoint
CREATE TABLE "activity_beneficiaries" (
	"activity_id" integer NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"party_code" text,
	"region_code" text,
	"name_as_written" text NOT NULL,
	CONSTRAINT "activity_beneficiaries_activity_id_position_pk" PRIMARY KEY("activity_id","position")
);
--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"party_code" text,
	"name" jsonb NOT NULL,
	"acronym" text,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "agencies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "parties" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"iso2" text,
	"iso3" text,
	"m49" text,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_es" text NOT NULL,
	"full_names" jsonb,
	"region_code" text,
	"subregion_code" text,
	"wto_member_since" date,
	"scheduled_graduation" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_aliases" (
	"party_code" text NOT NULL,
	"alias" text NOT NULL,
	CONSTRAINT "party_aliases_party_code_alias_pk" PRIMARY KEY("party_code","alias")
);
--> statement-breakpoint
CREATE TABLE "party_status_history" (
	"party_code" text NOT NULL,
	"status" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "party_status_history_party_code_valid_from_pk" PRIMARY KEY("party_code","valid_from")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"parent_code" text,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_es" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taxonomy_terms" (
	"taxonomy" text NOT NULL,
	"key" text NOT NULL,
	"label_en" text NOT NULL,
	"label_fr" text NOT NULL,
	"label_es" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "taxonomy_terms_taxonomy_key_pk" PRIMARY KEY("taxonomy","key")
);
--> statement-breakpoint
CREATE TABLE "report_activities" (
	"report_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	"row_number" integer NOT NULL,
	CONSTRAINT "report_activities_report_id_activity_id_pk" PRIMARY KEY("report_id","activity_id"),
	CONSTRAINT "report_activities_row_key" UNIQUE("report_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"reporting_party_code" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"symbol" text,
	"original_language" text NOT NULL,
	"circulation_date" date,
	"narrative" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reports_symbol_unique" UNIQUE("symbol"),
	CONSTRAINT "reports_party_period_key" UNIQUE("reporting_party_code","period_start","period_end")
);
--> statement-breakpoint
CREATE TABLE "edition_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"starts_at" text,
	"speakers" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"title" text NOT NULL,
	"signed_on" date,
	"signatories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_organizers" (
	"programme_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "programme_organizers_programme_id_agency_id_pk" PRIMARY KEY("programme_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "training_editions" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"year" integer NOT NULL,
	"start_date" date,
	"end_date" date,
	"venue" text,
	"venue_city" text,
	"venue_party_code" text,
	"mode" text,
	"delivery_languages" text[] DEFAULT '{}' NOT NULL,
	"capacity" integer,
	"status" text DEFAULT 'planned' NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reported_participants" integer,
	"reported_participant_regions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"activity_id" integer,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_programmes" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"founding_year" integer,
	"target_audience" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"interest_areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"historic_participants" integer,
	"historic_countries" integer,
	"historic_note" text,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "training_programmes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_donor_party_code_parties_code_fk" FOREIGN KEY ("donor_party_code") REFERENCES "public"."parties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_agencies" ADD CONSTRAINT "activity_agencies_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_agencies" ADD CONSTRAINT "activity_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_beneficiaries" ADD CONSTRAINT "activity_beneficiaries_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_beneficiaries" ADD CONSTRAINT "activity_beneficiaries_party_code_parties_code_fk" FOREIGN KEY ("party_code") REFERENCES "public"."parties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_beneficiaries" ADD CONSTRAINT "activity_beneficiaries_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_party_code_parties_code_fk" FOREIGN KEY ("party_code") REFERENCES "public"."parties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_aliases" ADD CONSTRAINT "party_aliases_party_code_parties_code_fk" FOREIGN KEY ("party_code") REFERENCES "public"."parties"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_status_history" ADD CONSTRAINT "party_status_history_party_code_parties_code_fk" FOREIGN KEY ("party_code") REFERENCES "public"."parties"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_activities" ADD CONSTRAINT "report_activities_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_activities" ADD CONSTRAINT "report_activities_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporting_party_code_parties_code_fk" FOREIGN KEY ("reporting_party_code") REFERENCES "public"."parties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_sessions" ADD CONSTRAINT "edition_sessions_edition_id_training_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."training_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_agreements" ADD CONSTRAINT "programme_agreements_programme_id_training_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."training_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_organizers" ADD CONSTRAINT "programme_organizers_programme_id_training_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."training_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_organizers" ADD CONSTRAINT "programme_organizers_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_editions" ADD CONSTRAINT "training_editions_programme_id_training_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."training_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_editions" ADD CONSTRAINT "training_editions_venue_party_code_parties_code_fk" FOREIGN KEY ("venue_party_code") REFERENCES "public"."parties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_editions" ADD CONSTRAINT "training_editions_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_donor_start_idx" ON "activities" USING btree ("donor_party_code","start_date");--> statement-breakpoint
CREATE INDEX "activities_start_idx" ON "activities" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "activities_ip_areas_idx" ON "activities" USING gin ("ip_areas");--> statement-breakpoint
CREATE INDEX "activities_search_idx" ON "activities" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "activity_agencies_agency_idx" ON "activity_agencies" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "activity_beneficiaries_party_idx" ON "activity_beneficiaries" USING btree ("party_code","activity_id");--> statement-breakpoint
CREATE INDEX "activity_beneficiaries_region_idx" ON "activity_beneficiaries" USING btree ("region_code","activity_id");--> statement-breakpoint
CREATE INDEX "parties_region_idx" ON "parties" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "report_activities_activity_idx" ON "report_activities" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "reports_period_idx" ON "reports" USING btree ("period_start");