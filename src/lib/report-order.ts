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

/**
 * Related reading: shared topics count most, then the same region, then a shared parent region;
 * reports with nothing in common are left out.
 */
export function relatedReports<R extends OrderableReport>(report: R, all: readonly R[], limit = 5): R[] {
  const score = (other: R) => {
    const sharedTopics = other.topics.filter((t) => report.topics.includes(t)).length;
    const sameRegion = other.region === report.region ? 2 : 0;
    const sharedAncestor = other.regionLineage.some((r) => report.regionLineage.includes(r) && r !== 'china') ? 1 : 0;
    return sharedTopics * 2 + sameRegion + sharedAncestor;
  };
  return all
    .filter((other) => other.id !== report.id)
    .map((other) => ({ other, score: score(other) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || dateKey(b.other).localeCompare(dateKey(a.other)))
    .slice(0, limit)
    .map(({ other }) => other);
}
