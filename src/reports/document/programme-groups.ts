import type { reportGroupings } from '../schema.ts';
import type { SnapshotProgramme } from './snapshot.ts';

export type Grouping = (typeof reportGroupings)[number];

/** A heading (null: none) over programmes or over subgroups, as the report's grouping asks. */
export type Grouped<T> = { heading: string | null; programmes: T[]; groups: Array<Grouped<T>> };

/** Where a programme goes: key null means "not stated", which always comes last. */
type Bucket = { key: string | null; label: string; rank: number };
export type GroupNamers = {
  level(programme: SnapshotProgramme): Bucket;
  agency(programme: SnapshotProgramme): Bucket;
};

/** Programmes keep their row order inside a group; groups follow their rank, then first appearance. */
function bucketsOf(programmes: SnapshotProgramme[], bucketOf: (p: SnapshotProgramme) => Bucket) {
  const buckets = new Map<string | null, { bucket: Bucket; items: SnapshotProgramme[] }>();
  for (const programme of programmes) {
    const bucket = bucketOf(programme);
    const entry = buckets.get(bucket.key) ?? { bucket, items: [] };
    entry.items.push(programme);
    buckets.set(bucket.key, entry);
  }
  const rank = (b: Bucket) => (b.key === null ? Number.POSITIVE_INFINITY : b.rank);
  return [...buckets.values()].sort((a, b) => rank(a.bucket) - rank(b.bucket));
}

export function groupProgrammes(
  programmes: SnapshotProgramme[],
  grouping: Grouping,
  namers: GroupNamers,
): Array<Grouped<SnapshotProgramme>> {
  const flat = (bucketOf: (p: SnapshotProgramme) => Bucket) =>
    bucketsOf(programmes, bucketOf).map(({ bucket, items }) => ({
      heading: bucket.label,
      programmes: items,
      groups: [],
    }));
  switch (grouping) {
    case 'none':
      return programmes.length === 0 ? [] : [{ heading: null, programmes, groups: [] }];
    case 'level':
      return flat(namers.level);
    case 'agency':
      return flat(namers.agency);
    case 'level-agency':
      return bucketsOf(programmes, namers.level).map(({ bucket, items }) => ({
        heading: bucket.label,
        programmes: [],
        groups: bucketsOf(items, namers.agency).map((inner) => ({
          heading: inner.bucket.label,
          programmes: inner.items,
          groups: [],
        })),
      }));
  }
}
