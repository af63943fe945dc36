import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { draftsOf, notAcknowledged, toAcknowledge, type ItemEntry, type MyWork } from './my-work';
import type { ItemStatus } from './api-types';
import ItemTable from '../components/my-work/ItemTable.svelte';

function item(code: string, status: ItemStatus, extra: Partial<ItemEntry> = {}): ItemEntry {
  return {
    code,
    title: `Uppdrag ${code}`,
    kind: 'assignment',
    status,
    issuer: 'KD',
    issuer_name: 'Kommundirektörens kontor',
    recipient: 'SEK-LAR',
    recipient_kind: 'unit',
    recipient_name: 'Lärande',
    due: '2026-06-30',
    issued_on: '2025-11-30',
    acknowledged_on: null,
    days_left: 212,
    via: 'SEK-LAR',
    answers: true,
    ...extra,
  };
}

describe('Mitt uppdrag', () => {
  it('asks the person to acknowledge only what they answer for', () => {
    const work = {
      received: [item('A', 'issued'), item('B', 'issued', { answers: false }), item('C', 'acknowledged')],
      issued: [item('D', 'issued'), item('E', 'acknowledged'), item('F', 'draft')],
    } as MyWork;
    expect(toAcknowledge(work).map((entry) => entry.code)).toEqual(['A']);
    expect(notAcknowledged(work).map((entry) => entry.code)).toEqual(['D']);
    // A draft waits for its issuer, not for an acknowledgement: nobody has been given it.
    expect(draftsOf(work).map((entry) => entry.code)).toEqual(['F']);
  });

  it('shows each item with its issuer, state in words and an acknowledge link', () => {
    render(ItemTable, {
      items: [
        item('KD-U039', 'issued', { days_left: -3 }),
        item('KD-U001', 'acknowledged', { via: null }),
        item('LAR-U021', 'acknowledged', { answers: false }),
      ],
      caption: 'Till mig',
    });
    const table = screen.getByRole('table', { name: 'Till mig' });
    expect(table.textContent).toContain('Kommundirektörens kontor');
    expect(table.textContent).toContain('3 dagar sedan');
    expect(screen.getByText('Utfärdat, ej kvitterat')).toBeTruthy();
    expect(screen.getByText('Till dig')).toBeTruthy();
    // The head answers for what came to their unit; a member only sees it.
    expect(screen.getAllByText('Lärande').length).toBe(1);
    expect(screen.getByText('Lärande (som medlem)')).toBeTruthy();
    const acknowledge = screen.getByRole('link', { name: 'Kvittera' });
    expect(acknowledge.getAttribute('href')).toBe('/uppdrag/KD-U039');
  });
});
