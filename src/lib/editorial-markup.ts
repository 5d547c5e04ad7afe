/**
 * The editorial components as HTML: the one definition of what each mark looks like. The report
 * renderer (src/lib/report-render.ts) builds report bodies with it, and the Astro components under
 * src/components/editorial/ (used by pages the site authors in MDX, such as 编辑说明) render through it,
 * so a mark in a report and its example on the editorial page cannot drift apart.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';

/** Each component an article body may use, with the attributes it takes and which of them it requires. */
export const EDITORIAL_COMPONENTS = {
  Caption: { attributes: [], required: [], children: true },
  Duplicate: { attributes: ['note'], required: [], children: true },
  Garbled: { attributes: ['note'], required: [], children: true },
  Lacuna: { attributes: ['note'], required: [], children: false },
  Note: { attributes: ['text'], required: ['text'], children: false },
  Sic: { attributes: ['reading', 'note'], required: ['reading'], children: true },
} as const satisfies Record<string, { attributes: readonly string[]; required: readonly string[]; children: boolean }>;

export type EditorialName = keyof typeof EDITORIAL_COMPONENTS;
export type EditorialAttributes = Partial<Record<'note' | 'text' | 'reading', string>>;

export const isEditorialName = (name: string): name is EditorialName => Object.hasOwn(EDITORIAL_COMPONENTS, name);

/**
 * Parts of a mark that are the archive's furniture, not the source's or the editors' text (the caption
 * label): shown to readers, never searched. The renderer skips them when it takes a body's search text.
 */
export const NOT_SEARCHED = new WeakSet<Element>();

/** The visible bracketed remark every editorial mark shares: 〔编者注：…〕. */
const remark = (text: string): Element => h('span.ed-note', `〔编者注：${text}〕`);

/** A mark's HTML around `children` (the text it frames: hast nodes, or raw HTML from an Astro slot). */
export function editorialElement(name: EditorialName, attrs: EditorialAttributes, children: ElementContent[]): Element {
  switch (name) {
    case 'Caption': {
      const label = h('span.caption__label', '图片说明');
      NOT_SEARCHED.add(label);
      return h('figure.caption', [h('figcaption', [label, ...children])]);
    }
    case 'Duplicate':
      return h('div.ed.ed--duplicate', { role: 'group', ariaLabel: '原文重复段落' }, [
        h('p.ed__label', [remark(attrs.note ?? '以下文字原文重复刊出，照录')]),
        ...children,
      ]);
    case 'Garbled':
      return h('span.ed.ed--garbled', [h('span.ed__original', children), remark(attrs.note ?? '此处文字疑为错接')]);
    case 'Lacuna':
      return h('span.ed.ed--lacuna', [h('span', { ariaHidden: 'true' }, '……'), remark(attrs.note ?? '原文此处有缺漏')]);
    case 'Note':
      return h('span.ed.ed--note', [remark(attrs.text ?? '')]);
    case 'Sic':
      return h('span.ed.ed--sic', [
        h('span.ed__original', children),
        remark(`${attrs.note ?? '疑为OCR错误'}，当作“${attrs.reading ?? ''}”`),
      ]);
  }
}

/** A mark as an HTML string around already rendered HTML: what the Astro components (an MDX page's marks) output. */
export function editorialHtml(name: EditorialName, attrs: EditorialAttributes, innerHtml: string): string {
  const children: ElementContent[] = innerHtml ? [{ type: 'raw', value: innerHtml }] : [];
  return toHtml(editorialElement(name, attrs, children), { allowDangerousHtml: true });
}
