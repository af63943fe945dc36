import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { SvelteSet } from 'svelte/reactivity';
import ChainNode from './ChainNode.svelte';
import { buildChain } from '../../lib/chain';
import type { ItemSummary } from '../../lib/api-types';

const summary = (code: string, origin: string, extra: Partial<ItemSummary> = {}): ItemSummary => ({
  code,
  kind: 'assignment',
  title: `Titel ${code}`,
  issuer: 'KD',
  recipient: 'SEK-LAR',
  recipient_name: 'Lärande',
  origin,
  status: 'issued',
  due: '2025-12-31',
  ...extra,
});

const [section] = buildChain(
  [summary('KD-U001', 'VP25-U01'), summary('LAR-U001', 'KD-U001', { recipient_name: 'Grundskola Aspenäs', status: 'acknowledged' })],
  new Map(),
);

describe('ChainNode', () => {
  it('shows code, title, kind, recipient, status and due date, and links to the item', () => {
    render(ChainNode, { node: section.nodes[0], expanded: new SvelteSet<string>() });
    const link = screen.getByRole('link', { name: 'KD-U001 Titel KD-U001' });
    expect(link.getAttribute('href')).toBe('/uppdrag/KD-U001');
    expect(screen.getByText('Uppdrag')).toBeTruthy();
    expect(screen.getByText('Till: Lärande')).toBeTruthy();
    expect(screen.getByText('Utfärdat, ej kvitterat')).toBeTruthy();
    expect(screen.getByText('Klart senast 2025-12-31')).toBeTruthy();
    expect(screen.getByText('1 under')).toBeTruthy();
  });

  it('opens and closes its branch with a disclosure button', async () => {
    const expanded = new SvelteSet<string>();
    render(ChainNode, { node: section.nodes[0], expanded });
    const button = screen.getByRole('button', { name: 'Visa under KD-U001' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(/LAR-U001/)).toBeNull();

    await fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe('kedja-KD-U001');
    expect(document.getElementById('kedja-KD-U001')).not.toBeNull();
    expect(screen.getByRole('link', { name: 'LAR-U001 Titel LAR-U001' })).toBeTruthy();
    expect(screen.getByText('Till: Grundskola Aspenäs')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Dölj under KD-U001' })).toBe(button);

    await fireEvent.click(button);
    expect(screen.queryByText(/LAR-U001/)).toBeNull();
    expect(expanded.size).toBe(0);
  });

  it('marks what is shown only as context while filtering', () => {
    render(ChainNode, { node: section.nodes[0], expanded: new SvelteSet(['KD-U001']), matched: new Set(['LAR-U001']) });
    expect(screen.getAllByText('sammanhang')).toHaveLength(1);
  });
});
