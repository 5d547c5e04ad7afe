import { describe, expect, it } from 'vitest';
import { createRandom } from '../../tools/shared/prng.ts';
import { countWord, inShard, shardBounds, shardCount } from '../../tools/search-index/shards.ts';
import { joinGaps } from '../../tools/search-index/write-bundle.ts';

/** Random coded words: bigrams of 3-digit codes, `y` unigrams and `z` codes, with a skewed frequency. */
function randomWords(seed: string, count: number): string[] {
  const random = createRandom(seed);
  const code = () => (random.next() < 0.9 ? random.int(0, 1500) : random.int(0, 46655)).toString(36).padStart(3, '0');
  return Array.from({ length: count }, () => {
    const kind = random.next();
    if (kind < 0.1) return `y${code()}`;
    if (kind < 0.15) return `z${random.int(0, 1679615).toString(36).padStart(4, '0')}${code()}`;
    return code() + code();
  });
}

describe('index shards by vocabulary', () => {
  it('takes as many shards as the positions need', () => {
    expect(shardCount(0, 100)).toBe(1);
    expect(shardCount(100, 100)).toBe(1);
    expect(shardCount(101, 100)).toBe(2);
    expect(() => shardCount(10, 0)).toThrow(/positive/);
  });

  for (const shards of [1, 2, 3, 7]) {
    it(`puts every word in exactly one of ${shards} shards, in ranges of about equal positions`, () => {
      const words = randomWords(`shards-${shards}`, 20_000);
      const counts = new Map<string, number>();
      for (const word of words) countWord(counts, word);
      const bounds = shardBounds(counts, shards);
      expect(bounds).toHaveLength(shards - 1);
      const held = Array.from({ length: shards }, () => 0);
      for (const word of words) {
        const owners = held.map((_, k) => k).filter((k) => inShard(bounds, k)(word));
        expect(owners, word).toHaveLength(1);
        held[owners[0]!]!++;
      }
      // Pagefind loads a chunk only when its word range covers the query word: shards are disjoint
      // ranges in code-unit order, so every shard's words sort before the next shard's.
      const sorted = [...new Set(words)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const owner = sorted.map((word) => held.findIndex((_, k) => inShard(bounds, k)(word)));
      expect(owner).toEqual([...owner].sort((a, b) => a - b));
      // No shard holds much more than its share (a prefix is never split).
      const largestPrefix = Math.max(...counts.values());
      for (const n of held) expect(n).toBeLessThanOrEqual(words.length / shards + largestPrefix);
    });
  }
});

describe('gaps in a shard’s records', () => {
  it('writes a run of gaps as one word of as many hyphens, other words untouched', () => {
    expect(joinGaps('- - - 0a10b2 - y0a1 - -')).toBe('--- 0a10b2 - y0a1 --');
    expect(joinGaps('0a10b2 y0a1')).toBe('0a10b2 y0a1');
    const hyphens = (text: string) => text.split('').filter((c) => c === '-').length;
    const coded = Array.from({ length: 500 }, (_, i) => (i % 7 < 5 ? '-' : `w${i}`)).join(' ');
    expect(hyphens(joinGaps(coded))).toBe(hyphens(coded));
  });
});
