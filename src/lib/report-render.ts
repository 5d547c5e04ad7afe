/**
 * A report body, parsed once: MDX grammar (so the archive's files stay MDX), GFM and CJK-friendly
 * emphasis as Astro's MDX pipeline reads them, but as data: ESM, `{expressions}`, attribute
 * expressions and any element other than the editorial components are refused with their line and
 * column, so nothing in a report runs at build time. From the one tree come the HTML readers see (the
 * editorial components as semantic HTML, src/lib/editorial-markup.ts), the headings for the table of
 * contents, the reading text the statistics are checked against, and the text search indexes.
 */
import type { ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Nodes, Paragraph, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import { toHast } from 'mdast-util-to-hast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import { treeText } from './article-text.ts';
import {
  EDITORIAL_COMPONENTS,
  NOT_SEARCHED,
  editorialElement,
  isEditorialName,
  type EditorialAttributes,
} from './editorial-markup.ts';
import rehypeArticleAnchors from './rehype-article-anchors.ts';
import type { FieldProblem } from './report-checks.ts';
import { joinBase } from './paths.ts';

/**
 * Changes whenever this module's output changes for the same file: it is part of every entry's digest,
 * so a build after such a change renders every report again instead of keeping cached HTML.
 */
export const RENDER_REVISION = '1';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkCjkFriendly);

const JSX_TYPES = ['mdxJsxFlowElement', 'mdxJsxTextElement'] as const;

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderedReport {
  html: string;
  headings: Heading[];
  /** What a reader reads of the source, one line per block, without editorial remarks: quotes are checked here. */
  text: string;
  /** Everything search indexes of the body: source text, editorial remarks, captions without their label. */
  searchText: string;
}

export type RenderResult = { ok: true; report: RenderedReport } | { ok: false; problems: FieldProblem[] };

interface Place {
  line?: number | undefined;
  column?: number | undefined;
}

const placeField = (place: Place | undefined): string => {
  const at =
    place?.line === undefined ? '?' : place.column === undefined ? `${place.line}` : `${place.line}:${place.column}`;
  return `body（第 ${at} 行 / line ${at}）`;
};

const ALLOWED =
  '可用的编辑标记 / allowed: ' +
  Object.entries(EDITORIAL_COMPONENTS)
    .map(
      ([name, spec]) =>
        `<${name}${spec.required.map((a) => ` ${a}="…"`).join('')}${spec.children ? '>…</' + name + '>' : ' />'}`,
    )
    .join(' ');

/** A URL the browser would run as script or open as a document of its own making. */
const SCRIPT_URL = /^\s*(javascript|vbscript|data):/i;

/** Everything in a parsed body that is code rather than text, or an editorial mark used wrongly. */
export function refuseCode(tree: Root): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const refuse = (node: Nodes, message: string) => problems.push({ field: placeField(node.position?.start), message });
  visit(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        refuse(
          node,
          `报道中不允许 import/export：报道是数据，不是代码 / import and export are not allowed in a report`,
        );
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        refuse(
          node,
          `报道中不允许表达式 {${node.value}}：要照录花括号，写作 \\{ 和 \\} / expressions are not allowed; write \\{ and \\} for literal braces`,
        );
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (!isEditorialName(name)) {
          refuse(
            node,
            `不允许的元素 <${name}>（只能用编辑标记；要照录尖括号，写作 \\<）/ element not allowed. ${ALLOWED}`,
          );
          return;
        }
        const spec = EDITORIAL_COMPONENTS[name];
        const given = new Set<string>();
        for (const attribute of node.attributes) {
          if (attribute.type !== 'mdxJsxAttribute') {
            refuse(node, `<${name}> 中不允许展开表达式 {…} / spread expressions are not allowed`);
          } else if (!(spec.attributes as readonly string[]).includes(attribute.name)) {
            refuse(
              node,
              `<${name}> 没有属性 ${attribute.name}（可用：${spec.attributes.join('、') || '无'}）/ unknown attribute`,
            );
          } else {
            given.add(attribute.name);
            if (typeof attribute.value !== 'string') {
              refuse(
                node,
                `<${name} ${attribute.name}> 的值须为带引号的文字，不能是表达式 / the value must be quoted text, not an expression`,
              );
            } else if (SCRIPT_URL.test(attribute.value)) {
              refuse(node, `不允许的链接 / a link that would run script: ${attribute.value}`);
            }
          }
        }
        for (const required of spec.required) {
          if (!given.has(required))
            refuse(node, `<${name}> 缺少属性 ${required} / missing required attribute ${required}`);
        }
        if (!spec.children && node.children.length > 0) {
          refuse(node, `<${name}> 不包含文字，写作 <${name} … /> / <${name}> takes no content`);
        }
        return;
      }
      case 'link':
      case 'image':
      case 'definition':
        if (SCRIPT_URL.test(node.url)) refuse(node, `不允许的链接 / a link that would run script: ${node.url}`);
        return;
      default:
        return;
    }
  });
  return problems;
}

/**
 * A paragraph that holds only components (a `<Caption>…</Caption>` on a line of its own) is not a
 * paragraph: the components stand as blocks, as @mdx-js/mdx's remarkMarkAndUnravel does.
 */
function unravel(tree: Root): void {
  visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
    if (!parent || index === undefined) return;
    const blank = (child: Paragraph['children'][number]) => child.type === 'text' && child.value.trim() === '';
    const onlyJsx = node.children.every((child) => child.type === 'mdxJsxTextElement' || blank(child));
    if (!onlyJsx || !node.children.some((child) => child.type === 'mdxJsxTextElement')) return;
    const blocks = node.children
      .filter((child) => !blank(child))
      .map((child) => ({ ...child, type: 'mdxJsxFlowElement' }) as unknown as Root['children'][number]);
    parent.children.splice(index, 1, ...blocks);
    return index;
  });
}

type JsxHast = MdxJsxFlowElementHast | MdxJsxTextElementHast;

const isJsx = (node: HastContent): node is JsxHast & HastContent =>
  node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/** Replaces each editorial component by its HTML, and prefixes the base path to root-relative links. */
function toHtmlElements(children: HastContent[], base: string): ElementContent[] {
  return children.map((child): ElementContent => {
    if (isJsx(child)) {
      const attributes: EditorialAttributes = {};
      for (const attribute of child.attributes as MdxJsxAttribute[]) {
        attributes[attribute.name as keyof EditorialAttributes] = attribute.value as string;
      }
      const name = child.name ?? '';
      if (!isEditorialName(name)) throw new Error(`unrefused element <${name}>`);
      return editorialElement(name, attributes, toHtmlElements(child.children as HastContent[], base));
    }
    if (child.type === 'element') {
      const href = child.properties.href;
      if (child.tagName === 'a' && typeof href === 'string' && href.startsWith('/') && !href.startsWith('//')) {
        child.properties.href = joinBase(base, href);
      }
      child.children = toHtmlElements(child.children, base);
    }
    return child as ElementContent;
  });
}

/** The text of a tree as search reads it: every text node but those of the archive's own labels. */
function searchableText(nodes: readonly HastContent[], out: string[] = []): string[] {
  for (const node of nodes) {
    if (node.type === 'text') out.push(node.value);
    else if (node.type === 'element' && !NOT_SEARCHED.has(node)) searchableText(node.children, out);
  }
  return out;
}

export interface RenderOptions {
  /** The statistics, whose quotes get anchors (`#quote-N`) in the body. */
  stats: readonly { quote: string }[];
  /** The site's base path, for root-relative links written in a body. */
  base: string;
}

/**
 * Renders a body. `source` is the file with its frontmatter blanked out (lines kept), so every problem
 * names the line and column of the file.
 */
export function renderReportBody(source: string, { stats, base }: RenderOptions): RenderResult {
  let tree: Root;
  try {
    tree = parser.parse(source);
  } catch (error) {
    const place = error as Place & { reason?: string; message?: string };
    return {
      ok: false,
      problems: [
        { field: placeField(place), message: `MDX 语法错误 / MDX syntax error: ${place.reason ?? place.message}` },
      ],
    };
  }
  const problems = refuseCode(tree);
  if (problems.length) return { ok: false, problems };
  unravel(tree);
  const text = treeText(tree);

  const hast = toHast(tree, { passThrough: [...JSX_TYPES] }) as HastRoot;
  // Astro's MDX pipeline order: the project's plugin (section and quote anchors), then heading ids,
  // which keep the anchors and collect the headings, taking a component's text but not its remark.
  const file = new VFile({ path: 'report.mdx', data: { astro: { frontmatter: { stats } } } });
  rehypeArticleAnchors()(hast, file as Parameters<ReturnType<typeof rehypeArticleAnchors>>[1]);
  (rehypeHeadingIds() as (tree: HastRoot, file: VFile) => void)(hast, file);
  const headings = file.data.astro?.headings ?? [];

  const body: HastRoot = { type: 'root', children: toHtmlElements(hast.children, base) };
  return {
    ok: true,
    report: {
      html: toHtml(body),
      headings: headings.map(({ depth, slug, text }) => ({ depth, slug, text })),
      text,
      searchText: searchableText(body.children).join(''),
    },
  };
}
