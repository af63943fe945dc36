// Paths in the address bar, handled in the browser (the server answers every path without a
// file extension with index.html). Links are plain <a href> elements: a click on one that
// stays inside the UI is turned into a navigation here, so that new tabs, copying links and
// the back button all work as on any web page.

export interface Match {
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface RouteDefinition {
  pattern: string;
  segments: string[];
}

export function compile(pattern: string): RouteDefinition {
  return { pattern, segments: pattern.split('/').filter(Boolean) };
}

/** The parameters of `path` under `route` (":code" segments), or null when it does not match. */
export function matchRoute(route: RouteDefinition, path: string): Record<string, string> | null {
  const parts = path.split('/').filter(Boolean);
  if (parts.length !== route.segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const want = route.segments[i];
    let part: string;
    try {
      part = decodeURIComponent(parts[i]);
    } catch {
      return null;
    }
    if (want.startsWith(':')) params[want.slice(1)] = part;
    else if (want !== part) return null;
  }
  return params;
}

class Location {
  path = $state(typeof window === 'undefined' ? '/' : window.location.pathname);
  search = $state(typeof window === 'undefined' ? '' : window.location.search);

  get query(): URLSearchParams {
    return new URLSearchParams(this.search);
  }

  sync(): void {
    this.path = window.location.pathname;
    this.search = window.location.search;
  }
}

export const location = new Location();

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  location.sync();
  window.scrollTo(0, 0);
}

/** Sends clicks on same-origin links through navigate(); call once at start. */
export function interceptLinks(): void {
  window.addEventListener('popstate', () => location.sync());
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    // A link within the page (the skip link, an error summary's link to its field) brings
    // its target into view and moves focus there, so the keyboard continues from it.
    if (url.hash && url.pathname === window.location.pathname && url.search === window.location.search) {
      const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
      if (!target) return;
      event.preventDefault();
      target.scrollIntoView?.({ block: 'center' });
      if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) target.tabIndex = -1;
      target.focus();
      return;
    }
    event.preventDefault();
    if (url.pathname + url.search !== location.path + location.search) {
      navigate(url.pathname + url.search + url.hash);
    }
  });
}

/** A path with its segments encoded: href('/uppdrag', code). */
export function href(...parts: string[]): string {
  return parts.map((part, i) => (i === 0 ? part : encodeURIComponent(part))).join('/');
}
