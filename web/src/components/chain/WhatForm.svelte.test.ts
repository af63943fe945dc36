import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import WhatForm from './WhatForm.svelte';
import { emptyIssueForm, type IssueForm } from '../../lib/chain';

// A rune-compiled test, so the form's values are reactive state as on a screen.
function setup(initial: IssueForm = emptyIssueForm(), problems: { field: string; message: string }[] = []) {
  const values = $state(initial);
  return render(WhatForm, {
    values,
    problems,
    issuerName: 'Lärande',
    recipients: {
      units: [{ code: 'LAR-E01', name: 'Grundskola Aspenäs', kind: 'unit', detail: ['unit'] }],
      people: [{ code: 'P00003', name: 'Tilda Persson', kind: 'person', detail: ['head'] }],
    },
    kinds: ['assignment', 'activity'],
    indicators: [
      { code: 'BEHORIGHET', name: 'Behörighet till gymnasiet', description: '', unit_of_measure: '%', direction: 'higher_is_better', aggregation: 'ratio_of_sums', targets: [] },
    ],
    assessmentOptions: ['Tertialrapport april 2025', 'Delårsrapport 2025'],
    today: '2025-11-30',
  });
}

describe('WhatForm', () => {
  it('offers the units below and the members as recipients, under their own headings', () => {
    setup();
    const select = screen.getByLabelText('Mottagare') as HTMLSelectElement;
    const groups = select.querySelectorAll('optgroup');
    expect([...groups].map((group) => group.label)).toEqual(['Enheter under Lärande', 'Medarbetare i Lärande']);
    expect(within(groups[0] as HTMLElement).getByText('Grundskola Aspenäs (LAR-E01)')).toBeTruthy();
    expect(within(groups[1] as HTMLElement).getByText('Tilda Persson – Chef')).toBeTruthy();
    expect([...(screen.getByLabelText('Typ') as HTMLSelectElement).options].map((option) => option.text)).toEqual(['Uppdrag', 'Aktivitet']);
  });

  it('shows the fields of a way of following up once it is ticked', async () => {
    setup();
    expect(screen.queryByLabelText('Leveransen ska vara klar senast')).toBeNull();
    await fireEvent.click(screen.getByLabelText('Leverans med slutdatum'));
    expect(screen.getByLabelText('Leverans')).toBeTruthy();
    expect(screen.getByLabelText('Leveransen ska vara klar senast')).toBeTruthy();
    await fireEvent.click(screen.getByLabelText('Bedömning vid namngivna uppföljningstillfällen'));
    expect(screen.getByLabelText('Delårsrapport 2025')).toBeTruthy();
    await fireEvent.click(screen.getByLabelText('Mätning med en indikator'));
    expect(screen.getByLabelText('Målvärde')).toBeTruthy();
  });

  it('ties an error to its field', () => {
    setup(emptyIssueForm(), [{ field: 'utf-rubrik', message: 'Skriv en rubrik.' }]);
    const title = screen.getByLabelText('Rubrik');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    const described = title.getAttribute('aria-describedby')!.split(' ');
    expect(described.map((id) => document.getElementById(id)?.textContent)).toEqual(['Vad ska uppnås? Kort och tydligt.', 'Skriv en rubrik.']);
  });

  it('shows a recipient that cannot change as text', () => {
    render(WhatForm, {
      values: { ...emptyIssueForm(), recipient: 'LAR-E01' },
      problems: [],
      issuerName: 'Lärande',
      recipients: { units: [], people: [] },
      kinds: ['assignment'],
      indicators: [],
      assessmentOptions: [],
      recipientLocked: 'Grundskola Aspenäs (LAR-E01)',
    });
    const field = screen.getByLabelText('Mottagare') as HTMLInputElement;
    expect(field.readOnly).toBe(true);
    expect(field.value).toBe('Grundskola Aspenäs (LAR-E01)');
  });
});
