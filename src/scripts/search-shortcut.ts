/** `/` jumps to the search box, unless the reader is typing somewhere. */
document.addEventListener('keydown', (event) => {
  const target = event.target;
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)))
    return;
  const box = document.querySelector<HTMLElement>('[data-search-shortcut]');
  if (box) {
    event.preventDefault();
    box.focus();
  }
});
