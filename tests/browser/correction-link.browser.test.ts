/**
 * The correction link in Chromium, under the site's Content-Security-Policy: text selected on a report
 * page goes into the new issue when the link is activated, by keyboard or by mouse. The navigation to
 * GitHub is cancelled on the page (no network in tests), after the link's own handlers ran.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSite, type BrowserSite } from '../helpers/browser-site.ts';
import { siteDir } from '../helpers/site.ts';

const ID = 'hohhot-2015-review';
let site: BrowserSite;

beforeAll(async () => {
  site = await openSite(siteDir(), inject('siteBase'));
});
afterAll(() => site?.close());

/** Selects the text of the report body's first paragraph and returns it; links then go nowhere. */
async function selectParagraph(page: Page): Promise<string> {
  return page.evaluate(() => {
    document.addEventListener('click', (event) => event.preventDefault());
    const paragraph = document.querySelector('.report__body p')!;
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  });
}

/** The quoted lines of the issue body the link opens. */
async function quotedText(page: Page): Promise<string> {
  const href = await page.locator('a[data-correction]').getAttribute('href');
  const body = new URL(href!).searchParams.get('body') ?? '';
  return body
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .map((line) => line.slice(2))
    .join('');
}

describe('the correction link', () => {
  it.each(['keyboard', 'mouse'])('adds the selected text to the issue when activated by %s', async (how) => {
    const visit = await site.visit(`reports/${ID}/`);
    const { page } = visit;
    const link = page.locator('a[data-correction]');
    expect(await quotedText(page)).toBe('');
    const selected = await selectParagraph(page);
    expect(selected.length).toBeGreaterThan(10);
    if (how === 'keyboard') {
      await link.focus();
      await page.keyboard.press('Enter');
    } else {
      await link.click();
    }
    expect(await quotedText(page)).toBe(selected.replace(/\s+/g, ''));
    expect(page.url()).toBe(site.url(`reports/${ID}/`));
    expect(await visit.problems()).toEqual([]);
  });

  it('leaves the selection out when nothing is selected', async () => {
    const visit = await site.visit(`reports/${ID}/`);
    await visit.page.evaluate(() => document.addEventListener('click', (event) => event.preventDefault()));
    await visit.page.locator('a[data-correction]').click();
    expect(await quotedText(visit.page)).toBe('');
    expect(await visit.problems()).toEqual([]);
  });
});
