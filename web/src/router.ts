import { reactive } from 'vue';

/** Hash routes (#/page?k=v): the server serves one page, and a bookmark keeps region, year and filters. */
export const route = reactive<{ page: string; query: Record<string, string> }>({ page: 'overview', query: {} });

function parse(): void {
  const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  route.page = path || 'overview';
  route.query = Object.fromEntries(new URLSearchParams(search));
}

export function go(page: string, query: Record<string, string | number | undefined> = {}): void {
  const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== '') as [string, string][]);
  location.hash = `#/${page}${q.toString() ? `?${q}` : ''}`;
}

/** A link to a page; a parameter without a value (null, undefined) is left out of it. */
export function href(page: string, query: Record<string, string | number | null | undefined> = {}): string {
  const q = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === null || v === undefined ? [] : [[k, String(v)]])));
  return `#/${page}${q.toString() ? `?${q}` : ''}`;
}

window.addEventListener('hashchange', parse);
parse();
