// Regenerates the reference-data migration from src/reference/data/*.json.
// Usage: npx tsx scripts/build-reference-migration.ts
import { writeFileSync } from 'node:fs';
import { referenceData } from '../src/reference/reference-data.ts';
import { referenceDataSql } from '../src/reference/reference-sql.ts';

export const referenceMigrationPath = new URL('../drizzle/0002_reference_data.sql', import.meta.url);

writeFileSync(referenceMigrationPath, referenceDataSql(referenceData()));
console.log(`wrote ${referenceMigrationPath.pathname}`);
