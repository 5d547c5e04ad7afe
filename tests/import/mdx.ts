/**
 * Compiles and runs MDX the way the site does (MDX + GFM + CJK-friendly emphasis, no SmartyPants), with
 * a tiny JSX runtime that builds plain trees, so a test can read back the text a page would show.
 */
import { evaluate } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly';

interface Element {
  type: string;
  props: { children?: Node };
}
type Node = string | number | boolean | null | undefined | Element | Node[];

const Fragment = 'fragment';
const jsx = (type: string | ((props: Record<string, unknown>) => Node), props: Record<string, unknown>): Node =>
  typeof type === 'function' ? type(props) : ({ type, props } as Element);

/** The editorial components as the page renders their visible text (Note's text is an attribute, not source text). */
const components = {
  Caption: (props: { children?: Node }) => ({ type: 'figcaption', props: { children: props.children } }),
  Note: () => null,
  Lacuna: () => null,
};

function textOf(node: Node, blocks: string[], current: string[]): void {
  if (node === null || node === undefined || typeof node === 'boolean') return;
  if (typeof node === 'string' || typeof node === 'number') {
    current.push(String(node));
    return;
  }
  if (Array.isArray(node)) {
    for (const child of node) textOf(child, blocks, current);
    return;
  }
  const block = /^(p|h[1-6]|figcaption|li|td|th|blockquote)$/.test(node.type);
  if (block) {
    const inner: string[] = [];
    textOf(node.props.children, blocks, inner);
    blocks.push(inner.join(''));
  } else {
    textOf(node.props.children, blocks, current);
  }
}

export interface Rendered {
  /** Text of each block element, in order. */
  blocks: string[];
  /** Element types used anywhere (to catch Markdown constructs that should not have been made). */
  types: Set<string>;
}

function collectTypes(node: Node, types: Set<string>): void {
  if (Array.isArray(node)) node.forEach((n) => collectTypes(n, types));
  else if (node && typeof node === 'object') {
    types.add(node.type);
    collectTypes(node.props.children, types);
  }
}

/** Compiles and runs an MDX body; throws when it does not compile. */
export async function renderMdx(source: string): Promise<Rendered> {
  const module = await evaluate(source, {
    Fragment,
    jsx,
    jsxs: jsx,
    remarkPlugins: [remarkGfm, remarkCjkFriendly],
  } as unknown as Parameters<typeof evaluate>[1]);
  const tree = module.default({ components } as never) as unknown as Node;
  const blocks: string[] = [];
  const loose: string[] = [];
  textOf(tree, blocks, loose);
  const types = new Set<string>();
  collectTypes(tree, types);
  return { blocks, types };
}
