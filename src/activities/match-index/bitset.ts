/** A fixed-size set of small whole numbers (activity ordinals), 32 to a word. */
export class Bitset {
  readonly words: Uint32Array;
  constructor(readonly size: number) {
    this.words = new Uint32Array((size + 31) >>> 5);
  }

  static of(size: number, members: ArrayLike<number>, length = members.length): Bitset {
    const set = new Bitset(size);
    const words = set.words;
    for (let i = 0; i < length; i++) {
      const n = members[i] as number;
      words[n >>> 5] = (words[n >>> 5] as number) | (1 << (n & 31));
    }
    return set;
  }

  copy(): Bitset {
    const set = new Bitset(this.size);
    set.words.set(this.words);
    return set;
  }

  has(n: number): boolean {
    return n < this.size && ((this.words[n >>> 5] as number) & (1 << (n & 31))) !== 0;
  }

  add(n: number): void {
    this.words[n >>> 5] = (this.words[n >>> 5] as number) | (1 << (n & 31));
  }

  remove(n: number): void {
    this.words[n >>> 5] = (this.words[n >>> 5] as number) & ~(1 << (n & 31));
  }

  and(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) & (b[i] ?? 0);
    return this;
  }

  or(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) | (b[i] ?? 0);
    return this;
  }

  andNot(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) & ~(b[i] ?? 0);
    return this;
  }

  /** Everything below size that is not in the set. */
  not(): this {
    const a = this.words;
    for (let i = 0; i < a.length; i++) a[i] = ~(a[i] as number);
    const tail = this.size & 31;
    if (tail !== 0 && a.length > 0) a[a.length - 1] = (a[a.length - 1] as number) & ((1 << tail) - 1);
    return this;
  }

  count(): number {
    let n = 0;
    const a = this.words;
    for (let i = 0; i < a.length; i++) {
      let v = a[i] as number;
      if (v === 0) continue;
      v -= (v >>> 1) & 0x55555555;
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return n;
  }

  /** Calls visit for each member, in increasing order. */
  forEach(visit: (n: number) => void): void {
    const a = this.words;
    for (let i = 0; i < a.length; i++) {
      let v = a[i] as number;
      while (v !== 0) {
        const low = v & -v;
        visit((i << 5) + 31 - Math.clz32(low));
        v ^= low;
      }
    }
  }

  /** The members in increasing order. */
  toArray(): Int32Array {
    const out = new Int32Array(this.count());
    let k = 0;
    this.forEach((n) => {
      out[k++] = n;
    });
    return out;
  }
}
