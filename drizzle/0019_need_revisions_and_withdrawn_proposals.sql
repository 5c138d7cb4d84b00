CREATE TABLE "need_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"need_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"previous" jsonb NOT NULL,
	"changed_fields" jsonb NOT NULL,
	"note" text NOT NULL,
	"revised_by" integer,
	"by_role" text NOT NULL,
	"revised_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "need_proposals" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "need_proposals" ADD COLUMN "withdrawn_by" integer;--> statement-breakpoint
ALTER TABLE "need_proposals" ADD COLUMN "withdrawal_note" text;--> statement-breakpoint
ALTER TABLE "need_revisions" ADD CONSTRAINT "need_revisions_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_revisions" ADD CONSTRAINT "need_revisions_revised_by_users_id_fk" FOREIGN KEY ("revised_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "need_revisions_need_revision_idx" ON "need_revisions" USING btree ("need_id","revision");--> statement-breakpoint
ALTER TABLE "need_proposals" ADD CONSTRAINT "need_proposals_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;