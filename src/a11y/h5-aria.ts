/**
 * H5 only: Taro's web components write WeChat's accessibility attributes as they are spelled for
 * the mini-program (`aria-role`), keep an `aria-label` on the custom element rather than on the
 * <input> inside it, and the router's page container scrolls without being focusable. Screen
 * readers and axe-core (tests/e2e/a11y.test.ts) need the web spelling, so this maps them once,
 * for every page and component, as the DOM changes. WeChat itself reads `aria-role` natively.
 */
function fix(root: ParentNode): void {
  root.querySelectorAll('[aria-role]').forEach((el) => {
    const role = el.getAttribute('aria-role');
    el.removeAttribute('aria-role');
    if (role && !el.hasAttribute('role')) el.setAttribute('role', role);
  });
  root.querySelectorAll('[aria-label] input:not([aria-label]), [aria-label] textarea:not([aria-label])').forEach((input) => {
    const label = input.closest('[aria-label]')?.getAttribute('aria-label');
    if (label) input.setAttribute('aria-label', label);
  });
  root.querySelectorAll('.taro_page:not([tabindex])').forEach((page) => page.setAttribute('tabindex', '0'));
}

export function installH5Aria(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  // Synchronously in the observer's callback (a microtask after React's commit), so nothing —
  // a screen reader, a test — sees the mini-program spelling in between. fix() is idempotent: the
  // changes it makes itself trigger one more, empty, pass.
  new MutationObserver(() => fix(document)).observe(document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-role', 'aria-label'],
  });
  fix(document);
}
