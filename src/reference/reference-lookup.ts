import { createNameResolver, type NameResolver } from './name-resolver.ts';
import { referenceData } from './reference-data.ts';

let cached: { resolver: NameResolver; partyName: (code: string) => string | undefined } | undefined;

/** Name resolver over the shipped reference data, built once per process. */
export function referenceResolver() {
  if (!cached) {
    const data = referenceData();
    const names = new Map(data.parties.map((p) => [p.code, p.names.en]));
    cached = { resolver: createNameResolver(data), partyName: (code: string) => names.get(code) };
  }
  return cached;
}
