/**
 * Gives an article body stable ASCII anchors: `section-N` on its headings (no fragment derived from
 * Chinese text) and `<mark id="quote-N">` around each statistic's quote, so a number on any page can
 * link to the exact sentence it comes from.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';
import { quoteAnchorIds } from './quote-anchors';

interface FrontmatterStats {
  stats?: { quote?: unknown }[];
}

const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'li', 'figcaption', 'blockquote', 'td']);

/** Text nodes under an element with their offsets in its concatenated text. */
function textRuns(element: Element): { node: Text; parent: Element; start: number }[] {
  const runs: { node: Text; parent: Element; start: number }[] = [];
  let offset = 0;
  const walk = (parent: Element) => {
    for (const child of parent.children) {
      if (child.type === 'text') {
        runs.push({ node: child, parent, start: offset });
        offset += child.value.length;
      } else if (child.type === 'element') {
        // Editorial notes are the archive's words, not the source's: quotes never include them.
        if ((child.properties.className as string[] | undefined)?.includes('ed-note')) continue;
        walk(child);
      }
    }
  };
  walk(element);
  return runs;
}

/** Wraps [start, end) of the element's text in marks; the first mark carries the id. */
function markRange(element: Element, start: number, end: number, id: string): void {
  let first = true;
  for (const run of textRuns(element)) {
    const runEnd = run.start + run.node.value.length;
    if (runEnd <= start || run.start >= end) continue;
    const from = Math.max(start, run.start) - run.start;
    const to = Math.min(end, runEnd) - run.start;
    const value = run.node.value;
    const mark: Element = {
      type: 'element',
      tagName: 'mark',
      properties: first ? { id, className: ['quote-anchor'] } : { className: ['quote-anchor'] },
      children: [{ type: 'text', value: value.slice(from, to) }],
    };
    first = false;
    const pieces: ElementContent[] = [];
    if (from > 0) pieces.push({ type: 'text', value: value.slice(0, from) });
    pieces.push(mark);
    if (to < value.length) pieces.push({ type: 'text', value: value.slice(to) });
    const index = run.parent.children.indexOf(run.node);
    run.parent.children.splice(index, 1, ...pieces);
  }
}

export default function rehypeArticleAnchors() {
  return (tree: Root, file: { data: { astro?: { frontmatter?: FrontmatterStats } } }) => {
    let section = 0;
    visit(tree, 'element', (node) => {
      if (/^h[2-4]$/.test(node.tagName)) node.properties.id = `section-${++section}`;
    });

    const quotes = (file.data.astro?.frontmatter?.stats ?? [])
      .map((stat) => stat.quote)
      .filter((quote): quote is string => typeof quote === 'string');
    for (const [quote, id] of quoteAnchorIds(quotes).distinct) {
      let done = false;
      visit(tree, 'element', (node) => {
        if (done || !BLOCKS.has(node.tagName)) return;
        const text = textRuns(node)
          .map((run) => run.node.value)
          .join('');
        const at = text.indexOf(quote);
        if (at >= 0) {
          markRange(node, at, at + quote.length, id);
          done = true;
        }
      });
    }
  };
}
