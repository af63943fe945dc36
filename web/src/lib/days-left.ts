// How far a deadline is from today, in words. Two wordings, kept apart on purpose: the start
// page's lists mix items' due dates with report-back deadlines and say the day as people
// do ("i morgon", "om 3 dagar", "11 dagar sedan"); the follow-up screens are about meeting
// a deadline and say what is left or how late it is ("3 dagar kvar", "2 dagar försenad").
import { t } from './i18n.svelte';

export type DaysWording = 'relative' | 'remaining';

/** `days` from today to the deadline (negative: past) in words. */
export function daysLeftText(days: number, wording: DaysWording = 'relative'): string {
  if (wording === 'remaining') {
    if (days > 1) return t('followUp.daysLeft', { n: days });
    if (days === 1) return t('followUp.dayLeft', { n: days });
    if (days === 0) return t('followUp.dueToday', { n: days });
    if (days === -1) return t('followUp.dayOverdue', { n: 1 });
    return t('followUp.daysOverdue', { n: -days });
  }
  if (days === 0) return t('myWork.today');
  if (days === 1) return t('myWork.tomorrow');
  if (days === -1) return t('myWork.yesterday');
  if (days > 1) return t('myWork.inDays', { days });
  return t('myWork.daysAgo', { days: -days });
}
