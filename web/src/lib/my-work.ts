// "Mitt uppdrag": the shapes of GET /api/v1/my-work and how its deadlines are put in words.
import { t } from './i18n.svelte';

export interface ItemEntry {
  code: string;
  title: string;
  kind: string;
  status: string;
  issuer: string;
  issuer_name: string;
  recipient: string;
  recipient_kind: 'unit' | 'person';
  recipient_name: string;
  due: string | null;
  issued_on: string | null;
  acknowledged_on: string | null;
  days_left: number | null;
  via?: string | null;
  answers?: boolean;
}

export interface ReportBackEntry {
  occasion: { code: string; name: string; meeting: string; kind: string };
  recipient: { code: string; name: string; kind: string };
  state: string;
  late: boolean;
  deadline: string | null;
  days_left: number | null;
}

export interface DeviationEntry {
  code: string;
  title: string;
  gravity: number;
  unit: string;
  unit_name: string;
  reported_at: string;
  reported_by_name: string;
  levels_told: number;
  levels_acknowledged: number;
  state: string;
}

export interface MyWork {
  today: string;
  person: { code: string; name: string } | null;
  units: { code: string; name: string; kind: string; role: string }[];
  received: ItemEntry[];
  issued: ItemEntry[];
  report_backs: ReportBackEntry[];
  to_approve: ReportBackEntry[];
  deviations: DeviationEntry[];
  unread_notifications: number;
  unread_capped: boolean;
}

/** "om 3 dagar", "i dag", "i går", "5 dagar sedan": how far a deadline is from today. */
export function daysLeftText(days: number | null): string {
  if (days === null) return '';
  if (days === 0) return t('myWork.today');
  if (days === 1) return t('myWork.tomorrow');
  if (days === -1) return t('myWork.yesterday');
  if (days > 1) return t('myWork.inDays', { days });
  return t('myWork.daysAgo', { days: -days });
}

/** The items that need the person now: issued to them and not acknowledged. */
export function toAcknowledge(work: MyWork): ItemEntry[] {
  return work.received.filter((item) => item.status === 'issued' && item.answers);
}

/** What the person's units issued that is still not acknowledged: who to chase. */
export function notAcknowledged(work: MyWork): ItemEntry[] {
  return work.issued.filter((item) => item.status === 'issued' || item.status === 'draft');
}
