/**
 * The search index is split by vocabulary into shards: Pagefind bundles written one after another,
 * each holding every record but only the coded words of one range (the others stand as gaps, which
 * keep their positions and index nothing). Pagefind holds every indexed position of a bundle until it
 * writes it, so a shard's peak memory is its share of the positions. On the search page the shards are
 * merged (`mergeIndex`); a query word lies in one shard's range, and every other shard loads no chunk
 * for it, because Pagefind loads only a chunk whose word range covers the word.
 */

/**
 * Indexed positions (coded words; gaps are not counted) per shard at most. Each shard costs a pass over
 * every position, gaps included, so shards are few: measured at 2,000 generated reports (5.6 million
 * indexed positions, 6.0 million with gaps), one index took 0.84 GiB and 27–29 s, two shards
 * 0.46–0.52 GiB and 36–40 s. So 2 shards at 10,000 reports, 3 at 20,000.
 */
export const SHARD_POSITIONS = 24_000_000;

/** Characters of a word that decide its shard: a bigram's first character code, or a marker and two. */
const PREFIX = 3;

/** How many shards an index of `positions` positions takes, `perShard` each at most (about). */
export function shardCount(positions: number, perShard = SHARD_POSITIONS): number {
  if (!(perShard > 0)) throw new Error(`positions per shard must be positive, not ${perShard}`);
  return Math.max(1, Math.ceil(positions / perShard));
}

/**
 * Lower bounds of shards 1 … `shards` − 1 (shard 0 starts below every word): word prefixes cut so that
 * each shard holds about an equal share of `counts` (indexed positions by word prefix). Bounds are
 * compared with whole words in code-unit order, which is Pagefind's order of its ASCII words.
 */
export function shardBounds(counts: ReadonlyMap<string, number>, shards: number): string[] {
  const prefixes = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const bounds: string[] = [];
  let seen = 0;
  for (const prefix of prefixes) {
    // A prefix starts a new shard once the shards so far hold their share.
    if (bounds.length < shards - 1 && seen >= (total * (bounds.length + 1)) / shards) bounds.push(prefix);
    seen += counts.get(prefix)!;
  }
  return bounds;
}

/** Counts a coded word (not a gap) under its prefix. */
export function countWord(counts: Map<string, number>, word: string): void {
  const prefix = word.slice(0, PREFIX);
  counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
}

/** Whether a coded word belongs to shard `k` of `bounds`. */
export function inShard(bounds: readonly string[], k: number): (word: string) => boolean {
  const low = k === 0 ? undefined : bounds[k - 1];
  const high = bounds[k];
  // A word starting with a bound's prefix compares at or above it: whole words need no slicing.
  return (word) => (low === undefined || word >= low) && (high === undefined || word < high);
}
