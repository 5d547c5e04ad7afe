/**
 * Where each statistic's quote stands in the article: one anchor per distinct quote (before/after pairs
 * share their sentence), in the order the statistics list them. The rehype plugin marks the anchors in
 * the body; the statistics panel and the data pages link to them. Both call `quoteAnchorIds`.
 */
export function quoteAnchorIds(quotes: readonly string[]): { anchorOf: string[]; distinct: Map<string, string> } {
  const distinct = new Map<string, string>();
  const anchorOf = quotes.map((quote) => {
    let id = distinct.get(quote);
    if (!id) {
      id = `quote-${distinct.size + 1}`;
      distinct.set(quote, id);
    }
    return id;
  });
  return { anchorOf, distinct };
}
