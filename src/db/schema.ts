// Every table, gathered for Drizzle's typed client and for drizzle-kit.
export * from '../accounts/schema.ts';
export * from '../activities/schema.ts';
export * from '../agencies/schema.ts';
export * from '../audit/schema.ts';
export * from '../reference/schema.ts';
export * from '../reports/schema.ts';
export * from '../settings/schema.ts';
export * from '../training/schema.ts';
