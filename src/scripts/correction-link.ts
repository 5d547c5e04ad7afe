/**
 * The report page's "纠错 / 报告问题" link: just before the reader follows it, the text they selected is
 * added to the new issue (src/lib/issue-link.ts). Without JavaScript the link opens the issue without it.
 * A click on the link may clear the selection before the click event, so the selection is also taken
 * when the pointer goes down on the link, and kept for the click that follows.
 */
import { correctionIssueUrl, type CorrectionTarget } from '../lib/issue-link.ts';

function selectedText(): string {
  return document.getSelection()?.toString() ?? '';
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-correction]')) {
  const target = JSON.parse(link.dataset.correction ?? '') as CorrectionTarget;
  let pressed = '';
  const update = (selection: string) => {
    link.href = correctionIssueUrl(target, selection);
  };
  link.addEventListener('pointerdown', () => {
    pressed = selectedText();
    update(pressed);
  });
  link.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') update(selectedText());
  });
  link.addEventListener('click', () => {
    update(selectedText() || pressed);
    pressed = '';
  });
}
