/**
 * Light/dark switch. The system preference applies until the reader chooses; the choice persists.
 * (The saved choice is applied before first paint by the small inline script in BaseLayout.)
 */
const button = document.getElementById('theme-toggle');
if (button) {
  const root = document.documentElement;
  const isDark = () =>
    root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  const show = () => button.setAttribute('aria-pressed', String(isDark()));
  button.hidden = false;
  show();
  button.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      // storage blocked: the choice lasts for this page only
    }
    show();
  });
}
