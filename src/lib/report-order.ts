/** Ordering rules for reports: by date, and related reading. */

export interface OrderableReport {
  id: string;
  year: number;
  date?: { value: string } | undefined;
  region: string;
  regionLineage: readonly string[];
  topics: readonly string[];
}

/** Sort key: the most precise date known, padded so `2024` sorts before `2024-09`. */
export function dateKey(report: OrderableReport): string {
  return report.date?.value ?? String(report.year);
}

/** Oldest first; ties broken by id so the order is stable across builds. */
export function chronological<R extends OrderableReport>(reports: readonly R[]): R[] {
  return [...reports].sort((a, b) => dateKey(a).localeCompare(dateKey(b)) || a.id.localeCompare(b.id));
}

/** Bits set in a 32-bit word. */
function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Related reading for every report of the archive: the `limit` most related others, scored by shared
 * topics (2 each), the same region (2) and a shared region below the country (1); reports with nothing
 * in common are left out, and among equals the newer comes first. `newestFirst` is the archive's order
 * (newest first, as `chronological(...).reverse()`), which is also the tie-break.
 *
 * Every pair is scored, but from integers prepared once (topic bit sets, region numbers), and only the
 * best `limit` are kept: no sort of the archive per report.
 */
export function relatedReading<R extends OrderableReport>(newestFirst: readonly R[], limit = 5): Map<string, R[]> {
  const topicBit = new Map<string, number>();
  const regionNumber = new Map<string, number>();
  const number = (map: Map<string, number>, key: string) => {
    let n = map.get(key);
    if (n === undefined) map.set(key, (n = map.size));
    return n;
  };
  const words = Math.max(1, Math.ceil(new Set(newestFirst.flatMap((r) => r.topics)).size / 32));
  const masks = new Uint32Array(newestFirst.length * words);
  const regions = new Int32Array(newestFirst.length);
  // Two lineages share a region below the country exactly when they share their first such region.
  const tops = new Int32Array(newestFirst.length);
  newestFirst.forEach((report, i) => {
    for (const topic of report.topics) {
      const bit = number(topicBit, topic);
      masks[i * words + (bit >>> 5)]! |= 1 << (bit & 31);
    }
    regions[i] = number(regionNumber, report.region);
    const top = report.regionLineage.find((r) => r !== 'china');
    tops[i] = top === undefined ? -1 : number(regionNumber, top);
  });
  const related = new Map<string, R[]>();
  const best: { index: number; score: number }[] = [];
  for (let i = 0; i < newestFirst.length; i++) {
    best.length = 0;
    for (let j = 0; j < newestFirst.length; j++) {
      if (j === i) continue;
      let shared = 0;
      for (let w = 0; w < words; w++) shared += popcount(masks[i * words + w]! & masks[j * words + w]!);
      const score = shared * 2 + (regions[i] === regions[j] ? 2 : 0) + (tops[i] !== -1 && tops[i] === tops[j] ? 1 : 0);
      if (score === 0 || (best.length === limit && best[limit - 1]!.score >= score)) continue;
      // After every kept report scoring at least as much: they come earlier, so they are newer.
      let at = best.length;
      while (at > 0 && best[at - 1]!.score < score) at -= 1;
      best.splice(at, 0, { index: j, score });
      if (best.length > limit) best.pop();
    }
    related.set(
      newestFirst[i]!.id,
      best.map(({ index }) => newestFirst[index]!),
    );
  }
  return related;
}
