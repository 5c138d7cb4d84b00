import { describe, expect, it } from 'vitest';
import { cachedByKeyWhileUnchanged } from './kept-answers.ts';

describe('cachedByKeyWhileUnchanged', () => {
  it('writes each key once per version, drops the least recently used, and retries a failure', async () => {
    let version = 'v1';
    const cache = cachedByKeyWhileUnchanged<string>(async () => version, 2);
    const writes: string[] = [];
    const load = (key: string) => async () => {
      writes.push(`${key}@${version}`);
      return `${key} of ${version}`;
    };
    expect(await cache('a', load('a'))).toBe('a of v1');
    expect(await cache('a', load('a'))).toBe('a of v1');
    await cache('b', load('b'));
    await cache('a', load('a')); // a is now the most recent
    await cache('c', load('c')); // b goes
    await cache('a', load('a'));
    await cache('b', load('b'));
    expect(writes).toEqual(['a@v1', 'b@v1', 'c@v1', 'b@v1']);

    version = 'v2';
    expect(await cache('a', load('a'))).toBe('a of v2');

    let attempts = 0;
    const flaky = async () => {
      attempts++;
      if (attempts === 1) throw new Error('database away');
      return 'written';
    };
    await expect(cache('d', flaky)).rejects.toThrow('database away');
    expect(await cache('d', flaky)).toBe('written');
  });
});
