import type { ReferenceData } from './reference-data.ts';

const literal = (value: string | number | null): string =>
  value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;
const json = (value: unknown): string =>
  value === null ? 'NULL' : `${literal(JSON.stringify(value))}::jsonb`;

const breakpoint = '--> statement-breakpoint\n';

/**
 * The SQL migration that loads the reference files. It is generated (scripts/build-reference-migration.ts)
 * and committed, so the database is built from the same bytes on every machine; a test checks the
 * committed migration still matches the files.
 */
export function referenceDataSql(data: ReferenceData): string {
  const statements: string[] = [];
  const partyRows = data.parties.map((p) =>
    [
      p.code,
      p.kind,
      p.iso2,
      p.iso3,
      p.m49,
      p.names.en,
      p.names.fr,
      p.names.es,
      p.region,
      p.subregion,
      p.wtoMemberSince,
      p.scheduledGraduation,
    ]
      .map(literal)
      .concat(json(p.fullNames))
      .join(', '),
  );
  statements.push(
    `INSERT INTO parties (code, kind, iso2, iso3, m49, name_en, name_fr, name_es, region_code, subregion_code, wto_member_since, scheduled_graduation, full_names) VALUES\n(${partyRows.join('),\n(')})\nON CONFLICT (code) DO UPDATE SET kind = excluded.kind, iso2 = excluded.iso2, iso3 = excluded.iso3, m49 = excluded.m49, name_en = excluded.name_en, name_fr = excluded.name_fr, name_es = excluded.name_es, region_code = excluded.region_code, subregion_code = excluded.subregion_code, wto_member_since = excluded.wto_member_since, scheduled_graduation = excluded.scheduled_graduation, full_names = excluded.full_names, updated_at = now(), version = parties.version + 1;`,
  );
  const statusRows = data.parties.flatMap((p) =>
    p.status.map((s) => [p.code, s.status, s.from, s.to].map(literal).join(', ')),
  );
  statements.push(`DELETE FROM party_status_history;`);
  if (statusRows.length > 0) {
    statements.push(
      `INSERT INTO party_status_history (party_code, status, valid_from, valid_to) VALUES\n(${statusRows.join('),\n(')});`,
    );
  }
  const aliasRows = data.parties.flatMap((p) =>
    [...new Set(p.aliases)].map((alias) => [p.code, alias].map(literal).join(', ')),
  );
  statements.push(`DELETE FROM party_aliases;`);
  if (aliasRows.length > 0) {
    statements.push(`INSERT INTO party_aliases (party_code, alias) VALUES\n(${aliasRows.join('),\n(')});`);
  }
  const regionRows = data.regions.map((r) =>
    [r.code, r.kind, r.parent, r.names.en, r.names.fr, r.names.es]
      .map(literal)
      .concat(json(r.aliases))
      .join(', '),
  );
  statements.push(
    `INSERT INTO regions (code, kind, parent_code, name_en, name_fr, name_es, aliases) VALUES\n(${regionRows.join('),\n(')})\nON CONFLICT (code) DO UPDATE SET kind = excluded.kind, parent_code = excluded.parent_code, name_en = excluded.name_en, name_fr = excluded.name_fr, name_es = excluded.name_es, aliases = excluded.aliases;`,
  );
  const termRows = Object.entries(data.taxonomies).flatMap(([taxonomy, terms]) =>
    terms.map((t, index) => [taxonomy, t.key, t.en, t.fr, t.es, index + 1].map(literal).join(', ')),
  );
  statements.push(
    `INSERT INTO taxonomy_terms (taxonomy, key, label_en, label_fr, label_es, position) VALUES\n(${termRows.join('),\n(')})\nON CONFLICT (taxonomy, key) DO UPDATE SET label_en = excluded.label_en, label_fr = excluded.label_fr, label_es = excluded.label_es, position = excluded.position, updated_at = now(), version = taxonomy_terms.version + 1;`,
  );
  return `-- Generated from src/reference/data by scripts/build-reference-migration.ts. Do not edit by hand.\n${statements.join(`\n${breakpoint}`)}\n`;
}
