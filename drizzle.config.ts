import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Every feature keeps its tables in its own schema.ts (the accounts' role grants in roles-schema.ts).
  schema: './src/**/*schema.ts',
  out: './drizzle',
});
