import { Bitset } from './bitset.ts';
import { type QueryNode, rankingTerms } from './tsquery-text.ts';
import { readTsvector } from './tsvector-text.ts';

/** One row of activity_search as the index takes it in. */
export type IndexedActivity = {
  activityId: number;
  donor: string;
  startDate: string | null;
  ipAreas: string[];
  /** Elements of Article 67. */
  elements: string[];
  type: string | null;
  level: string | null;
  status: string | null;
  beneficiaries: string[];
  regions: string[];
  ldc: boolean;
  /** search_vector in its text form. */
  vector: string;
};

/** What narrows the set besides the words: the same filters as activityWhere(). */
export type IndexFilters = {
  donor?: string | undefined;
  beneficiary?: string | undefined;
  region?: string | undefined;
  ldc?: string | undefined;
  ipArea?: string | undefined;
  element?: string | undefined;
  type?: string | undefined;
  level?: string | undefined;
  status?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
};

export type IndexFacetCount = { code: string; count: number };
export type IndexFacets = {
  total: number;
  donors: IndexFacetCount[];
  beneficiaries: IndexFacetCount[];
  regions: IndexFacetCount[];
  ldc: number;
  ipAreas: IndexFacetCount[];
  elements: IndexFacetCount[];
  types: IndexFacetCount[];
  levels: IndexFacetCount[];
  statuses: IndexFacetCount[];
  years: IndexFacetCount[];
};

/** ts_rank's default weights for D, C, B, A. */
const weightValues = [0.1, 0.2, 0.4, 1.0];
const noDay = -2147483648;

/** A growing list of ordinals (ascending, since ordinals only grow) with one weight each. */
class Postings {
  ids = new Uint32Array(4);
  weights: Uint8Array | null;
  length = 0;
  constructor(weighted: boolean) {
    this.weights = weighted ? new Uint8Array(4) : null;
  }
  push(ordinal: number, weight: number) {
    if (this.length === this.ids.length) {
      const ids = new Uint32Array(this.ids.length * 2);
      ids.set(this.ids);
      this.ids = ids;
      if (this.weights) {
        const weights = new Uint8Array(this.ids.length);
        weights.set(this.weights);
        this.weights = weights;
      }
    }
    this.ids[this.length] = ordinal;
    if (this.weights) this.weights[this.length] = weight;
    this.length++;
  }
}

/** Several codes per ordinal (beneficiaries, regions, IP areas, elements) in one pool. */
class MultiColumn {
  pool = new Uint16Array(1024);
  used = 0;
  start = new Uint32Array(1024);
  count = new Uint8Array(1024);
  set(ordinal: number, codes: number[]) {
    if (ordinal >= this.start.length) {
      const size = Math.max(ordinal + 1, this.start.length * 2);
      this.start = grow(this.start, size, Uint32Array);
      this.count = grow(this.count, size, Uint8Array);
    }
    if (this.used + codes.length > this.pool.length) {
      this.pool = grow(this.pool, Math.max(this.used + codes.length, this.pool.length * 2), Uint16Array);
    }
    this.start[ordinal] = this.used;
    this.count[ordinal] = Math.min(255, codes.length);
    for (const code of codes.slice(0, 255)) this.pool[this.used++] = code;
  }
}

function grow<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(
  array: T,
  size: number,
  Kind: new (size: number) => T,
): T {
  if (array.length >= size) return array;
  const next = new Kind(size);
  next.set(array);
  return next;
}

const bump = (counts: Int32Array, at: number) => {
  counts[at] = (counts[at] as number) + 1;
};

type FacetKey =
  | 'donor'
  | 'beneficiary'
  | 'region'
  | 'ip-area'
  | 'element'
  | 'type'
  | 'level'
  | 'status'
  | 'year'
  | 'ldc';

/**
 * An in-memory copy of the search index (activity_search): every public activity under an
 * ordinal, an inverted list per word and per facet value, and narrow columns for counting. It
 * answers the same questions as the SQL over activity_search, from the same words: which
 * activities match a tsquery and filters, how they divide by every facet, and one page of them.
 * Changed activities get a new ordinal and their old one is dropped from the live set.
 */
export class MatchIndex {
  /** Ordinals handed out so far (live or dropped). */
  size = 0;
  private live = new Bitset(0);
  private liveCount = 0;
  private activityIds = new Int32Array(1024);
  private days = new Int32Array(1024);
  private donor = new Int32Array(1024);
  private type = new Int32Array(1024);
  private level = new Int32Array(1024);
  private status = new Int32Array(1024);
  private year = new Int32Array(1024);
  private ldc = new Uint8Array(1024);
  private beneficiaries = new MultiColumn();
  private regions = new MultiColumn();
  private ipAreas = new MultiColumn();
  private elements = new MultiColumn();
  private readonly ordinalOf = new Map<number, number>();
  private readonly words = new Map<string, Postings>();
  private readonly values = new Map<string, Postings>();
  private readonly codes: string[] = [];
  private readonly codeIndex = new Map<string, number>();
  private scores = new Float32Array(0);

  get activityCount(): number {
    return this.liveCount;
  }

  get droppedCount(): number {
    return this.size - this.liveCount;
  }

  private code(value: string): number {
    let n = this.codeIndex.get(value);
    if (n === undefined) {
      n = this.codes.length;
      this.codes.push(value);
      this.codeIndex.set(value, n);
    }
    return n;
  }

  private postValue(facet: FacetKey, value: string, ordinal: number) {
    const key = `${facet}\u0000${value}`;
    let list = this.values.get(key);
    if (!list) {
      list = new Postings(false);
      this.values.set(key, list);
    }
    list.push(ordinal, 0);
  }

  /** Adds or replaces one activity. */
  put(row: IndexedActivity): void {
    this.remove(row.activityId);
    const o = this.size++;
    if (o >= this.activityIds.length) {
      const size = this.activityIds.length * 2;
      this.activityIds = grow(this.activityIds, size, Int32Array);
      this.days = grow(this.days, size, Int32Array);
      this.donor = grow(this.donor, size, Int32Array);
      this.type = grow(this.type, size, Int32Array);
      this.level = grow(this.level, size, Int32Array);
      this.status = grow(this.status, size, Int32Array);
      this.year = grow(this.year, size, Int32Array);
      this.ldc = grow(this.ldc, size, Uint8Array);
    }
    if (o >= this.live.size) {
      const live = new Bitset(Math.max(1024, this.live.size * 2));
      live.words.set(this.live.words);
      this.live = live;
    }
    this.live.add(o);
    this.liveCount++;
    this.ordinalOf.set(row.activityId, o);
    this.activityIds[o] = row.activityId;
    this.days[o] = row.startDate ? Math.floor(Date.parse(`${row.startDate}T00:00:00Z`) / 86_400_000) : noDay;
    const year = row.startDate ? row.startDate.slice(0, 4).replace(/^0+/, '') : null;
    const optional = (value: string | null) => (value === null ? -1 : this.code(value));
    this.donor[o] = this.code(row.donor);
    this.type[o] = optional(row.type);
    this.level[o] = optional(row.level);
    this.status[o] = optional(row.status);
    this.year[o] = optional(year);
    this.ldc[o] = row.ldc ? 1 : 0;
    this.beneficiaries.set(
      o,
      row.beneficiaries.map((c) => this.code(c)),
    );
    this.regions.set(
      o,
      row.regions.map((c) => this.code(c)),
    );
    this.ipAreas.set(
      o,
      row.ipAreas.map((c) => this.code(c)),
    );
    this.elements.set(
      o,
      row.elements.map((c) => this.code(c)),
    );
    this.postValue('donor', row.donor, o);
    for (const c of new Set(row.beneficiaries)) this.postValue('beneficiary', c, o);
    for (const c of new Set(row.regions)) this.postValue('region', c, o);
    for (const c of new Set(row.ipAreas)) this.postValue('ip-area', c, o);
    for (const c of new Set(row.elements)) this.postValue('element', c, o);
    if (row.type !== null) this.postValue('type', row.type, o);
    if (row.level !== null) this.postValue('level', row.level, o);
    if (row.status !== null) this.postValue('status', row.status, o);
    if (year !== null) this.postValue('year', year, o);
    if (row.ldc) this.postValue('ldc', '1', o);
    readTsvector(row.vector, (lexeme, weight) => {
      let list = this.words.get(lexeme);
      if (!list) {
        list = new Postings(true);
        this.words.set(lexeme, list);
      }
      list.push(o, weight);
    });
  }

  /** Drops an activity (no longer public, or deleted). */
  remove(activityId: number): void {
    const o = this.ordinalOf.get(activityId);
    if (o === undefined) return;
    this.ordinalOf.delete(activityId);
    this.live.remove(o);
    this.liveCount--;
  }

  /** The live ordinals of some activities, as a set (activities not indexed are left out). */
  ordinals(activityIds: number[]): Bitset {
    const set = new Bitset(this.size);
    for (const id of activityIds) {
      const o = this.ordinalOf.get(id);
      if (o !== undefined) set.add(o);
    }
    return set;
  }

  private postingsSet(list: Postings | undefined): Bitset {
    return list ? Bitset.of(this.size, list.ids, list.length) : new Bitset(this.size);
  }

  private evaluate(node: QueryNode): Bitset {
    switch (node.kind) {
      case 'term': {
        if (!node.prefix) return this.postingsSet(this.words.get(node.lexeme));
        const set = new Bitset(this.size);
        for (const [lexeme, list] of this.words) {
          if (lexeme.startsWith(node.lexeme)) set.or(this.postingsSet(list));
        }
        return set;
      }
      case 'not':
        return this.evaluate(node.operand).not();
      case 'and':
        return this.evaluate(node.left).and(this.evaluate(node.right));
      case 'or':
        return this.evaluate(node.left).or(this.evaluate(node.right));
      case 'phrase':
        throw new Error('Phrases are answered by PostgreSQL, not by the in-memory index.');
    }
  }

  /**
   * The live activities matching a tsquery (undefined: no words asked; null: PostgreSQL's empty
   * query, which matches nothing) and filters.
   */
  match(query: QueryNode | null | undefined, filters: IndexFilters): Bitset {
    const set = new Bitset(this.size);
    set.words.set(this.live.words.subarray(0, set.words.length));
    if (query === null) return new Bitset(this.size);
    if (query) set.and(this.evaluate(query));
    const value = (facet: FacetKey, code: string | undefined) => {
      if (code !== undefined) set.and(this.postingsSet(this.values.get(`${facet}\u0000${code}`)));
    };
    value('donor', filters.donor);
    value('beneficiary', filters.beneficiary);
    value('region', filters.region);
    value('ip-area', filters.ipArea);
    value('element', filters.element);
    value('type', filters.type);
    value('level', filters.level);
    value('status', filters.status);
    if (filters.ldc) value('ldc', '1');
    if (filters.from !== undefined || filters.to !== undefined) {
      const years = new Bitset(this.size);
      const from = filters.from ?? Number.NEGATIVE_INFINITY;
      const to = filters.to ?? Number.POSITIVE_INFINITY;
      for (const [key, list] of this.values) {
        if (!key.startsWith('year\u0000')) continue;
        const year = Number(key.slice(5));
        if (year >= from && year <= to) years.or(this.postingsSet(list));
      }
      set.and(years);
    }
    return set;
  }

  /** Every facet of a set of matches, counted as facetsAndPage() counts them in SQL. */
  facets(set: Bitset, limit: number): IndexFacets {
    const n = this.codes.length;
    const donors = new Int32Array(n);
    const beneficiaries = new Int32Array(n);
    const regions = new Int32Array(n);
    const ipAreas = new Int32Array(n);
    const elements = new Int32Array(n);
    const types = new Int32Array(n);
    const levels = new Int32Array(n);
    const statuses = new Int32Array(n);
    const years = new Int32Array(n);
    let total = 0;
    let ldc = 0;
    const { donor, type, level, status, year } = this;
    const ldcColumn = this.ldc;
    const b = this.beneficiaries;
    const r = this.regions;
    const a = this.ipAreas;
    const e = this.elements;
    const [bPool, bStart, bCount] = [b.pool, b.start, b.count];
    const [rPool, rStart, rCount] = [r.pool, r.start, r.count];
    const [aPool, aStart, aCount] = [a.pool, a.start, a.count];
    const [ePool, eStart, eCount] = [e.pool, e.start, e.count];
    const words = set.words;
    for (let w = 0; w < words.length; w++) {
      let v = words[w] as number;
      while (v !== 0) {
        const low = v & -v;
        const o = (w << 5) + 31 - Math.clz32(low);
        v ^= low;
        total++;
        ldc += ldcColumn[o] as number;
        bump(donors, donor[o] as number);
        const t = type[o] as number;
        if (t >= 0) bump(types, t);
        const l = level[o] as number;
        if (l >= 0) bump(levels, l);
        const s = status[o] as number;
        if (s >= 0) bump(statuses, s);
        const y = year[o] as number;
        if (y >= 0) bump(years, y);
        for (let k = bStart[o] as number, end = k + (bCount[o] as number); k < end; k++) {
          bump(beneficiaries, bPool[k] as number);
        }
        for (let k = rStart[o] as number, end = k + (rCount[o] as number); k < end; k++) {
          bump(regions, rPool[k] as number);
        }
        for (let k = aStart[o] as number, end = k + (aCount[o] as number); k < end; k++) {
          bump(ipAreas, aPool[k] as number);
        }
        for (let k = eStart[o] as number, end = k + (eCount[o] as number); k < end; k++) {
          bump(elements, ePool[k] as number);
        }
      }
    }
    const top = (counts: Int32Array): IndexFacetCount[] => {
      const list: IndexFacetCount[] = [];
      for (let c = 0; c < counts.length; c++) {
        const count = counts[c] as number;
        if (count > 0) list.push({ code: this.codes[c] as string, count });
      }
      list.sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      return list.slice(0, limit);
    };
    return {
      total,
      ldc,
      donors: top(donors),
      beneficiaries: top(beneficiaries),
      regions: top(regions),
      ipAreas: top(ipAreas),
      elements: top(elements),
      types: top(types),
      levels: top(levels),
      statuses: top(statuses),
      years: top(years).sort((a, b) => b.code.localeCompare(a.code)),
    };
  }

  /**
   * Activity ids of one page of the matches, newest first (undated last) or by relevance: the sum
   * over the query's words of the strongest weight each has in the activity (title A, description
   * B, agencies C, as ts_rank weighs them). Ties go to the lower id.
   */
  page(
    set: Bitset,
    order: { by: 'date' } | { by: 'relevance'; query: QueryNode },
    offset: number,
    limit: number,
  ): number[] {
    const wanted = offset + limit;
    const ids = this.activityIds;
    let key: Float64Array | Int32Array | Float32Array = this.days;
    let touched: number[] = [];
    if (order.by === 'relevance') {
      if (this.scores.length < this.size) this.scores = new Float32Array(Math.max(this.size, 1024) * 2);
      const scores = this.scores;
      const members = set.words;
      touched = [];
      for (const lexeme of rankingTerms(order.query)) {
        const list = this.words.get(lexeme);
        if (!list?.weights) continue;
        const listIds = list.ids;
        for (let k = 0; k < list.length; k++) {
          const o = listIds[k] as number;
          if (((members[o >>> 5] as number) & (1 << (o & 31))) === 0) continue;
          if (scores[o] === 0) touched.push(o);
          scores[o] = (scores[o] as number) + (weightValues[list.weights[k] as number] as number);
        }
      }
      key = scores;
    }
    // a ranks before b: the higher key, then the lower activity id.
    const before = (a: number, b: number) => {
      const ka = key[a] as number;
      const kb = key[b] as number;
      return ka > kb || (ka === kb && (ids[a] as number) < (ids[b] as number));
    };
    // A heap of the best `wanted` so far, the weakest on top.
    const heap: number[] = [];
    const siftDown = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let weakest = i;
        if (l < heap.length && before(heap[weakest] as number, heap[l] as number)) weakest = l;
        if (r < heap.length && before(heap[weakest] as number, heap[r] as number)) weakest = r;
        if (weakest === i) return;
        [heap[i], heap[weakest]] = [heap[weakest] as number, heap[i] as number];
        i = weakest;
      }
    };
    const siftUp = (i: number) => {
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent] as number, heap[i] as number)) return;
        [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
        i = parent;
      }
    };
    if (wanted > 0) {
      const members = set.words;
      for (let w = 0; w < members.length; w++) {
        let v = members[w] as number;
        while (v !== 0) {
          const low = v & -v;
          const o = (w << 5) + 31 - Math.clz32(low);
          v ^= low;
          if (heap.length < wanted) {
            heap.push(o);
            siftUp(heap.length - 1);
          } else {
            // Most matches lose to the weakest kept one on the key alone.
            const top = heap[0] as number;
            if ((key[o] as number) < (key[top] as number)) continue;
            if (before(o, top)) {
              heap[0] = o;
              siftDown(0);
            }
          }
        }
      }
    }
    heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    if (order.by === 'relevance') for (const o of touched) this.scores[o] = 0;
    return heap.slice(offset).map((o) => ids[o] as number);
  }
}
