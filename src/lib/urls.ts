import { joinBase } from './paths.ts';

/** The one helper every internal link goes through: prefixes the configured base path. */
export function pathWithBase(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** Absolute URL (for canonical links, feeds, citations): site origin + base + path. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  const relative = pathWithBase(path);
  return site ? new URL(relative, site).href : relative;
}

/** Route paths of the archive, so page files and links agree on one URL scheme. */
export const routes = {
  home: () => '/',
  report: (id: string) => `/reports/${id}/`,
  reports: () => '/reports/',
  region: (slug: string) => `/regions/${slug}/`,
  regionFeed: (slug: string) => `/regions/${slug}/rss.xml`,
  regions: () => '/regions/',
  year: (year: number) => `/years/${year}/`,
  years: () => '/years/',
  topic: (slug: string) => `/topics/${slug}/`,
  topicFeed: (slug: string) => `/topics/${slug}/rss.xml`,
  topics: () => '/topics/',
  search: () => '/search/',
  editorial: () => '/editorial/',
  data: () => '/data/',
  metric: (slug: string) => `/data/${slug}/`,
  /** A metric's values as files beside its page: the archive-wide export's rows for that metric. */
  metricCsv: (slug: string) => `/data/${slug}.csv`,
  metricJson: (slug: string) => `/data/${slug}.json.gz`,
  original: (file: string) => `/originals/${file}`,
  feed: () => '/rss.xml',
} as const;

type Routes = typeof routes;

/** A link to one of the archive's routes, base path included: `href('report', id)` → `/union-archive/reports/<id>/`. */
export function href<K extends keyof Routes>(route: K, ...args: Parameters<Routes[K]>): string {
  return pathWithBase((routes[route] as (...a: Parameters<Routes[K]>) => string)(...args));
}
