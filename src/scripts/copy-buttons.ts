/** Copy buttons of the citation block; shown only where the Clipboard API exists. */
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const text = document.getElementById(button.dataset.copy ?? '')?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      button.dataset.state = 'done';
      button.setAttribute('aria-live', 'polite');
      button.textContent = '已复制';
    } catch {
      button.textContent = '复制失败，请手动选择文本';
    }
  });
}
