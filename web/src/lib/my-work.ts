// "Mitt uppdrag": the shapes of GET /api/v1/my-work and what the start page picks from it.
import type { DeviationSummary, ItemSummary, OccasionSummary, PersonRef } from './api-types';
import type { Recipient, ReportBackState } from './follow-up';

/** An item of `received` or `issued`: an ItemSummary with how it reaches the person. */
export interface ItemEntry extends ItemSummary {
  /** Days from the server's today to the due date (negative when past); null without one. */
  days_left: number | null;
  /** The unit it came to through the person's membership; null when addressed to them. */
  via?: string | null;
  /** Whether the person answers for it rather than seeing it as a member of the unit. */
  answers?: boolean;
}

export interface ReportBackEntry {
  occasion: OccasionSummary;
  recipient: Recipient;
  state: ReportBackState;
  late: boolean;
  deadline: string | null;
  days_left: number | null;
}

export interface MyWork {
  today: string;
  person: PersonRef | null;
  units: { code: string; name: string; kind: string; role: string }[];
  received: ItemEntry[];
  issued: ItemEntry[];
  report_backs: ReportBackEntry[];
  to_approve: ReportBackEntry[];
  deviations: DeviationSummary[];
  unread_notifications: number;
  unread_capped: boolean;
}

/** The items that need the person now: issued to them and not acknowledged. */
export function toAcknowledge(work: MyWork): ItemEntry[] {
  return work.received.filter((item) => item.status === 'issued' && item.answers);
}

/** What the person's units issued that is still not acknowledged: who to chase. */
export function notAcknowledged(work: MyWork): ItemEntry[] {
  return work.issued.filter((item) => item.status === 'issued');
}

/** What the person's units have drafted and not issued yet: nobody has been given it. */
export function draftsOf(work: MyWork): ItemEntry[] {
  return work.issued.filter((item) => item.status === 'draft');
}
