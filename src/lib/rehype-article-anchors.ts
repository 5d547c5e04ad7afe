/**
 * Gives an article body stable ASCII anchors: `section-N` on its headings (no fragment derived from
 * Chinese text) and `<mark id="quote-N">` around each statistic's quote, so a number on any page can
 * link to the exact sentence it comes from.
 */
import type { Element, Root, RootContent, Text } from 'hast';
import { visit } from 'unist-util-visit';
import { quoteAnchorIds } from './quote-anchors.ts';

interface FrontmatterStats {
  stats?: { quote?: unknown }[];
}

/**
 * A node that holds children: HTML elements and, before rendering, MDX components such as <Caption> or
 * <Sic> (their notes live in attributes, so their children are source text only).
 */
interface Parent {
  type: string;
  tagName?: string;
  name?: string | null;
  children: RootContent[];
}

const BLOCK_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'li', 'blockquote', 'td']);
const BLOCK_COMPONENTS = new Set(['Caption']);

const isParent = (node: unknown): node is Parent =>
  typeof node === 'object' && node !== null && Array.isArray((node as Parent).children);

const isBlock = (node: Parent) =>
  (node.type === 'element' && BLOCK_TAGS.has(node.tagName ?? '')) ||
  (node.type === 'mdxJsxFlowElement' && BLOCK_COMPONENTS.has(node.name ?? ''));

/** Text nodes under a block with their offsets in its concatenated text. */
function textRuns(block: Parent): { node: Text; parent: Parent; start: number }[] {
  const runs: { node: Text; parent: Parent; start: number }[] = [];
  let offset = 0;
  const walk = (parent: Parent) => {
    for (const child of parent.children) {
      if (child.type === 'text') {
        runs.push({ node: child, parent, start: offset });
        offset += child.value.length;
      } else if (isParent(child)) {
        walk(child);
      }
    }
  };
  walk(block);
  return runs;
}

/** Wraps [start, end) of the element's text in marks; the first mark carries the id. */
function markRange(block: Parent, start: number, end: number, id: string): void {
  let first = true;
  for (const run of textRuns(block)) {
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
    const pieces: RootContent[] = [];
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
    // Blocks in document order with their text, taken once: marking wraps text, it never changes it.
    const blocks: { node: Parent; text: string }[] = [];
    visit(tree, (node) => {
      if (isParent(node) && isBlock(node)) {
        blocks.push({
          node,
          text: textRuns(node)
            .map((run) => run.node.value)
            .join(''),
        });
      }
    });
    for (const [quote, id] of quoteAnchorIds(quotes).distinct) {
      const block = blocks.find((b) => b.text.includes(quote));
      if (block) {
        const at = block.text.indexOf(quote);
        markRange(block.node, at, at + quote.length, id);
      }
    }
  };
}
