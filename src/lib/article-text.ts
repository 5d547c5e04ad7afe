/**
 * The reading text of an MDX article: what a reader sees of the source, without markup, imports,
 * expressions or component attributes (editorial notes live in attributes, so they are not counted as
 * source text). Statistics' quotes are checked against this text.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { Nodes, Root } from 'mdast';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkCjkFriendly);

export function parseMdx(source: string): Root {
  return parser.parse(source);
}

const BLOCKS = new Set(['paragraph', 'heading', 'mdxJsxFlowElement', 'blockquote', 'listItem', 'tableCell']);

function collect(node: Nodes, out: string[]): void {
  if (node.type === 'text' || node.type === 'inlineCode') {
    out.push(node.value);
    return;
  }
  if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return;
  if ('children' in node) {
    for (const child of node.children) collect(child as Nodes, out);
    if (BLOCKS.has(node.type)) out.push('\n');
  }
}

/** Plain text of a parsed body, one line per block. */
export function treeText(tree: Root): string {
  const out: string[] = [];
  collect(tree, out);
  return out
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** Plain text of the body, one line per block. */
export function bodyText(source: string): string {
  return treeText(parseMdx(source));
}
