// The person's notifications (GET /api/v1/notifications): what the outbox told them in the
// app (and by e-mail), with the link it carries turned into the UI's page for the same thing.
import { get, post, query, seg } from './api';

export interface Notification {
  id: number;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
  email: string;
}

export function loadNotifications(unreadOnly: boolean, limit = 100): Promise<Notification[]> {
  return get<{ notifications: Notification[] }>(`/notifications${query({ unread: unreadOnly ? 'true' : null, limit })}`).then(
    (answer) => answer.notifications,
  );
}

export function markRead(id: number): Promise<unknown> {
  return post(`/notifications/${seg(String(id))}/read`);
}

// The API's paths a notification links to, and the screens that show the same record.
const pages: [RegExp, (...parts: string[]) => string][] = [
  [/^\/api\/v1\/deviations\/([^/]+)$/, (code) => `/avvikelser/${code}`],
  [/^\/api\/v1\/occasions\/([^/]+)\/report-backs\/([^/]+)$/, (occasion, recipient) => `/uppfoljning/${occasion}/${recipient}`],
  [/^\/api\/v1\/occasions\/([^/]+)(?:\/overview)?$/, (occasion) => `/uppfoljning/${occasion}`],
  [/^\/api\/v1\/items\/([^/]+)$/, (code) => `/uppdrag/${code}`],
  [/^\/api\/v1\/indicators\/([^/]+)$/, (code) => `/indikatorer/${code}`],
];

/** The UI's page for a notification's link (segments kept as the API encoded them); null when
 * the UI has no page for it. */
export function pageOf(link: string | null): string | null {
  if (!link) return null;
  const path = link.split('?')[0];
  for (const [pattern, page] of pages) {
    const found = pattern.exec(path);
    if (found) return page(...found.slice(1));
  }
  return null;
}
