// For a table's scrolling wrapper (`<div class="table-wrap" {@attach scrollRegion}>`): while
// the table is wider than the screen (a phone), the wrapper is a region named by the table's
// caption that takes focus, so a keyboard user can scroll it too (WCAG 2.1.1, and axe's
// scrollable-region-focusable); when everything fits, it is a plain box out of the tab order.
import { t } from './i18n.svelte';

export function scrollRegion(node: HTMLElement): () => void {
  const update = () => {
    if (node.scrollWidth > node.clientWidth + 1) {
      const table = node.querySelector('table');
      const name =
        table?.querySelector('caption')?.textContent?.replace(/\s+/g, ' ').trim() ||
        table?.getAttribute('aria-label') ||
        t('app.scrollTable');
      node.tabIndex = 0;
      node.setAttribute('role', 'region');
      node.setAttribute('aria-label', name);
    } else {
      node.removeAttribute('tabindex');
      node.removeAttribute('role');
      node.removeAttribute('aria-label');
    }
  };
  update();
  if (typeof ResizeObserver === 'undefined') return () => {};
  const observer = new ResizeObserver(update);
  observer.observe(node);
  if (node.firstElementChild) observer.observe(node.firstElementChild);
  return () => observer.disconnect();
}
