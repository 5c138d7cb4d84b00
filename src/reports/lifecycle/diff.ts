import type { ReportSnapshot, SnapshotProgramme } from '../document/snapshot.ts';

/** Numbers are 1-based, as the document numbers its paragraphs. */
export type ParagraphChange =
  | { kind: 'added'; number: number; after: string }
  | { kind: 'removed'; number: number; before: string }
  | { kind: 'changed'; beforeNumber: number; afterNumber: number; before: string; after: string };

/**
 * The fields of a programme a reader can see change between two versions. The row number is left
 * out: one programme added near the top renumbers every one after it.
 */
export const programmeFields = [
  'title',
  'description',
  'startDate',
  'endDate',
  'level',
  'activityType',
  'ipAreas',
  'beneficiaries',
  'agencies',
] as const;
export type ProgrammeField = (typeof programmeFields)[number];

export type ProgrammeChange = {
  before: SnapshotProgramme;
  after: SnapshotProgramme;
  fields: ProgrammeField[];
};

export type SnapshotDiff = {
  paragraphs: ParagraphChange[];
  addedProgrammes: SnapshotProgramme[];
  removedProgrammes: SnapshotProgramme[];
  changedProgrammes: ProgrammeChange[];
};

/** Indexes of the longest common subsequence of two lists, as [i, j] pairs in order. */
function commonSubsequence(a: string[], b: string[]): Array<[number, number]> {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lengths[i] as number[];
      row[j] =
        a[i] === b[j]
          ? (lengths[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(lengths[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const pairs: Array<[number, number]> = [];
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if ((lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return pairs;
}

/**
 * Paragraphs kept unchanged are the longest common run; between two kept ones, removed and added
 * paragraphs are paired in order as "changed" (an edited paragraph), the rest stay added/removed.
 */
export function diffParagraphs(before: string[], after: string[]): ParagraphChange[] {
  const changes: ParagraphChange[] = [];
  let [i, j] = [0, 0];
  const kept: Array<[number, number]> = [...commonSubsequence(before, after), [before.length, after.length]];
  for (const [keptI, keptJ] of kept) {
    const removed = before.slice(i, keptI);
    const added = after.slice(j, keptJ);
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) {
      changes.push({
        kind: 'changed',
        beforeNumber: i + k + 1,
        afterNumber: j + k + 1,
        before: removed[k] as string,
        after: added[k] as string,
      });
    }
    removed.slice(paired).forEach((text, k) => {
      changes.push({ kind: 'removed', number: i + paired + k + 1, before: text });
    });
    added.slice(paired).forEach((text, k) => {
      changes.push({ kind: 'added', number: j + paired + k + 1, after: text });
    });
    [i, j] = [keptI + 1, keptJ + 1];
  }
  return changes;
}

/** A comparable form of one field: key order and absent translations do not count as changes. */
function fieldValue(programme: SnapshotProgramme, field: ProgrammeField): string {
  const texts = (text: Record<string, string | undefined>) =>
    Object.entries(text)
      .filter(([, value]) => value !== undefined && value !== '')
      .sort(([a], [b]) => a.localeCompare(b));
  switch (field) {
    case 'title':
      return JSON.stringify(texts(programme.title));
    case 'description':
      return JSON.stringify(texts(programme.description));
    case 'startDate':
      return JSON.stringify([programme.startDate, programme.startDate ? programme.startPrecision : null]);
    case 'endDate':
      return JSON.stringify([programme.endDate, programme.endDate ? programme.endPrecision : null]);
    case 'beneficiaries':
      return JSON.stringify(
        programme.beneficiaries.map((b) => [b.kind, b.code, b.code ? '' : b.nameAsWritten]),
      );
    case 'agencies':
      return JSON.stringify(programme.agencies.map((a) => [a.code, a.role]));
    default:
      return JSON.stringify(programme[field]);
  }
}

/** What changed from one published version of a report to another; pure. */
export function diffSnapshots(before: ReportSnapshot, after: ReportSnapshot): SnapshotDiff {
  const beforeById = new Map(before.programmes.map((p) => [p.activityId, p]));
  const afterIds = new Set(after.programmes.map((p) => p.activityId));
  const changedProgrammes: ProgrammeChange[] = [];
  for (const programme of after.programmes) {
    const previous = beforeById.get(programme.activityId);
    if (!previous) continue;
    const fields = programmeFields.filter(
      (field) => fieldValue(previous, field) !== fieldValue(programme, field),
    );
    if (fields.length > 0) changedProgrammes.push({ before: previous, after: programme, fields });
  }
  return {
    paragraphs: diffParagraphs(before.narrative, after.narrative),
    addedProgrammes: after.programmes.filter((p) => !beforeById.has(p.activityId)),
    removedProgrammes: before.programmes.filter((p) => !afterIds.has(p.activityId)),
    changedProgrammes,
  };
}

export const isUnchanged = (diff: SnapshotDiff) =>
  diff.paragraphs.length === 0 &&
  diff.addedProgrammes.length === 0 &&
  diff.removedProgrammes.length === 0 &&
  diff.changedProgrammes.length === 0;
