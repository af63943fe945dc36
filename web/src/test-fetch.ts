// For unit tests: the API's paged lists served from memory through a stubbed fetch.
import { vi } from 'vitest';

/** Serves `entries` as a paged list at any path, `per_page` at a time as asked; returns the
 * URLs asked, in order. Undo with vi.unstubAllGlobals(). */
export function servePagedList<T>(entries: readonly T[]): string[] {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      asked.push(url);
      const search = new URL(url, 'http://x').searchParams;
      const page = Number(search.get('page'));
      const perPage = Number(search.get('per_page'));
      const items = entries.slice((page - 1) * perPage, page * perPage);
      return new Response(JSON.stringify({ items, page, per_page: perPage, total: entries.length }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return asked;
}
