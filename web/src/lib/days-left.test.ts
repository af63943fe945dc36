import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { daysLeftText } from './days-left';
import { daysBetween } from './format';
import { language } from './i18n.svelte';
import DaysLeft from '../components/DaysLeft.svelte';

describe('how far a deadline is, in words', () => {
  it('says the day as people do on the start page', () => {
    language.set('sv');
    expect(daysLeftText(0)).toBe('i dag');
    expect(daysLeftText(1)).toBe('i morgon');
    expect(daysLeftText(-1)).toBe('i går');
    expect(daysLeftText(212)).toBe('om 212 dagar');
    expect(daysLeftText(-11)).toBe('11 dagar sedan');
    language.set('en');
    expect(daysLeftText(-11)).toBe('11 days ago');
    language.set('sv');
  });

  it('says what is left or how late on the follow-up screens, counted from the server’s day', () => {
    const text = (deadline: string) => daysLeftText(daysBetween('2025-11-30', deadline), 'remaining');
    expect(text('2026-03-20')).toBe('110 dagar kvar');
    expect(text('2025-12-01')).toBe('1 dag kvar');
    expect(text('2025-11-30')).toBe('Sista dagen är i dag');
    expect(text('2025-11-29')).toBe('1 dag försenad');
    expect(text('2025-11-19')).toBe('11 dagar försenad');
  });

  it('marks a past deadline with an icon besides the colour, and shows a dash without one', () => {
    const { container, unmount } = render(DaysLeft, { today: '2025-11-30', deadline: '2025-11-19' });
    const late = container.querySelector('.days');
    expect(late?.classList.contains('overdue')).toBe(true);
    expect(late?.textContent).toContain('✕');
    expect(screen.getByText(/11 dagar försenad/)).toBeTruthy();
    unmount();
    const none = render(DaysLeft, { today: '2025-11-30', deadline: null });
    expect(none.container.textContent?.trim()).toBe('–');
    none.unmount();
    const done = render(DaysLeft, { days: -3, done: true });
    expect(done.container.textContent?.trim()).toBe('–');
    done.unmount();
    render(DaysLeft, { days: 3, wording: 'relative' });
    expect(screen.getByText('om 3 dagar').classList.contains('soon')).toBe(true);
  });
});
