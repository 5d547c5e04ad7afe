/**
 * schema.org metadata of a report, and its serialisation for a <script type="application/ld+json">.
 * Inside <script> the HTML parser ends the element at the first `</script`, whatever JSON says, so
 * every `<` is written as \u003c (and `>`, `&` likewise, for older parsers); U+2028 and U+2029 are
 * escaped too, as JavaScript before ES2019 cannot hold them in a string. The JSON still parses to the
 * same value.
 */

export interface JsonLdReport {
  title: string;
  subtitle?: string | undefined;
  url: string;
  /** ISO date at its precision, or the year. */
  datePublished: string;
  authors: readonly { name: string; role?: string | undefined }[];
  /** Region names from the top of the hierarchy down. */
  place: readonly string[];
  topics: readonly string[];
  summary: string;
  site: { name: string; url: string };
}

export function reportJsonLd(report: JsonLdReport): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Report',
    headline: report.title,
    ...(report.subtitle ? { alternativeHeadline: report.subtitle } : {}),
    inLanguage: 'zh-CN',
    url: report.url,
    datePublished: report.datePublished,
    author: report.authors.map((a) => ({ '@type': 'Person', name: a.name, ...(a.role ? { jobTitle: a.role } : {}) })),
    contentLocation: { '@type': 'Place', name: report.place.join(' ') },
    about: report.topics,
    abstract: report.summary,
    isPartOf: { '@type': 'WebSite', name: report.site.name, url: report.site.url },
  };
}

const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON safe to place verbatim between <script type="application/ld+json"> and </script>. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c] as string);
}
